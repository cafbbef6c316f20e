"""What the workplace meetings decided in a period, for the yearly and tertial report: the actions
per category and district with where each stands and its latest follow-up, in the unit's own
(Swedish) words, e.g. "Beslutat på APT 2026-03-12: Ny brevmall för beslut. Genomförd.
Uppföljning efter 60 dagar: genomförd."

Only what staff wrote as the action's short title, never what a citizen wrote."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from feedback import action_rules
from feedback.models import Action, ActionCheck
from feedback.periods import Period

RESULT_WORDS = {"done": "genomförd", "partly": "delvis genomförd", "not": "inte genomförd"}
STATUS_WORDS = {
    "open": "Pågår",
    "done": "Genomförd",
    "partly": "Delvis genomförd",
    "not": "Inte genomförd",
}
ALL_CATEGORIES = "Alla kategorier"
WHOLE_UNIT = "hela enheten"


@dataclass(frozen=True)
class ReportedAction:
    decided_on: date
    title: str
    status: str
    due_on: date
    latest: ActionCheck | None
    overdue: tuple[action_rules.Due, ...]

    @property
    def sentence(self) -> str:
        words = [
            f"Beslutat på APT {self.decided_on.isoformat()}: {self.title.rstrip('.')}.",
            f"{STATUS_WORDS[self.status]}.",
        ]
        if self.latest:
            result = RESULT_WORDS[self.latest.result]
            words.append(f"Uppföljning efter {self.latest.after_days} dagar: {result}.")
        late = [due for due in self.overdue if due.check]
        if late:
            words.append(f"Uppföljningen efter {late[0].check.after_days} dagar är försenad.")
        elif not self.latest:
            words.append("Inte följd upp ännu.")
        if any(due.check is None for due in self.overdue):
            words.append(f"Skulle ha varit genomförd {self.due_on.isoformat()}.")
        return " ".join(words)


@dataclass
class ActionGroup:
    category: str  # the Swedish name, "" for every category
    district: str  # the Swedish name, "" for the whole unit
    actions: list[ReportedAction] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.category or ALL_CATEGORIES}, {self.district or WHOLE_UNIT}"


def list_order(entry) -> tuple:
    """A category's or district's place in the report: the list's order, none last."""
    return (entry is None, entry.sort_order, entry.name) if entry else (True, 0, "")


def actions_for_report(period: Period, today: date | None = None) -> list[ActionGroup]:
    """The actions decided at meetings held in ``period``, grouped per category and district
    (the categories and districts in their order, "every category" and "the whole unit" last),
    each in the order decided."""
    today = today or timezone.localdate()
    actions = (
        Action.objects.filter(
            meeting__held_on__gte=period.start.date(), meeting__held_on__lt=period.end.date()
        )
        .select_related("meeting", "category", "district")
        .prefetch_related(Prefetch("checks", queryset=ActionCheck.objects.order_by("after_days")))
        .order_by("meeting__held_on", "pk")
    )
    groups: dict[tuple, ActionGroup] = {}
    for action in actions:
        category, district = action.category, action.district
        group = groups.setdefault(
            (list_order(category), list_order(district)),
            ActionGroup(category.name if category else "", district.name if district else ""),
        )
        group.actions.append(
            ReportedAction(
                decided_on=action.meeting.held_on,
                title=action.title,
                status=action.status,
                due_on=action.due_on,
                latest=action_rules.latest_result(action),
                overdue=tuple(action_rules.overdue(action, today)),
            )
        )
    return [groups[key] for key in sorted(groups)]


def swedish_lines(groups: list[ActionGroup]) -> list[str]:
    """The report's block: a heading per category and district, a line per action."""
    if not groups:
        return []
    lines = ["Åtgärder beslutade på arbetsplatsträffar:"]
    for group in groups:
        lines += ["", f"{group.heading}:"]
        lines += [f"- {action.sentence}" for action in group.actions]
    return lines
