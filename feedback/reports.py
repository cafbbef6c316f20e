"""The yearly and tertial feedback report: one set of queries, used by the command, the admin
view and the exports; the open statistics share its grouped count (``grouped``, ``counted``).

Periods are counted in Stockholm time, so an item received on 31 December at 23:30 belongs to
that year whatever UTC says. Counting is done by the database (GROUP BY).
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from feedback import triage, year_on_year
from feedback.action_report import ActionGroup, actions_for_report
from feedback.choices import Helped, Kind, Verdict
from feedback.models import (
    Category,
    District,
    EarlierCount,
    Feedback,
    FollowUp,
    HelpQuestion,
    LocalisedNames,
)
from feedback.periods import Period
from feedback.year_on_year import YearOnYear
from portal.commitments import Commitments, commitments, in_force
from portal.models import ClosedDay
from portal.workdays import STOCKHOLM

Key = TypeVar("Key", bound=Hashable)


@dataclass
class DistrictFigures:
    """One district's part of the report (or the items with no district, ``name`` "")."""

    name: str
    total: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    categories: list[tuple[str, int]] = field(default_factory=list)  # most first
    due_for_answer: int = 0
    answered_in_time: int = 0


@dataclass
class Report:
    period: Period
    total: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_category_and_district: list[tuple[str, str, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_commitment: list[tuple[str, str, int]] = field(default_factory=list)
    # code → (due for an answer, answered in time); code → the follow-up's verdict in words
    commitment_answers: dict[str, tuple[int, int]] = field(default_factory=dict)
    answers_by_district: dict[int | None, tuple[int, int]] = field(default_factory=dict)
    kept_promises: dict[str, str] = field(default_factory=dict)
    answered: int = 0
    # The share answered in time counts the items that asked for an answer and were due (see
    # due_for_answer_filter); answered_in_time is how many of those were answered by the date.
    due_for_answer: int = 0
    answered_in_time: int = 0
    late_with_notice: int = 0
    late_without_notice: int = 0
    median_working_days_to_answer: float | None = None
    still_open: int = 0
    overdue: int = 0
    complaints: int = 0
    justified_complaints: int = 0
    actions: list[tuple[str, str]] = field(default_factory=list)  # (reference, action taken)
    meeting_actions: list[ActionGroup] = field(default_factory=list)  # decided at APT
    previous_year_total: int | None = None
    previous_year_by_category: dict[str, int] = field(default_factory=dict)
    # Where the year before was counted before the register: its counts' source (imported).
    previous_year_source: str = ""
    year_on_year: YearOnYear | None = None  # for a whole year
    by_category_id: dict[int, int] = field(default_factory=dict)  # for the open statistics
    kinds_by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    districts: list[DistrictFigures] = field(default_factory=list)
    # "Did our answer help?": how many were asked, and the answers (yes/partly/no → count)
    help_asked: int = 0
    helped: dict[str, int] = field(default_factory=dict)

    @property
    def help_answered(self) -> int:
        return sum(self.helped.values())

    @property
    def by_category_with_previous_year(self) -> list[tuple[str, int, int]]:
        return [
            (name, n, self.previous_year_by_category.get(name, 0)) for name, n in self.by_category
        ]

    @property
    def share_answered_in_time(self) -> float | None:
        """Of the items that asked for an answer and were due, the share answered in time."""
        return self.answered_in_time / self.due_for_answer if self.due_for_answer else None


def items_in(period: Period):
    return Feedback.objects.filter(received_at__gte=period.start, received_at__lt=period.end)


def items_before(moment) -> QuerySet[Feedback]:
    return Feedback.objects.filter(received_at__lt=moment)


def due_for_answer_filter(today: date) -> Q:
    """Items that asked for an answer (a way to answer and a due date) and were due: the due
    date has passed, or they were answered already. The denominator of the share answered in
    time; items still within their time and unanswered are not counted either way."""
    asked = ~Q(answer_by="") & Q(answer_due__isnull=False)
    return asked & (Q(answer_due__lt=today) | Q(answered_on__isnull=False))


def answered_in_time_filter(today: date) -> Q:
    """Of ``due_for_answer_filter(today)``, those answered on or before their due date."""
    return due_for_answer_filter(today) & Q(
        answered_on__isnull=False, answered_on__lte=F("answer_due")
    )


def grouped(items, today: date, *fields: str) -> list[dict]:
    """One GROUP BY over ``fields`` (ids, no joins) with the response figures as conditional
    counts: a few hundred rows at most, however many items there are."""
    return list(
        items.values(*fields)
        .annotate(
            n=Count("id"),
            answered=Count("id", filter=Q(answered_on__isnull=False)),
            due_for_answer=Count("id", filter=due_for_answer_filter(today)),
            in_time=Count("id", filter=answered_in_time_filter(today)),
            due_noticed=Count(
                "id", filter=due_for_answer_filter(today) & triage.delay_noticed_in_time_filter()
            ),
            in_time_noticed=Count(
                "id", filter=answered_in_time_filter(today) & triage.delay_noticed_in_time_filter()
            ),
            still_open=Count("id", filter=triage.open_filter()),
            overdue=Count("id", filter=triage.overdue_filter(today)),
            justified=Count("id", filter=Q(justified=True)),
        )
        .order_by()
    )


def counted(period: Period, groups: list[dict]) -> Report:
    """The figures that need no names, from ``grouped`` rows with at least the kind and the
    category: what the report and the open statistics share."""
    report = Report(period=period)
    report.total = sum(row["n"] for row in groups)
    report.by_category_id = dict(_summed(groups, lambda row: row["category_id"]))
    report.by_kind = _summed(groups, lambda row: row["kind"])
    report.answered = sum(row["answered"] for row in groups)
    report.due_for_answer = sum(row["due_for_answer"] for row in groups)
    report.answered_in_time = sum(row["in_time"] for row in groups)
    # Late: due for an answer and not answered in time; told of the delay by the first date.
    report.late_with_notice = sum(row["due_noticed"] - row["in_time_noticed"] for row in groups)
    report.late_without_notice = (
        report.due_for_answer - report.answered_in_time - report.late_with_notice
    )
    report.still_open = sum(row["still_open"] for row in groups)
    report.overdue = sum(row["overdue"] for row in groups)
    complaints = [row for row in groups if row["kind"] == Kind.COMPLAINT]
    report.complaints = sum(row["n"] for row in complaints)
    report.justified_complaints = sum(row["justified"] for row in complaints)
    return report


def by_commitment(items, today: date) -> tuple[list[tuple[str, str, int]], dict]:
    """(code, Swedish title, count) per commitment, whatever the language or year of the
    guarantee the item named it in (``portal.commitments``), by code; and per code the items
    due for an answer and those answered in time."""
    known = commitments()
    counts: dict[str, list[int]] = {}
    for row in grouped(items.filter(commitment__isnull=False), today, "commitment__code"):
        figures = counts.setdefault(known.known_as(row["commitment__code"]), [0, 0, 0])
        figures[0] += row["n"]
        figures[1] += row["due_for_answer"]
        figures[2] += row["in_time"]
    rows = [(code, known.title.get(code, code), n) for code, (n, _d, _t) in sorted(counts.items())]
    return rows, {code: (due, in_time) for code, (_n, due, in_time) in counts.items()}


def kept_promises(year: int) -> dict[str, str]:
    """The published whole-unit follow-up of ``year``: each commitment's verdict and sample,
    in the unit's words, by the code it is known by now."""
    follow_up = (
        FollowUp.objects.filter(live=True, year=year, district__isnull=True)
        .prefetch_related("results")
        .order_by("-last_published_at")
        .first()
    )
    if follow_up is None:
        return {}
    known = commitments()
    out = {}
    for result in follow_up.results.all():
        if result.verdict not in Verdict.values:
            continue
        with translation.override("sv"):
            text = str(Verdict(result.verdict).label)
        if result.sample_size is not None:
            text += f" (stickprov: {result.sample_kept} av {result.sample_size})"
        out[known.known_as(result.commitment_code)] = text
    return out


def build(period: Period, today: date | None = None) -> Report:
    today = today or timezone.localdate()
    items = items_in(period)
    # One grouped query gives every breakdown but the commitments; Python only adds up its rows.
    groups = grouped(items, today, "kind", "channel", "category_id", "district_id")
    report = counted(period, groups)
    categories = {
        c.pk: c for c in Category.objects.filter(pk__in={row["category_id"] for row in groups})
    }
    district_rows = list(District.objects.values_list("pk", "name", "sort_order"))
    districts = {pk: name for pk, name, _order in district_rows}
    district_order = {pk: order for pk, _name, order in district_rows}

    def category(row):
        entry = categories[row["category_id"]]
        return entry.sort_order, entry.name

    report.by_category = [(name, n) for (_order, name), n in _summed(groups, category)]
    report.by_category_and_district = [
        (name, district, n)
        for (_order, name, district), n in _summed(
            groups, lambda row: (*category(row), districts.get(row["district_id"], "–"))
        )
    ]
    report.by_channel = _summed(groups, lambda row: row["channel"])
    for row in groups:
        kinds = report.kinds_by_category.setdefault(categories[row["category_id"]].name, {})
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["n"]
    report.districts = district_figures(
        groups, lambda row: category(row)[1], districts, district_order
    )
    asked = dict(
        HelpQuestion.objects.filter(feedback__in=items)
        .values_list("answer")
        .annotate(n=Count("id"))
        .order_by()
    )
    report.help_asked = sum(asked.values())
    report.helped = {answer: n for answer, n in asked.items() if answer}
    report.by_commitment, report.commitment_answers = by_commitment(items, today)
    if period == Period.year(period.start.year):
        report.kept_promises = kept_promises(period.start.year)
    answered = items.filter(answered_on__isnull=False)
    report.median_working_days_to_answer = median_working_days(answered)
    report.meeting_actions = actions_for_report(period, today)
    report.actions = list(
        items.exclude(action_taken="")
        .order_by("received_at")
        .values_list("reference", "action_taken")
    )
    earlier = dict(
        items_in(period.a_year_earlier())
        .values_list("category_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    names = dict(Category.objects.filter(pk__in=earlier).values_list("pk", "name"))
    report.previous_year_by_category = {names[pk]: n for pk, n in earlier.items()}
    # Nothing a year earlier is a count only where the register had begun by then.
    begun = earlier or items_before(period.a_year_earlier().end).exists()
    report.previous_year_total = sum(earlier.values()) if begun else None
    if period == Period.year(period.start.year):
        report.year_on_year = year_on_year.table(period.start.year)
        previous = report.year_on_year.row(period.start.year - 1)
        if previous and previous.imported:
            report.previous_year_by_category = report.year_on_year.by_category(previous)
            report.previous_year_total = previous.total
            report.previous_year_source = previous.source
    return report


def district_figures(
    groups: list[dict], category_name, names: dict, order: dict
) -> list[DistrictFigures]:
    """Per district (in the list's order, those without a district last): the count, the
    kinds, the categories (most first) and the answers in time, from the ``grouped`` rows."""
    out: dict[int | None, DistrictFigures] = {}
    for row in groups:
        figures = out.setdefault(
            row["district_id"], DistrictFigures(names.get(row["district_id"], ""))
        )
        figures.total += row["n"]
        figures.kinds[row["kind"]] = figures.kinds.get(row["kind"], 0) + row["n"]
        figures.due_for_answer += row["due_for_answer"]
        figures.answered_in_time += row["in_time"]
    for district_id, figures in out.items():
        rows = [row for row in groups if row["district_id"] == district_id]
        counts = _summed(rows, category_name)
        figures.categories = sorted(counts, key=lambda pair: (-pair[1], pair[0]))
    return [
        out[pk]
        for pk in sorted(out, key=lambda pk: (pk is None, order.get(pk, 0), names.get(pk, "")))
    ]


def _summed(rows: list[dict], key) -> list[tuple]:
    """(key, total) pairs over the grouped rows, sorted by key."""
    totals: dict = {}
    for row in rows:
        totals[key(row)] = totals.get(key(row), 0) + row["n"]
    return sorted(totals.items())


def median_working_days(answered) -> float | None:
    """Median working days from arrival (Stockholm date) to answer, on the working-day calendar.

    The database groups the items by (arrival day, answer day); each pair's working days come
    from a running count of working days, so the work grows with the days, not the items."""
    pairs = list(
        answered.annotate(arrived=TruncDate("received_at", tzinfo=STOCKHOLM))
        .values_list("arrived", "answered_on")
        .annotate(n=Count("id"))
    )
    if not pairs:
        return None
    calendar = ClosedDay.objects.calendar()
    first = min(min(arrived, answered_on) for arrived, answered_on, _n in pairs)
    last = max(max(arrived, answered_on) for arrived, answered_on, _n in pairs)
    running, count, day = {}, 0, first
    while day <= last:
        count += calendar.is_working_day(day)
        running[day] = count
        day += timedelta(days=1)
    weighted = sorted(
        (max(running[answered_on] - running[arrived], 0), n) for arrived, answered_on, n in pairs
    )
    total = sum(n for _days, n in weighted)
    return _weighted_median(weighted, total)


def _weighted_median(sorted_values: list[tuple[int, int]], total: int) -> float:
    """Median of values given as (value, how many), sorted by value."""

    def value_at(position: int) -> int:
        seen = 0
        for value, n in sorted_values:
            seen += n
            if seen > position:
                return value
        return sorted_values[-1][0]

    if total % 2:
        return value_at(total // 2)
    return (value_at(total // 2 - 1) + value_at(total // 2)) / 2


# The open statistics: what the public page shows, with small counts hidden.


def suppress(cells: Mapping[Key, int], minimum: int) -> dict[Key, int | None]:
    """The cells of one table (which add up to its shown total) as published: None where the
    count is hidden.

    Counts below ``minimum`` are hidden. One hidden cell alone would be the total less the shown
    cells, and hidden cells that are all zero would be known to be zero, so while either is the
    case the smallest shown cell (the first of equals, in the given order) is hidden as well.
    The hidden cells are then at least two with a positive sum, so each of them could be
    anything from 0 to that sum. With a minimum of 1 or less nothing is hidden: the only counts
    below it are zeros, and a zero identifies no one."""
    if minimum <= 1:
        return dict(cells)
    hidden = [key for key, n in cells.items() if n < minimum]
    while hidden and (len(hidden) == 1 or not any(cells[key] for key in hidden)):
        visible = [key for key in cells if key not in hidden]
        if not visible:
            break
        hidden.append(min(visible, key=lambda key: cells[key]))
    return {key: None if key in hidden else n for key, n in cells.items()}


@dataclass(frozen=True)
class Cell:
    label: str
    count: int | None  # None: not shown
    lang: str = ""  # the label's language where it is not the reader's (an untranslated name)


@dataclass(frozen=True)
class ShareCell:
    label: str
    share: int | None  # per cent answered in time; None where too few were due (published_share)
    lang: str = ""  # the label's language where it is not the reader's


@dataclass(frozen=True)
class OpenYear:
    year: int
    total: int | None  # None: fewer than the minimum in all, and then no breakdown
    categories: list[Cell]
    kinds: list[Cell]
    share_answered_in_time: int | None  # per cent; None where too few were due for an answer
    in_time_by_district: list[ShareCell] = field(default_factory=list)
    in_time_by_commitment: list[ShareCell] = field(default_factory=list)
    # Counted before the register: where the imported counts come from (``EarlierCount``).
    source: str = ""
    # The answers to "Did our answer help?": none where fewer than the minimum answered.
    helped: list[Cell] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return bool(self.source)

    @property
    def has_hidden_cells(self) -> bool:
        cells = (*self.categories, *self.kinds, *self.helped)
        return any(cell.count is None for cell in cells)

    @property
    def in_time_tables(self) -> list[tuple[str, str, list[ShareCell]]]:
        """(caption, row heading, cells) of the shares answered in time that have rows."""
        tables = [
            (_("Answered in time, by district"), _("District"), self.in_time_by_district),
            (
                _("Answered in time, by commitment in our guarantee"),
                _("Commitment"),
                self.in_time_by_commitment,
            ),
        ]
        return [table for table in tables if table[2]]


def published_share(due: int, in_time: int, minimum: int) -> int | None:
    """The share answered in time, in per cent, as published: only where at least ``minimum``
    items were due for an answer (the small-cell rule for a share)."""
    return round(100 * in_time / due) if due and due >= minimum else None


def _answers(groups: list[dict], key) -> dict:
    """key(row) → (due for an answer, answered in time), summed over ``grouped`` rows."""
    out: dict = {}
    for row in groups:
        due, in_time = out.get(key(row), (0, 0))
        out[key(row)] = (due + row["due_for_answer"], in_time + row["in_time"])
    return out


def _counted_year(year: int, today: date, known: Commitments) -> Report:
    """A year's figures for the open statistics, from one query grouped by kind, category,
    district and commitment."""
    period = Period.year(year)
    groups = grouped(
        items_in(period), today, "kind", "category_id", "district_id", "commitment__code"
    )
    report = counted(period, groups)
    report.answers_by_district = _answers(groups, lambda row: row["district_id"])
    report.commitment_answers = _answers(
        [row for row in groups if row["commitment__code"]],
        lambda row: known.known_as(row["commitment__code"]),
    )
    return report


def open_statistics(
    minimum: int, locale: Locale, years: int = 5, today: date | None = None
) -> list[OpenYear]:
    """The last ``years`` years with feedback, newest first, for readers in ``locale``: the
    register's, and before them those counted before the register (imported, ``source``).

    Every active category is listed, with its zeros, and so is an inactive one that has
    feedback that year, so that a row being there says nothing about its count. Category
    names are in the reader's language where translated, else in Swedish (``lang``)."""
    today = today or timezone.localdate()
    default = Locale.get_default()
    names = LocalisedNames(Category, locale)
    kinds = dict(Kind.choices)
    shown = Feedback.objects.order_by("-year").values_list("year", flat=True).distinct()[:years]
    imported = _imported_years(exclude=list(shown))
    known = commitments()
    counts = {year: _counted_year(year, today, known) for year in shown}
    helped = _helped_by_year(list(counts))
    # The categories are few whatever the register holds: read once for all years.
    categories = list(Category.objects.select_related("locale"))
    districts = list(
        District.objects.filter(locale=default, is_active=True).select_related("locale")
    )
    district_names = LocalisedNames(District, locale)
    commitment_titles = in_force(locale.language_code)
    out = []
    for year, report in counts.items():
        if report.total < minimum:
            out.append(OpenYear(year, None, [], [], None))
            continue
        listed = [
            c
            for c in categories
            if (c.locale_id == default.pk and c.is_active) or c.pk in report.by_category_id
        ]
        by_category = suppress({c: report.by_category_id.get(c.pk, 0) for c in listed}, minimum)
        kind_counts = dict(report.by_kind)
        by_kind = suppress({kind: kind_counts.get(kind, 0) for kind in kinds}, minimum)
        out.append(
            OpenYear(
                year=year,
                total=report.total,
                categories=[
                    Cell(names.label(category), count, names.language(category))
                    for category, count in by_category.items()
                ],
                kinds=[Cell(str(kinds[kind]), count) for kind, count in by_kind.items()],
                share_answered_in_time=published_share(
                    report.due_for_answer, report.answered_in_time, minimum
                ),
                in_time_by_district=[
                    ShareCell(
                        district_names.label(district),
                        published_share(
                            *report.answers_by_district.get(district.pk, (0, 0)), minimum
                        ),
                        district_names.language(district),
                    )
                    for district in districts
                ],
                in_time_by_commitment=[
                    ShareCell(
                        title,
                        published_share(*report.commitment_answers.get(code, (0, 0)), minimum),
                        lang,
                    )
                    for code, title, lang in commitment_titles
                ],
                helped=_helped_cells(helped.get(year, {}), minimum),
            )
        )
    out += [
        _open_imported_year(year, rows, minimum, categories, default, names)
        for year, rows in imported.items()
    ]
    return sorted(out, key=lambda open_year: open_year.year, reverse=True)[:years]


def _helped_by_year(years: list[int]) -> dict[int, dict[str, int]]:
    """Per year of the items, the answers to "Did our answer help?" (answer → count)."""
    out: dict[int, dict[str, int]] = {}
    for year, answer, n in (
        HelpQuestion.objects.filter(feedback__year__in=years, answered_at__isnull=False)
        .values_list("feedback__year", "answer")
        .annotate(n=Count("id"))
        .order_by()
    ):
        out.setdefault(year, {})[answer] = n
    return out


def _helped_cells(answers: dict[str, int], minimum: int) -> list[Cell]:
    """The answers as published: none below the minimum in all, small cells hidden."""
    if sum(answers.values()) < max(minimum, 1):
        return []
    shown = suppress({answer: answers.get(answer, 0) for answer in Helped.values}, minimum)
    labels = dict(Helped.choices)
    return [Cell(str(labels[answer]), count) for answer, count in shown.items()]


def _imported_years(exclude: list[int]) -> dict[int, list[dict]]:
    """The imported counts (``EarlierCount``) of the years not in ``exclude`` (the register's),
    grouped by category, kind and source: one query, the table is small."""
    out: dict[int, list[dict]] = {}
    for row in (
        EarlierCount.objects.exclude(year__in=exclude)
        .values("year", "category_id", "kind", "source")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        out.setdefault(row["year"], []).append(row)
    return out


def _open_imported_year(
    year: int,
    rows: list[dict],
    minimum: int,
    categories: list[Category],
    default: Locale,
    names: LocalisedNames,
) -> OpenYear:
    """A year counted before the register, with the register's years' small-cell rules: every
    active category listed, and a "not recorded" row where the source did not say (so that the
    rows add up to the total); kinds only where the source gave some; no share answered in time,
    which is not known."""

    def summed(key: str) -> dict:
        totals: dict = {}
        for row in rows:
            totals[row[key]] = totals.get(row[key], 0) + row["n"]
        return totals

    source = "; ".join(sorted(summed("source")))
    total = sum(row["n"] for row in rows)
    if total < minimum:
        return OpenYear(year, None, [], [], None, source=source)
    not_recorded = (_("Not recorded"), "")
    by_category = summed("category_id")  # None: not recorded
    listed = {
        c.pk: (names.label(c), names.language(c))
        for c in categories
        if (c.locale_id == default.pk and c.is_active) or c.pk in by_category
    }
    if None in by_category:
        listed[None] = not_recorded
    by_kind = summed("kind")  # "": not recorded
    kinds = {}
    if set(by_kind) != {""}:  # the source told some kinds apart
        kinds = {kind: (str(label), "") for kind, label in Kind.choices}
        if "" in by_kind:
            kinds[""] = not_recorded
    return OpenYear(
        year=year,
        total=total,
        categories=[
            Cell(listed[key][0], n, listed[key][1])
            for key, n in suppress(
                {key: by_category.get(key, 0) for key in listed}, minimum
            ).items()
        ],
        kinds=[
            Cell(kinds[key][0], n)
            for key, n in suppress({key: by_kind.get(key, 0) for key in kinds}, minimum).items()
        ],
        share_answered_in_time=None,
        source=source,
    )
