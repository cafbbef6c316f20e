"""The access log of the feedback register: who viewed, edited, exported, searched, copied,
erased or deleted which item, when, and why.

It is Wagtail's audit log (``ModelLogEntry``): one row per item and act, shown in the item's
history and in the *Access to feedback* report, never editable from the admin. A row holds the
item's reference and the act, never what anyone wrote (a search is logged without its words),
so the log needs no gallring of its own beyond its retention period."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from feedback.models import Feedback
from feedback.periods import add_months, start_of_day

# The acts that show or remove personal data, with their labels in the admin.
ACTIONS = {
    "feedback.view": (_("View"), _("Viewed the item and its personal data")),
    "feedback.triage": (_("Triage"), _("Triaged")),
    "feedback.search": (_("Search"), _("Found in a search of the register")),
    "feedback.export": (_("Export"), _("Exported to a spreadsheet")),
    "feedback.subject_copy": (
        _("Copy to the data subject"),
        _("Included in a copy (GDPR art. 15)"),
    ),
    "feedback.erase": (_("Erasure"), _("Personal data erased on request")),
    "feedback.gallring": (_("Retention"), _("Personal data removed after the retention period")),
}
# Wagtail's own acts on an item that count as access too.
WAGTAIL_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.delete")


class Purpose(models.TextChoices):
    """Why someone exported the register: asked before every export."""

    REPORT = "report", _("Yearly or tertial report")
    CASE_HANDLING = "case", _("Handling the feedback")
    PUBLIC_DOCUMENT = "public_document", _("Request for a public document (utlämnande)")
    DATA_SUBJECT = "data_subject", _("Data subject's request (GDPR)")
    AUDIT = "audit", _("Internal control or audit")


def record(items, action: str, user, **data) -> int:
    """One row per item, written together; returns how many."""
    content_type = ContentType.objects.get_for_model(Feedback)
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(item.pk),
            label=item.reference,
            action=action,
            data=data,
            user=user if user is not None and user.is_authenticated else None,
            timestamp=now,
        )
        for item in items
    ]
    ModelLogEntry.objects.bulk_create(entries)
    return len(entries)


class ReadLogged:
    """For admin views that show one item's personal data: each GET (and each refused save,
    which shows the item again) writes a view row on the
    item (``logged_item``), so who looked, and when, is in its history."""

    def logged_item(self):
        return self.object

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record([self.logged_item()], "feedback.view", request.user)
        return response

    def form_invalid(self, form):
        # A refused save shows the item again, with what the citizen wrote: a read too.
        record([self.logged_item()], "feedback.view", self.request.user)
        return super().form_invalid(form)


def entries():
    """Every access row of the register, newest first."""
    return (
        ModelLogEntry.objects.get_for_model(Feedback)
        .filter(action__in=[*ACTIONS, *WAGTAIL_ACTIONS])
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def remove_expired(today, months: int) -> int:
    """Delete the rows older than the log's own retention period; returns how many."""
    cutoff = start_of_day(add_months(today, -months))
    deleted, _by_model = entries().filter(timestamp__lt=cutoff).delete()
    return deleted
