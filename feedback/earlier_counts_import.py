"""Importing earlier years' counts (``EarlierCount``) from a CSV: the command
``import_earlier_counts`` and the admin's upload screen both come here.

The file: UTF-8 (a byte order mark is fine), cells separated by ";" or "," (whichever the header
uses), the header ``year;category;district;kind;count;source`` (in any order), one line per
count. Category and district are given by their Swedish names, the kind by its code or Swedish
label; an empty cell is "not recorded" (for the district: the whole unit). Lines starting with
"#" are comments. Quoted cells are fine; a cell cannot span lines.

All or nothing: every line is checked first and each problem is reported with its line number;
only a file without problems is saved, in one transaction, and then replaces every count of the
years it holds. A year the register has items in is refused: the register is its source."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from feedback import statistics_cache
from feedback.choices import Kind
from feedback.models import Category, District, EarlierCount, Feedback

# The unit's published 2012 and 2013 counts: the example staff download, and the demo's.
EXAMPLE = Path(__file__).parent / "data" / "earlier_counts_2012_2013.csv"
COLUMNS = ("year", "category", "district", "kind", "count", "source")
FIRST_YEAR = 1900
MOST = 100_000  # a count; more is a mistake in the file, not a year of a unit's feedback
SOURCE_LENGTH = EarlierCount._meta.get_field("source").max_length
SHOWN_LENGTH = 60  # of a wrong value quoted back in an error


@dataclass(frozen=True)
class YearSummary:
    year: int
    total: int
    rows: int
    replaced: int  # the year's rows that were there before (0: a new year)


@dataclass
class Outcome:
    errors: list[str] = field(default_factory=list)
    lines: list[tuple[int, EarlierCount]] = field(default_factory=list)  # (line number, count)
    years: list[YearSummary] = field(default_factory=list)
    saved: bool = False

    @property
    def counts(self) -> list[EarlierCount]:
        return [count for _number, count in self.lines]


class Names:
    """The Swedish (default-locale) entries of a list by their name, in any case."""

    def __init__(self, model):
        entries = model.objects.filter(locale=Locale.get_default()).order_by("sort_order", "name")
        self.known = [entry.name for entry in entries]
        self.by_name = {entry.name.casefold(): entry for entry in entries}

    def get(self, name: str):
        return self.by_name.get(name.casefold())


def kinds_by_name() -> dict[str, str]:
    """A kind's code by its code or its Swedish label, in any case."""
    with translation.override("sv"):
        labels = {str(label).casefold(): code for code, label in Kind.choices}
    return {**labels, **{code.casefold(): code for code in Kind.values}}


def shown(value: str) -> str:
    return value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"


def import_counts(data: bytes | str, save: bool = True) -> Outcome:
    """Read the file and, if it has no problems and ``save``, replace its years' counts."""
    outcome = read(data)
    if outcome.errors:
        return outcome
    years = sorted({count.year for count in outcome.counts})
    with transaction.atomic():
        registered = set(
            Feedback.objects.filter(year__in=years).values_list("year", flat=True).distinct()
        )
        for year in sorted(registered):
            first = next(number for number, count in outcome.lines if count.year == year)
            outcome.errors.append(
                _(
                    "Line %(line)d: %(year)d already has feedback in the register, which is the "
                    "source for that year; it cannot be imported."
                )
                % {"line": first, "year": year}
            )
        if outcome.errors:
            outcome.lines = []
            return outcome
        before = dict(
            EarlierCount.objects.filter(year__in=years)
            .values_list("year")
            .annotate(n=Count("id"))
            .order_by()
        )
        outcome.years = [
            YearSummary(
                year,
                sum(count.count for count in outcome.counts if count.year == year),
                sum(1 for count in outcome.counts if count.year == year),
                before.get(year, 0),
            )
            for year in years
        ]
        if save:
            now = timezone.now()
            for count in outcome.counts:
                count.imported_at = now
            EarlierCount.objects.filter(year__in=years).delete()
            EarlierCount.objects.bulk_create(outcome.counts)
            # The open statistics are counted again for the next visitor.
            transaction.on_commit(statistics_cache.register_changed)
            outcome.saved = True
    return outcome


def summary(outcome: Outcome) -> list[str]:
    """What the import does to each year of the file, one sentence a year."""
    lines = []
    for year in outcome.years:
        line = ngettext(
            "%(year)d: %(total)d counted, in %(rows)d row.",
            "%(year)d: %(total)d counted, in %(rows)d rows.",
            year.rows,
        ) % {"year": year.year, "total": year.total, "rows": year.rows}
        if year.replaced:
            line += " " + ngettext(
                "Replaces the %(replaced)d row imported for it before.",
                "Replaces the %(replaced)d rows imported for it before.",
                year.replaced,
            ) % {"replaced": year.replaced}
        lines.append(line)
    return lines


def read(data: bytes | str) -> Outcome:
    """The file's counts (unsaved, with their line numbers) and every problem found."""
    outcome = Outcome()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            outcome.errors.append(
                _("The file is not UTF-8 text: save it as CSV UTF-8 and try again.")
            )
            return outcome
    lines = [
        (number, line)
        for number, line in enumerate(data.removeprefix("\ufeff").splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        outcome.errors.append(_("The file has no header and no counts."))
        return outcome
    header_line, header = lines[0]
    delimiter = ";" if ";" in header else ","
    names = [name.strip().casefold() for name in _cells(header, delimiter)]
    if sorted(names) != sorted(COLUMNS):
        outcome.errors.append(
            _("Line %(line)d: the header must name the columns %(columns)s.")
            % {"line": header_line, "columns": ";".join(COLUMNS)}
        )
        return outcome
    position = {name: names.index(name) for name in COLUMNS}
    checker = LineChecker()
    seen: dict[tuple, int] = {}
    for number, line in lines[1:]:
        cells = _cells(line, delimiter)
        while len(cells) > len(COLUMNS) and not cells[-1].strip():
            cells.pop()  # a spreadsheet's empty columns at the end
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(COLUMNS):
            outcome.errors.append(
                ngettext(
                    "Line %(line)d: %(found)d cell, but the header names %(expected)d.",
                    "Line %(line)d: %(found)d cells, but the header names %(expected)d.",
                    len(cells),
                )
                % {"line": number, "found": len(cells), "expected": len(COLUMNS)}
            )
            continue
        count, problems = checker.count({name: cells[position[name]].strip() for name in COLUMNS})
        if count is not None:
            key = (count.year, count.category_id, count.district_id, count.kind)
            if key in seen:
                problems.append(
                    _("the same year, category, district and kind as line %(line)d")
                    % {"line": seen[key]}
                )
            seen.setdefault(key, number)
        if problems:
            outcome.errors += [
                _("Line %(line)d: %(problem)s.") % {"line": number, "problem": problem}
                for problem in problems
            ]
        else:
            outcome.lines.append((number, count))
    if not outcome.errors and not outcome.lines:
        outcome.errors.append(_("The file has a header but no counts."))
    if outcome.errors:
        outcome.lines = []
    return outcome


class LineChecker:
    """One line's cells as a count, or what is wrong with them."""

    def __init__(self):
        self.categories, self.districts = Names(Category), Names(District)
        self.kinds = kinds_by_name()
        self.last_year = timezone.localdate().year - 1

    def count(self, value: dict[str, str]) -> tuple[EarlierCount | None, list[str]]:
        problems = []
        year = _whole_number(value["year"])
        if year is None or not FIRST_YEAR <= year <= self.last_year:
            problems.append(
                _("the year “%(value)s” is not a year from %(first)d to %(last)d")
                % {"value": shown(value["year"]), "first": FIRST_YEAR, "last": self.last_year}
            )
        category = self.categories.get(value["category"]) if value["category"] else None
        if value["category"] and category is None:
            problems.append(
                _(
                    "there is no category “%(value)s” (the categories: %(known)s; leave it empty "
                    "where the source does not say)"
                )
                % {"value": shown(value["category"]), "known": ", ".join(self.categories.known)}
            )
        district = self.districts.get(value["district"]) if value["district"] else None
        if value["district"] and district is None:
            problems.append(
                _(
                    "there is no district “%(value)s” (the districts: %(known)s; leave it empty "
                    "for the whole unit)"
                )
                % {"value": shown(value["district"]), "known": ", ".join(self.districts.known)}
            )
        kind = self.kinds.get(value["kind"].casefold()) if value["kind"] else ""
        if kind is None:
            with translation.override("sv"):
                known = ", ".join(f"{code} ({label})" for code, label in Kind.choices)
            problems.append(
                _(
                    "the kind “%(value)s” is not one of %(known)s (leave it empty where the "
                    "source does not say)"
                )
                % {"value": shown(value["kind"]), "known": known}
            )
        count = _whole_number(value["count"])
        if count is None or not 1 <= count <= MOST:
            problems.append(
                _("the count “%(value)s” is not a whole number from 1 to %(most)d")
                % {"value": shown(value["count"]), "most": MOST}
            )
        if not value["source"]:
            problems.append(_("the source is missing (e.g. Verksamhetsberättelse 2012)"))
        elif len(value["source"]) > SOURCE_LENGTH:
            problems.append(
                _("the source is longer than %(most)d characters") % {"most": SOURCE_LENGTH}
            )
        if problems:
            return None, problems
        return EarlierCount(
            year=year,
            category=category,
            district=district,
            kind=kind,
            count=count,
            source=value["source"],
        ), []


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter))


def _whole_number(text: str) -> int | None:
    """Digits 0–9 only: "²" and "١" are digits to Python, not to a count."""
    return int(text) if text.isascii() and text.isdigit() else None
