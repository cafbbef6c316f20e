"""The staff forms of the workplace meeting: the meeting and what it took up from the list, its
actions, the follow-up of an action, and a category put on the list. Texts are refused with a
personal identity number in them (``IdentityNumberGuard``), an action's title and decision also
with the name of someone whose feedback it names."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from feedback.admin_forms import HandlerChoiceField
from feedback.forms import IdentityNumberGuard
from feedback.handlers_group import HANDLERS_GROUP
from feedback.identity_numbers import find_identity_numbers
from feedback.models import (
    Action,
    ActionCheck,
    Category,
    CheckResult,
    District,
    Feedback,
    Meeting,
    MeetingTopic,
)
from feedback.models.meetings import release_topics
from feedback.models.you_said_we_did import names_in
from feedback.viewsets import in_default_locale
from portal.guarantee_approval import UNIT_HEADS_GROUP


def staff_owners():
    """Who may be responsible for an action: the feedback handlers, the unit heads and the
    superusers who are active."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name__in=[HANDLERS_GROUP, UNIT_HEADS_GROUP]) | Q(is_superuser=True),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def topic_label(topic: MeetingTopic) -> str:
    """A topic as a checkbox names it: the reference and category, or the category, and why.
    Nothing the citizen wrote."""
    if topic.feedback_id:
        label = f"{topic.feedback.reference} ({topic.feedback.category.name})"
    else:
        label = str(_("Category: %(name)s") % {"name": topic.category.name})
    return f"{label}: {topic.note}" if topic.note else label


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic):
        return topic_label(topic)


class FeedbackChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, item):
        return f"{item.reference} ({item.category.name})"


class MeetingForm(IdentityNumberGuard, WagtailAdminModelForm):
    identity_number_fields = ("title", "notes")

    topics = TopicChoiceField(
        label=_("Taken up at this meeting"),
        queryset=MeetingTopic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What waited on the list and was discussed. The rest keeps waiting."),
    )

    class Meta:
        model = Meeting
        fields = ["held_on", "title", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        here = Q(meeting=self.instance) if self.instance.pk else Q(pk__in=[])
        self.fields["topics"].queryset = MeetingTopic.objects.filter(
            Q(meeting=None) | here
        ).select_related("feedback__category", "category")
        if self.instance.pk:
            self.fields["topics"].initial = list(self.instance.topics.values_list("pk", flat=True))

    def _save_m2m(self):
        super()._save_m2m()
        chosen = [topic.pk for topic in self.cleaned_data["topics"]]
        release_topics(self.instance.topics.exclude(pk__in=chosen))
        MeetingTopic.objects.filter(pk__in=chosen).update(meeting=self.instance)


class ActionForm(IdentityNumberGuard, WagtailAdminModelForm):
    identity_number_fields = ("title", "decision")

    owner = HandlerChoiceField(label=_("responsible"), queryset=get_user_model().objects.none())
    feedback = FeedbackChoiceField(
        label=_("feedback items"),
        queryset=Feedback.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The items taken up at the meeting that led to it, if any."),
    )

    class Meta:
        model = Action
        fields = [
            "meeting",
            "title",
            "decision",
            "category",
            "district",
            "feedback",
            "owner",
            "due_on",
            "status",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = in_default_locale(Category)
        self.fields["district"].queryset = in_default_locale(District)
        self.fields["owner"].queryset = staff_owners()
        # The items its meeting took up: the meeting posted, else the action's or the one the
        # page was opened for.
        chosen = (
            self.data.get(self.add_prefix("meeting"))
            if self.is_bound
            else self.instance.meeting_id or self.initial.get("meeting")
        )
        meeting = Meeting.objects.filter(pk=chosen).first() if str(chosen).isdigit() else None
        taken_up = Q(meeting_topics__meeting=meeting) if meeting else Q(pk__in=[])
        linked = Q(pk__in=self.instance.feedback.all()) if self.instance.pk else Q(pk__in=[])
        self.fields["feedback"].queryset = (
            Feedback.objects.filter(taken_up | linked).select_related("category").distinct()
        )
        if not self.instance.pk:
            del self.fields["status"]  # a new action is in progress

    def clean(self):
        cleaned = super().clean()
        meeting, due_on = cleaned.get("meeting"), cleaned.get("due_on")
        if meeting and due_on and due_on < meeting.held_on:
            self.add_error("due_on", _("The date cannot be before the meeting."))
        # The title goes into reminders and the yearly report: no one who wrote is named.
        items = cleaned.get("feedback") or []
        names = [item.name for item in items if item.name.strip()]
        for name in ("title", "decision"):
            if names_in(cleaned.get(name) or "", names):
                self.add_error(
                    name,
                    _(
                        "Remove the name: it is the name of someone whose feedback led to the "
                        "action."
                    ),
                )
        return cleaned


class CheckForm(IdentityNumberGuard, WagtailAdminModelForm):
    identity_number_fields = ("note",)

    result = forms.ChoiceField(
        label=_("result"),
        choices=[choice for choice in CheckResult.choices if choice[0]],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ActionCheck
        fields = ["result", "note"]


class PutOnListForm(IdentityNumberGuard, forms.Form):
    """Why an item is put on the list, from the button on its page."""

    identity_number_fields = ("note",)

    note = forms.CharField(label=_("why"), max_length=500, required=False)

    def note_error(self) -> str:
        """What is wrong with the note, without the number typed: a message is kept in the
        session (or a cookie) until it is shown."""
        if find_identity_numbers(self.data.get("note", "")):
            return _("Remove the personal identity number from the note.")
        return " ".join(self.errors.get("note", []))


class TopicForm(IdentityNumberGuard, WagtailAdminModelForm):
    """A category put on the list (items are put there from their own page)."""

    identity_number_fields = ("note",)

    class Meta:
        model = MeetingTopic
        fields = ["category", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = in_default_locale(Category)
        if self.instance.feedback_id:
            del self.fields["category"]  # an item's topic keeps its item
        else:
            self.fields["category"].required = True
