"""Staff forms: triage an item, and register feedback that came another way than the web."""

from datetime import datetime, time

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from feedback import triage
from feedback.access_log import Purpose
from feedback.choices import AnswerBy, AnswerChannel, Channel
from feedback.forms import IdentityNumberGuard
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, District, Feedback


def handlers():
    return (
        get_user_model()
        .objects.filter(Q(groups__name=HANDLERS_GROUP) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def handler_name(user) -> str:
    """How a handler is named in lists, filters and messages: the full name, else the username."""
    return user.get_full_name() or user.get_username()


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return handler_name(user)


class TriageForm(IdentityNumberGuard, forms.ModelForm):
    # Notes stay in the timeline, the answer may be e-mailed, action taken goes into reports.
    identity_number_fields = ("note", "answer_text", "action_taken", "delay_reason")

    note = forms.CharField(
        label=_("Add an internal note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only staff see notes. They are kept in the item's timeline."),
    )
    send_answer_by_email = forms.BooleanField(
        label=_("Send the answer to the citizen by e-mail now"),
        required=False,
        help_text=_(
            "Unless the unit has decided otherwise, the e-mail only says that the answer is "
            "ready: the citizen reads it on the status page with the lookup code."
        ),
    )

    forward_as_appeal = forms.BooleanField(
        label=_("Forwarded as an appeal"),
        required=False,
        help_text=_(
            "Tick when the item has been sent on as an appeal of the decision. The citizen who "
            "gave an e-mail address is told; this cannot be undone."
        ),
    )
    # Shown only for an item that may be an appeal.
    appeal_fields = ("decision_told_on", "appeal_arrived_on", "forward_as_appeal")

    class Meta:
        model = Feedback
        fields = [
            "assigned_to",
            "status",
            "answer_text",
            "answered_on",
            "answer_channel",
            "justified",
            "action_taken",
            "delayed_answer_due",
            "delay_reason",
            "may_be_appeal",
            "decision_told_on",
            "appeal_arrived_on",
        ]
        field_classes = {"assigned_to": HandlerChoiceField}
        widgets = {
            "answered_on": forms.DateInput(attrs={"type": "date"}),
            "decision_told_on": forms.DateInput(attrs={"type": "date"}),
            "appeal_arrived_on": forms.DateInput(attrs={"type": "date"}),
            "delayed_answer_due": forms.DateInput(attrs={"type": "date"}),
            "delay_reason": forms.Textarea(attrs={"rows": 2}),
            "answer_text": forms.Textarea(attrs={"rows": 6}),
            "action_taken": forms.Textarea(attrs={"rows": 3}),
            "justified": forms.NullBooleanSelect,
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = handlers()
        self.old_status = self.instance.status
        if not (self.instance.email and self.instance.answer_by == AnswerBy.EMAIL):
            del self.fields["send_answer_by_email"]
        self.forwards_now = False
        self.delay_now = False
        if not (self.instance.wants_answer and self.instance.answer_due):
            del self.fields["delayed_answer_due"], self.fields["delay_reason"]
        if not self.instance.may_be_appeal:
            for name in self.appeal_fields:
                del self.fields[name]
        elif self.instance.appeal_forwarded_on:
            self.initial["forward_as_appeal"] = True
            for name in ("may_be_appeal", "appeal_arrived_on", "forward_as_appeal"):
                self.fields[name].disabled = True
        elif self.instance.appeal_arrived_on is None:
            # Feedback that is an appeal arrived when the feedback did.
            self.initial["appeal_arrived_on"] = timezone.localdate(self.instance.received_at)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_answer_by_email"):
            if not (cleaned.get("answer_text") or "").strip():
                self.add_error("answer_text", _("Write the answer before sending it."))
            # Sending it is answering it, in writing, today.
            self.instance.answered_on = cleaned["answered_on"] = timezone.localdate()
            self.instance.answer_channel = cleaned["answer_channel"] = AnswerChannel.EMAIL
        # The instance gets the cleaned values only after clean(); the rule needs them now.
        for name in ("answer_text", "answered_on", "answer_channel"):
            if name in cleaned:
                setattr(self.instance, name, cleaned[name])
        error = triage.transition_error(self.instance, self.old_status, cleaned.get("status"))
        if error:
            self.add_error("status", error)
        self.clean_appeal(cleaned)
        self.clean_delay(cleaned)
        return cleaned

    def clean_delay(self, cleaned):
        """A delay notice (FL 11 §) needs a new date after the first one and a reason; each new
        date is recorded and told to the citizen (``delay_now``); the reason may be reworded."""
        if "delayed_answer_due" not in self.fields:
            return
        new_date = cleaned.get("delayed_answer_due")
        if new_date is None:
            if self.instance.delay_noticed_on:
                self.add_error(
                    "delayed_answer_due", _("A delay notice that was given cannot be taken back.")
                )
            return
        if not (cleaned.get("delay_reason") or "").strip():
            self.add_error("delay_reason", _("Say why the answer is delayed."))
        if new_date == self.initial.get("delayed_answer_due"):
            return  # the reason may be reworded; the date and the notice stand
        if cleaned.get("status") in triage.CLOSED_STATUSES:
            self.add_error("delayed_answer_due", _("The item is answered: no delay notice."))
        elif new_date <= max(self.instance.answer_due, timezone.localdate()):
            self.add_error(
                "delayed_answer_due",
                _("The new date must come after the first answer date and after today."),
            )
        self.delay_now = True

    def clean_appeal(self, cleaned):
        """Forwarding as an appeal needs the day it arrived, and happens once (``forwards_now``)."""
        today = timezone.localdate()
        for name in ("decision_told_on", "appeal_arrived_on"):
            if cleaned.get(name) and cleaned[name] > today:
                self.add_error(name, _("The date cannot be in the future."))
        if self.instance.appeal_forwarded_on or not (
            cleaned.get("forward_as_appeal") and cleaned.get("may_be_appeal")
        ):
            return
        if not cleaned.get("appeal_arrived_on"):
            self.add_error("appeal_arrived_on", _("Enter the day the appeal arrived."))
        else:
            self.forwards_now = True

    def save(self, commit=True):
        if self.forwards_now:
            self.instance.appeal_forwarded_on = timezone.localdate()
        if self.delay_now and self.instance.delay_noticed_on is None:
            # The first notice decides whether the citizen was told in time (FL 11 §); a later
            # new date is told too, but does not move that day.
            self.instance.delay_noticed_on = timezone.localdate()
        return super().save(commit)


class RegisterForm(IdentityNumberGuard, forms.ModelForm):
    """Feedback that came by phone, visit, letter or e-mail, entered by staff."""

    identity_number_fields = ("message", "language", "name", "email", "phone", "postal_address")

    channel = forms.ChoiceField(
        label=_("How it came in"), choices=[c for c in Channel.choices if c[0] != Channel.WEB]
    )
    received_on = forms.DateField(
        label=_("Date it arrived"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Deadlines count from this date."),
    )

    class Meta:
        model = Feedback
        fields = [
            "channel",
            "kind",
            "category",
            "district",
            "commitment",
            "message",
            "language",
            "name",
            "email",
            "phone",
            "postal_address",
            "answer_by",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["category"].queryset = Category.objects.filter(locale=default, is_active=True)
        self.fields["district"].queryset = District.objects.filter(locale=default, is_active=True)
        self.fields["language"].initial = default.language_code
        self.fields["received_on"].initial = timezone.localdate()

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return received_on

    def received_at(self) -> datetime:
        day = self.cleaned_data["received_on"]
        if day == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.combine(day, time(12, 0)))


class ExportPurposeForm(forms.Form):
    """Asked before every export of the register: the purpose goes into the access log."""

    purpose = forms.ChoiceField(
        label=_("Why are you exporting these items?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        help_text=_("The export and its purpose are recorded in each item's access log."),
    )
