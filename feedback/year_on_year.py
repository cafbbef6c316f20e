"""The year-on-year table of the yearly report: each year's total and count per category, from
the register, and before it from the imported counts (``EarlierCount``).

A year is counted in the register or imported, never both: where the register has items in a
year, its imported counts (if any were left from before) are not used. Years with neither are
left out rather than shown as zeros. Two grouped queries and one for the names."""

from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from feedback.models import Category, EarlierCount, Feedback


@dataclass(frozen=True)
class YearRow:
    year: int
    counts: list[int]  # per column of the table
    total: int
    source: str  # where an imported year's counts come from; "" for the register

    @property
    def imported(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class YearOnYear:
    columns: list[str]  # the categories' Swedish names; "not recorded" last where needed
    rows: list[YearRow]  # oldest first

    def row(self, year: int) -> YearRow | None:
        return next((row for row in self.rows if row.year == year), None)

    def by_category(self, row: YearRow) -> dict[str, int]:
        return {name: n for name, n in zip(self.columns, row.counts, strict=True) if n}


def table(until: int) -> YearOnYear:
    """Every year up to ``until`` with feedback in the register or imported counts."""
    counts: dict[int, dict[int | None, int]] = {}
    for year, category_id, n in (
        Feedback.objects.filter(year__lte=until)
        .values_list("year", "category_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts.setdefault(year, {})[category_id] = n
    registered = set(counts)
    sources: dict[int, list[str]] = {}
    for year, category_id, source, n in (
        EarlierCount.objects.filter(year__lte=until)
        .exclude(year__in=registered)
        .values_list("year", "category_id", "source")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        cells = counts.setdefault(year, {})
        cells[category_id] = cells.get(category_id, 0) + n
        if source not in sources.setdefault(year, []):
            sources[year].append(source)
    used = {category_id for cells in counts.values() for category_id in cells}
    categories = list(
        Category.objects.filter(pk__in=used)
        .order_by("sort_order", "name")
        .values_list("pk", "name")
    )
    keys: list[int | None] = [pk for pk, _name in categories]
    columns = [name for _pk, name in categories]
    if None in used:
        keys.append(None)
        columns.append(_("Not recorded"))
    rows = [
        YearRow(
            year,
            [counts[year].get(key, 0) for key in keys],
            sum(counts[year].values()),
            "; ".join(sorted(sources.get(year, []))),
        )
        for year in sorted(counts)
    ]
    return YearOnYear(columns, rows)
