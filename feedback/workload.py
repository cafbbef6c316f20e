"""Who has what: per handler the open items, those due this week and those overdue, and the same
for the items nobody has. For the unit head, who shares out the work."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from feedback import triage
from feedback.admin_forms import handlers
from feedback.models import Feedback

# Each count and the list filter that shows its items.
COLUMNS = {
    "open": (_("Open"), {"open": "true"}),
    "due_this_week": (_("Due this week"), {"due_this_week": "true"}),
    "overdue": (_("Overdue"), {"overdue": "true"}),
}


@dataclass
class Row:
    name: str
    assigned_to: str  # the list's handler filter: a user's pk, "null" for nobody, "" for anyone
    open: int = 0
    due_this_week: int = 0
    overdue: int = 0

    def cells(self) -> list[tuple[str, int, str]]:
        """(column, count, the list filtered to these items) for each column."""
        handler = {"assigned_to": self.assigned_to} if self.assigned_to else {}
        index = reverse("feedback:index")
        return [
            (label, getattr(self, name), f"{index}?{urlencode(handler | query)}")
            for name, (label, query) in COLUMNS.items()
        ]


def assignees():
    """The handlers, and anyone else who still has open items (someone who left the group):
    their items stay within reach of the list's handler filter."""
    with_open_items = Feedback.objects.filter(triage.open_filter()).values("assigned_to")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=handlers().values("pk")) | Q(pk__in=with_open_items))
        .order_by("first_name", "last_name", "username")
    )


def workload(today: date) -> tuple[Row, list[Row], Row]:
    """(the items nobody has, a row per assignee by name, the totals), in two queries however
    many items and handlers there are."""
    counts = {
        entry.pop("assigned_to"): entry
        for entry in Feedback.objects.filter(triage.open_filter())
        .values("assigned_to")
        .annotate(
            open=Count("pk"),
            due_this_week=Count("pk", filter=triage.due_this_week_filter(today)),
            overdue=Count("pk", filter=triage.overdue_filter(today)),
        )
        .order_by()
    }
    nobody = Row(str(_("Nobody")), "null", **counts.get(None, {}))
    rows = [
        Row(user.get_full_name() or user.get_username(), str(user.pk), **counts.get(user.pk, {}))
        for user in assignees()
    ]
    total = Row(
        str(_("All")),
        "",
        **{name: sum(getattr(row, name) for row in [nobody, *rows]) for name in COLUMNS},
    )
    return nobody, rows, total
