"""Staff forms: triage an item, and register feedback that came another way than the web."""

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from feedback import edit_lock, form_lists, notifications, safeguarding_form, triage
from feedback.access_log import Purpose
from feedback.choices import AnswerBy, AnswerChannel, Channel, Status
from feedback.forms import IdentityNumberGuard
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, District, Feedback, Notification
from portal import languages
from portal.models import GuaranteeCommitment
from portal.templatetags.portal_tags import local_date, local_time


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


def reply_language_field() -> forms.ChoiceField:
    """The language the person is answered in, the site's languages or another one (then the
    e-mails are in Swedish)."""
    reader = get_language() or settings.LANGUAGE_CODE
    return forms.ChoiceField(
        label=_("Language of the reply"),
        choices=[
            *((code, languages.name_in(code, reader)) for code, _name in settings.LANGUAGES),
            (languages.UNDETERMINED, _("Another language")),
        ],
        help_text=_(
            "The answer, the letter, the e-mails and the question whether our answer helped are "
            "written in this language; for another language, in Swedish."
        ),
    )


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return handler_name(user)


class TriageForm(safeguarding_form.SafeguardingFields, IdentityNumberGuard, forms.ModelForm):
    # Notes stay in the timeline, the answer may be e-mailed, action taken goes into reports.
    identity_number_fields = (
        "note",
        "answer_text",
        "action_taken",
        "delay_reason",
        "safeguarding_action",
    )

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
    # The version and values the form was opened with (edit_lock).
    opened = forms.CharField(label=_("Opened version"), widget=forms.HiddenInput)

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
            "language",
            "interpreter_needed",
            "interpreter_language",
            "delayed_answer_due",
            "delay_reason",
            "may_be_appeal",
            "decision_told_on",
            "appeal_arrived_on",
            *safeguarding_form.FIELDS,
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
            **safeguarding_form.WIDGETS,
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = handlers()
        self.fields["language"] = reply_language_field()
        self.old_status = self.instance.status
        self.last_answer = None
        if not (self.instance.email and self.instance.answer_by == AnswerBy.EMAIL):
            del self.fields["send_answer_by_email"]
        else:
            self.describe_last_answer()
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
        self.locked_fields = [name for name in self.Meta.fields if name in self.fields]
        self.initial["opened"] = edit_lock.seal(self.instance, self.locked_fields)
        self.repeated = False

    def describe_last_answer(self):
        """Under the tick box: when the last answer e-mail went, to whom, and how it fares."""
        self.last_answer = self.instance.notifications.filter(
            purpose=Notification.Purpose.ANSWER
        ).first()
        if self.last_answer is None:
            return
        field, last = self.fields["send_answer_by_email"], self.last_answer
        when = last.sent_at or last.created_at
        field.help_text = _(
            "An answer was e-mailed on %(date)s at %(time)s to %(address)s: %(state)s. The same "
            "answer goes out once (one given up on can be sent again); change the answer to send "
            "a corrected one."
        ) % {
            "date": local_date(when),
            "time": local_time(when),
            "address": last.recipient or "–",
            "state": last.get_state_display(),
        }

    def clean(self):
        cleaned = super().clean()
        if not self.clean_version(cleaned):
            return cleaned
        if cleaned.get("send_answer_by_email"):
            self.clean_sending(cleaned)
        # The instance gets the cleaned values only after clean(); the rules need them now.
        for name in ("answer_text", "answered_on", "answer_channel", "safeguarding_action_on"):
            if name in cleaned:
                setattr(self.instance, name, cleaned[name])
        status = cleaned.get("status")
        error = triage.transition_error(self.instance, self.old_status, status)
        if error:
            self.add_error("status", error)
        for name, message in triage.answer_errors(
            self.instance, status, timezone.localdate()
        ).items():
            self.add_error(name, message)
        self.clean_appeal(cleaned)
        self.clean_delay(cleaned)
        return cleaned

    def clean_version(self, cleaned) -> bool:
        """False, with nothing to save, when the item was saved after the form was opened: the
        same submission again is ``repeated``, anything else is refused (edit_lock)."""
        try:
            self.opened = edit_lock.unseal(cleaned.get("opened") or "")
        except signing.BadSignature:
            self.add_error(None, _("The form could not be read. Open the item again."))
            return False
        self.submission_key = edit_lock.submission_key(self.opened, cleaned)
        if self.opened.version == self.instance.version:
            return True
        if edit_lock.is_repeat(self.instance, self.submission_key):
            self.repeated = True
            return False
        labels = {name: self.fields[name].label for name in self.locked_fields}
        self.add_error(
            None,
            forms.ValidationError(edit_lock.stale_messages(self.opened, self.instance, labels)),
        )
        self.data = edit_lock.merged_data(self, self.opened)
        return False

    def clean_sending(self, cleaned):
        """Sending the answer answers the item, in writing; the same answer goes out once."""
        text = cleaned.get("answer_text") or ""
        if not text.strip():
            self.add_error("answer_text", _("Write the answer before sending it."))
            return
        sent = notifications.sent_answer(self.instance, text)
        if sent and sent.state != Notification.State.GAVE_UP:
            self.add_error(
                "send_answer_by_email",
                _(
                    "This answer was already e-mailed on %(date)s. Change the answer to send a "
                    "corrected one."
                )
                % {"date": local_date(sent.created_at)},
            )
            return
        # Answered today, unless this corrects an answer e-mailed before: that day stays.
        if not (self.last_answer and cleaned.get("answered_on")):
            cleaned["answered_on"] = timezone.localdate()
        cleaned["answer_channel"] = AnswerChannel.EMAIL
        if cleaned.get("status") != Status.CLOSED:
            cleaned["status"] = Status.ANSWERED

    def changed_fields(self) -> list[str]:
        """After saving: the item's fields this save changed (the rules may have set some the
        handler did not touch) and the other boxes filled in."""
        now = edit_lock.snapshot(self.instance, self.locked_fields)
        fields = {name for name in self.locked_fields if now[name] != self.opened.values[name]}
        others = set(self.changed_data) - set(self.locked_fields) - {"opened"}
        return sorted(fields | others)

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
    """Feedback that came by phone, visit, letter or e-mail, entered by staff: the day it arrived
    (which every deadline counts from) and how first, the guarantee's commitments once, in
    Swedish, and the item assigned to whoever registers it unless they pick another handler."""

    identity_number_fields = (
        "message",
        "name",
        "email",
        "phone",
        "postal_address",
        "interpreter_language",
    )

    received_on = forms.DateField(
        label=_("Date it arrived"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Deadlines count from this date."),
    )
    channel = forms.ChoiceField(
        label=_("How it came in"), choices=[c for c in Channel.choices if c[0] != Channel.WEB]
    )
    field_order = ["received_on", "channel"]

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
            "interpreter_needed",
            "interpreter_language",
            "name",
            "email",
            "phone",
            "postal_address",
            "answer_by",
            "assigned_to",
        ]
        field_classes = {"assigned_to": HandlerChoiceField}
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["category"].queryset = Category.objects.filter(locale=default, is_active=True)
        self.fields["district"].queryset = District.objects.filter(locale=default, is_active=True)
        in_force = form_lists.commitments(settings.LANGUAGE_CODE)
        commitment = self.fields["commitment"]
        commitment.queryset = GuaranteeCommitment.objects.filter(pk__in=[c.pk for c in in_force])
        commitment.label_from_instance = lambda row: row.title
        self.fields["language"] = reply_language_field()
        self.fields["language"].initial = default.language_code
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["assigned_to"].queryset = handlers()
        if for_user is not None and handlers().filter(pk=for_user.pk).exists():
            self.fields["assigned_to"].initial = for_user.pk

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
