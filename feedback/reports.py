"""The yearly and tertial feedback report: one set of queries, used by the command (and later
the admin view, the exports and the open statistics).

Periods are counted in Stockholm time, so an item received on 31 December at 23:30 belongs to
that year whatever UTC says. Counting is done by the database (GROUP BY).
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from feedback import triage
from feedback.choices import Kind
from feedback.models import Feedback
from portal import workdays
from portal.hours import STOCKHOLM

TERTIAL_MONTHS = {1: (1, 5), 2: (5, 9), 3: (9, 13)}  # first month, first month after


@dataclass(frozen=True)
class Period:
    start: datetime  # inclusive, Stockholm time
    end: datetime  # exclusive
    label: str

    @classmethod
    def year(cls, year: int, tertial: int | None = None) -> "Period":
        if tertial is None:
            return cls(_at(year, 1), _at(year + 1, 1), str(year))
        first, after = TERTIAL_MONTHS[tertial]
        end = _at(year + 1, 1) if after == 13 else _at(year, after)
        return cls(_at(year, first), end, f"{year} T{tertial}")

    @classmethod
    def between(cls, first: date, last: date) -> "Period":
        """From ``first`` to ``last``, both days included."""
        start = datetime(first.year, first.month, first.day, tzinfo=STOCKHOLM)
        after = last + timedelta(days=1)
        end = datetime(after.year, after.month, after.day, tzinfo=STOCKHOLM)
        return cls(start, end, f"{first.isoformat()} – {last.isoformat()}")

    def a_year_earlier(self) -> "Period":
        return Period(
            self.start.replace(year=self.start.year - 1),
            self.end.replace(year=self.end.year - 1),
            f"{self.label} ({self.start.year - 1})",
        )


def _at(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=STOCKHOLM)


@dataclass
class Report:
    period: Period
    total: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_category_and_district: list[tuple[str, str, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_commitment: list[tuple[str, str, int]] = field(default_factory=list)
    answered: int = 0
    answered_in_time: int = 0
    median_working_days_to_answer: float | None = None
    still_open: int = 0
    overdue: int = 0
    complaints: int = 0
    justified_complaints: int = 0
    actions: list[tuple[str, str]] = field(default_factory=list)
    previous_year_total: int | None = None

    @property
    def share_answered_in_time(self) -> float | None:
        return self.answered_in_time / self.answered if self.answered else None


def items_in(period: Period):
    return Feedback.objects.filter(received_at__gte=period.start, received_at__lt=period.end)


def build(period: Period, today: date | None = None, with_previous_year: bool = True) -> Report:
    today = today or timezone.localdate()
    items = items_in(period)
    report = Report(period=period, total=items.count())
    report.by_category = [
        (row["category__name"], row["n"])
        for row in items.values("category__name", "category__sort_order")
        .annotate(n=Count("id"))
        .order_by("category__sort_order", "category__name")
    ]
    report.by_category_and_district = [
        (row["category__name"], row["district__name"] or "–", row["n"])
        for row in items.values("category__name", "district__name", "category__sort_order")
        .annotate(n=Count("id"))
        .order_by("category__sort_order", "district__name")
    ]
    report.by_kind = [
        (row["kind"], row["n"])
        for row in items.values("kind").annotate(n=Count("id")).order_by("kind")
    ]
    report.by_channel = [
        (row["channel"], row["n"])
        for row in items.values("channel").annotate(n=Count("id")).order_by("channel")
    ]
    report.by_commitment = [
        (row["commitment__code"], row["commitment__title"], row["n"])
        for row in items.filter(commitment__isnull=False)
        .values("commitment__code", "commitment__title")
        .annotate(n=Count("id"))
        .order_by("commitment__code")
    ]
    answered = items.filter(answered_on__isnull=False)
    counts = items.aggregate(
        answered=Count("id", filter=Q(answered_on__isnull=False)),
        in_time=Count("id", filter=Q(answered_on__isnull=False, answered_on__lte=F("answer_due"))),
        still_open=Count("id", filter=triage.open_filter()),
        overdue=Count("id", filter=triage.overdue_filter(today)),
        complaints=Count("id", filter=Q(kind=Kind.COMPLAINT)),
        justified=Count("id", filter=Q(kind=Kind.COMPLAINT, justified=True)),
    )
    report.answered = counts["answered"]
    report.answered_in_time = counts["in_time"]
    report.still_open = counts["still_open"]
    report.overdue = counts["overdue"]
    report.complaints = counts["complaints"]
    report.justified_complaints = counts["justified"]
    report.median_working_days_to_answer = median_working_days(answered)
    report.actions = list(
        items.exclude(action_taken="")
        .order_by("received_at")
        .values_list("reference", "action_taken")
    )
    if with_previous_year:
        report.previous_year_total = items_in(period.a_year_earlier()).count()
    return report


def median_working_days(answered) -> float | None:
    """Median working days from arrival to answer, on the working-day calendar."""
    calendar = workdays.calendar()
    days = []
    for received_at, answered_on in answered.values_list("received_at", "answered_on"):
        day, count = timezone.localdate(received_at), 0
        while day < answered_on:
            day += timedelta(days=1)
            count += calendar.is_working_day(day)
        days.append(count)
    return statistics.median(days) if days else None


def swedish_text(report: Report) -> str:
    """The "Synpunkter och klagomål" section in the form the annual report uses."""
    lines = [f"Synpunkter och klagomål {report.period.label}", ""]
    lines += [f"{name} = {count} st. synpunkter" for name, count in report.by_category]
    lines += ["", f"Totalt {report.total} st."]
    if report.previous_year_total is not None:
        lines.append(f"Samma period föregående år: {report.previous_year_total} st.")
    if report.complaints:
        lines.append(
            f"Av {report.complaints} klagomål bedömdes {report.justified_complaints} som befogade."
        )
    if report.answered:
        share = round(100 * report.share_answered_in_time)
        lines.append(f"{share} % av de besvarade fick svar inom svarstiden.")
    if report.actions:
        lines += ["", "Åtgärder:"]
        lines += [f"- {action} ({reference})" for reference, action in report.actions]
    return "\n".join(lines) + "\n"
