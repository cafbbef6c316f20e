"""What a handler does to items from the list: take one ("Assign to me"), or assign, move or
close several at once. Every change goes into the item's history as a triage, as a save of
the item does."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from feedback import triage
from feedback.admin_forms import HandlerChoiceField, handlers
from feedback.choices import Status
from feedback.models import Feedback

# Changing more items at once is a mistake more often than not: narrow the view first.
MOST_AT_ONCE = 500


class BulkForm(forms.Form):
    """The actions on the selected items (or on every item of the list's view)."""

    ASSIGN, MOVE, CLOSE = "assign", "status", "close"

    items = forms.ModelMultipleChoiceField(
        label=_("Items"), queryset=Feedback.objects.all(), required=False
    )
    everything = forms.BooleanField(label=_("Every item in this view"), required=False)
    action = forms.ChoiceField(
        choices=[(ASSIGN, _("Assign")), (MOVE, _("Change status")), (CLOSE, _("Close"))]
    )
    handler = HandlerChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="—",
    )
    status = forms.ChoiceField(
        label=_("New status"), choices=[("", "—"), *Status.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers()

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("items") or cleaned.get("everything")):
            raise forms.ValidationError(_("Select the items first."))
        action = cleaned.get("action")
        if action == self.ASSIGN and not cleaned.get("handler"):
            self.add_error("handler", _("Choose the handler to assign the items to."))
        if action == self.MOVE and not cleaned.get("status"):
            self.add_error("status", _("Choose the new status."))
        return cleaned

    @property
    def new_status(self) -> str | None:
        action = self.cleaned_data["action"]
        return Status.CLOSED if action == self.CLOSE else self.cleaned_data.get("status") or None


def logged_save(item: Feedback, field: str, user) -> None:
    # update_fields: only this field is written (the model's save bumps its version), and the
    # change is in the item's history like a triage, with the handler's id for the timeline.
    item.save(update_fields=[field])
    data = {"changed": [field], "status": item.status}
    if field == "assigned_to":
        data["assigned_to"] = item.assigned_to_id
    log(item, "feedback.triage", user=user, data=data)


def assign(items, handler, user) -> int:
    """Assign the open items not yet ``handler``'s to them: how many were."""
    assigned = 0
    with transaction.atomic():
        for item in items:
            if item.assigned_to_id == handler.pk or not item.is_open:
                continue
            item.assigned_to = handler
            logged_save(item, "assigned_to", user)
            assigned += 1
    return assigned


def move(items, status: str, user) -> tuple[int, dict[str, list[str]]]:
    """Move each item that may go to ``status`` (triage.transition_error); the others stay as
    they are: (how many moved, {why not: [their references]})."""
    moved, refused = 0, {}
    with transaction.atomic():
        for item in items:
            if item.status == status:
                continue
            error = triage.transition_error(item, item.status, status) or next(
                iter(triage.answer_errors(item, status, timezone.localdate()).values()), None
            )
            if error:
                refused.setdefault(error, []).append(item.reference)
                continue
            item.status = status
            logged_save(item, "status", user)
            moved += 1
    return moved, refused
