"""The triage form's part of the safeguarding path (``feedback.safeguarding``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import Feedback

FIELDS = ("safeguarding", "safeguarding_action", "safeguarding_action_on")
WIDGETS = {
    "safeguarding_action": forms.Textarea(attrs={"rows": 3}),
    "safeguarding_action_on": forms.DateInput(attrs={"type": "date"}),
}


class SafeguardingFields:
    """Form mixin for a ``Feedback`` model form with ``FIELDS``: the handler flags an item (it is
    due today and the unit heads are told: ``raises_concern``, for the view) and, once it is
    flagged, records what was done and when."""

    instance: Feedback

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.was_flagged = self.instance.safeguarding
        self.raises_concern = False
        if not self.was_flagged:
            del self.fields["safeguarding_action"], self.fields["safeguarding_action_on"]

    def clean(self):
        cleaned = super().clean()
        self.raises_concern = bool(cleaned.get("safeguarding")) and not self.was_flagged
        if "safeguarding_action_on" not in self.fields:
            return cleaned
        done_on = cleaned.get("safeguarding_action_on")
        done = (cleaned.get("safeguarding_action") or "").strip()
        if done_on and done_on > timezone.localdate():
            self.add_error("safeguarding_action_on", _("The date cannot be in the future."))
        if done_on and not done and "safeguarding_action" not in self.errors:
            self.add_error("safeguarding_action", _("Say what was done."))
        if done and not done_on and "safeguarding_action_on" not in self.errors:
            self.add_error("safeguarding_action_on", _("Enter the day it was done."))
        return cleaned

    def save(self, commit=True):
        if self.raises_concern:
            self.instance.safeguarding_due = timezone.localdate()
        return super().save(commit)
