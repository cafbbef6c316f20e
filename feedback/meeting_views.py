"""The workplace meeting in the admin (*Workplace meetings*): what waits on the list for the next
meeting, the meetings and their actions, the actions with their follow-ups (the overdue marked
in words and an icon), and recording a follow-up.

Feedback handlers put items on the list and see the meetings and actions; the unit heads run
the meetings and decide the actions (model permissions, given in ``handlers_group``). An
action's owner records its follow-ups, as do those who may change follow-ups."""

import django_filters
from django.db.models import Count, Prefetch
from django.forms import Media
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from feedback import action_rules, meeting_list, work_list
from feedback.admin_forms import handler_name
from feedback.meeting_forms import (
    ActionForm,
    CheckForm,
    MeetingForm,
    PutOnListForm,
    TopicForm,
    staff_owners,
)
from feedback.models import (
    Action,
    ActionCheck,
    ActionStatus,
    Category,
    District,
    Feedback,
    Meeting,
    MeetingTopic,
)
from feedback.permissions import forbidden
from feedback.viewsets import (
    ADMIN_CSS,
    ALL,
    Forbidden403Mixin,
    HandlerFilter,
    YesNoFilter,
    icon,
    in_default_locale,
)
from portal.templatetags.portal_tags import local_date

MENU_HOOK = "register_workplace_meeting_menu_item"


def staff_name(user) -> str:
    return handler_name(user) if user else "—"


def responsible(action: Action) -> str:
    """Who sees to the action, or that no one does (nobody is reminded of it but the unit
    heads, ``action_reminders``)."""
    owner = action.owner
    if owner is None:
        return _("No one responsible")
    if not owner.is_active:
        return _("No one responsible (%(name)s is no longer active)") % {
            "name": handler_name(owner)
        }
    return handler_name(owner)


class StaffOnly:
    """A viewset each of whose views answers staff without the right with the 403 page, not
    Wagtail's redirect to the dashboard (``Forbidden403Mixin``)."""

    VIEWS = (
        "index_view_class",
        "add_view_class",
        "edit_view_class",
        "delete_view_class",
        "history_view_class",
        "usage_view_class",
        "inspect_view_class",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.VIEWS:
            view = getattr(self, name)
            if not issubclass(view, Forbidden403Mixin):
                setattr(self, name, type(view.__name__, (Forbidden403Mixin, view), {}))


class LocalDateColumn(Column):
    """A date as the reader writes it ("30 juni 2026"), not Wagtail's relative time, which calls
    a date to come "just now"."""

    def get_value(self, instance):
        day = super().get_value(instance)
        return local_date(day) if day else "—"


def due_marker(due: action_rules.Due, today) -> str:
    """A date due on an action, in words and an icon, not colour alone."""
    if due.overdue_on(today):
        days = due.days_overdue(today)
        return format_html(
            '<strong class="feedback-due feedback-due--overdue">{} {}: {}</strong>',
            icon("warning"),
            ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", days) % {"days": days},
            due.label,
        )
    return format_html(
        '<span class="feedback-due feedback-due--soon">{} {}: {}, {}</span>',
        icon("time"),
        _("Due soon"),
        due.label,
        due.day.isoformat(),
    )


def with_checks(actions):
    return actions.select_related("meeting", "owner", "category", "district").prefetch_related(
        Prefetch("checks", queryset=ActionCheck.objects.order_by("after_days"))
    )


class FollowUpColumn(Column):
    """What needs doing on the action: overdue or due soon (its own date or a follow-up), else
    the next follow-up's date, else the last result."""

    def get_value(self, action):
        today = timezone.localdate()
        due = action_rules.due_list(action, action_rules.due_soon_until(today))
        if due:
            return format_html_join(
                mark_safe("<br>"), "{}", ((due_marker(each, today),) for each in due)
            )
        following = action_rules.next_check(action)
        if following:
            return _("%(check)s on %(date)s") % {
                "check": following,
                "date": following.due_on.isoformat(),
            }
        latest = action_rules.latest_result(action)
        return latest.get_result_display() if latest else "—"


class RefusedWhileInUse:
    """A delete view that refuses, with a message and back to the object's page, while rows that
    protect it exist (``refusal``), instead of the error page of a ProtectedError."""

    inspect_url_name = ""

    def refusal(self) -> str:
        raise NotImplementedError

    def refused(self):
        reason = self.refusal()
        if not reason:
            return None
        messages.error(self.request, reason)
        return redirect(self.inspect_url_name, self.object.pk)

    def get(self, request, *args, **kwargs):
        return self.refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refused() or super().post(request, *args, **kwargs)


# The list for the next meeting.


class TopicFilterSet(WagtailFilterSet):
    waiting = YesNoFilter(
        label=gettext_lazy("Waiting for a meeting"), field_name="meeting", lookup_expr="isnull"
    )

    class Meta:
        model = MeetingTopic
        fields = ["waiting", "meeting"]


class WhatColumn(Column):
    """The item (a link to its page: whoever sees the list may open it) or the category."""

    def get_value(self, topic):
        if topic.feedback_id:
            return format_html(
                '<a href="{}">{}</a> ({})',
                reverse("feedback:edit", args=[topic.feedback_id]),
                topic.feedback.reference,
                topic.feedback.category.name,
            )
        return _("Category: %(name)s") % {"name": topic.category.name}


class TopicIndexView(generic.IndexView):
    page_title = gettext_lazy("On the list for the workplace meeting")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("feedback__category", "category", "added_by", "meeting")
        )

    def get_filterset_kwargs(self):
        # Without a choice, what waits for the next meeting.
        kwargs = super().get_filterset_kwargs()
        if "waiting" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["waiting"] = "true"
        return kwargs


class TopicCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.added_by = self.request.user
        return super().save_instance()


class PutOnListView(View):
    """POST from a feedback item's page: the item waits for the next meeting."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not meeting_list.may_put_on_list(request.user):
            return forbidden(request)
        item = get_object_or_404(Feedback, pk=pk)
        back = work_list.next_url(request) or reverse("feedback:edit", args=[pk])
        form = PutOnListForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("%(reference)s is not on the list: %(error)s")
                % {"reference": item.reference, "error": form.note_error()},
            )
            return redirect(back)
        topic, created = meeting_list.put_on_list(item, request.user, form.cleaned_data["note"])
        if created:
            log(item, "feedback.meeting_list", user=request.user)
            messages.success(
                request,
                _("%(reference)s is on the list for the next workplace meeting.")
                % {"reference": item.reference},
            )
        else:
            messages.info(
                request,
                _("%(reference)s is on the list already.") % {"reference": item.reference},
            )
        return redirect(back)


class MeetingTopicViewSet(StaffOnly, ModelViewSet):
    model = MeetingTopic
    url_prefix = "workplace-meetings/list"
    icon = "list-ul"
    menu_label = gettext_lazy("On the list")
    menu_order = 1
    index_view_class = TopicIndexView
    add_view_class = TopicCreateView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = TopicFilterSet
    list_display = [
        WhatColumn("what", label=gettext_lazy("Topic")),
        TitleColumn("note", label=gettext_lazy("Why"), url_name="meeting_topic:edit"),
        Column(
            "added_by",
            label=gettext_lazy("Put on the list by"),
            accessor=lambda topic: staff_name(topic.added_by),
        ),
        DateColumn("added_at", label=gettext_lazy("Put on the list")),
        Column("meeting", label=gettext_lazy("Discussed at")),
    ]

    def get_form_class(self, for_update=False):
        return TopicForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("put/<int:pk>/", PutOnListView.as_view(), name="put"),
        ]


# The meetings.


class MeetingCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("meeting:inspect", args=[self.object.pk])


class MeetingEditView(generic.EditView):
    def get_success_url(self):
        return reverse("meeting:inspect", args=[self.object.pk])


class MeetingInspectView(generic.InspectView):
    """The meeting: what it took up from the list and the actions it decided."""

    template_name = "feedback/admin/meeting.html"

    def get_fields(self):
        return ["held_on", "title", "notes", "created_by"]

    def get_field_display_value(self, field_name, field):
        if field_name == "created_by":
            return staff_name(self.object.created_by)
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user, today = self.object, self.request.user, timezone.localdate()
        actions = list(with_checks(meeting.actions.all()))
        for action in actions:
            action.overdue = action_rules.overdue(action, today)
            action.responsible = responsible(action)
        context.update(
            topics=meeting.topics.select_related("feedback__category", "category"),
            actions=actions,
            may_add_action=user.has_perm("feedback.add_action"),
            add_action_url=reverse("action:add") + f"?meeting={meeting.pk}",
            media=context.get("media", Media()) + ADMIN_CSS,
        )
        return context


class MeetingDeleteView(RefusedWhileInUse, generic.DeleteView):
    inspect_url_name = "meeting:inspect"

    def refusal(self) -> str:
        if self.object.actions.exists():
            return _("The meeting decided actions: delete them first, or keep the meeting.")
        return ""


class MeetingViewSet(StaffOnly, ModelViewSet):
    model = Meeting
    url_prefix = "workplace-meetings/meetings"
    icon = "group"
    menu_label = gettext_lazy("Meetings")
    menu_order = 2
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    inspect_view_class = MeetingInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        TitleColumn("__str__", label=gettext_lazy("Meeting"), url_name="meeting:inspect"),
        LocalDateColumn("held_on", label=gettext_lazy("held on"), sort_key="held_on"),
        Column("action_count", label=gettext_lazy("Actions")),
    ]

    def get_queryset(self, request):
        return Meeting.objects.annotate(action_count=Count("actions"))

    def get_form_class(self, for_update=False):
        return MeetingForm


# The actions and their follow-ups.


class ActionFilterSet(WagtailFilterSet):
    overdue = YesNoFilter(label=gettext_lazy("Overdue"), method="filter_overdue")
    due_soon = YesNoFilter(label=gettext_lazy("Due soon or overdue"), method="filter_due_soon")
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=ActionStatus.choices, empty_label=ALL
    )
    owner = HandlerFilter(
        label=gettext_lazy("Responsible"),
        queryset=lambda request: staff_owners(),
        empty_label=ALL,
    )
    category = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Category"),
        queryset=lambda request: in_default_locale(Category),
        empty_label=ALL,
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"),
        queryset=lambda request: in_default_locale(District),
        empty_label=ALL,
    )

    class Meta:
        model = Action
        fields = ["overdue", "due_soon", "status", "owner", "category", "district", "meeting"]

    @staticmethod
    def filter_by(queryset, rule, value):
        return queryset.filter(rule) if value else queryset.exclude(rule)

    def filter_overdue(self, queryset, name, value):
        return self.filter_by(queryset, action_rules.overdue_filter(timezone.localdate()), value)

    def filter_due_soon(self, queryset, name, value):
        horizon = action_rules.due_soon_until(timezone.localdate())
        return self.filter_by(queryset, action_rules.due_by_filter(horizon), value)


class ActionIndexView(generic.IndexView):
    page_title = gettext_lazy("Actions from workplace meetings")

    def get_base_queryset(self):
        return with_checks(super().get_base_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["media"] += ADMIN_CSS
        return context


class MeetingFromQuery:
    """The add view's meeting from ``?meeting=``: the actions are added from a meeting's page."""

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("meeting", "").isdigit():
            initial["meeting"] = int(self.request.GET["meeting"])
        return initial


class ActionCreateView(MeetingFromQuery, generic.CreateView):
    def get_success_url(self):
        return reverse("meeting:inspect", args=[self.object.meeting_id])


def may_record(user, check: ActionCheck) -> bool:
    """The action's owner records its follow-ups, as do those who may change follow-ups."""
    return check.action.owner_id == user.pk or user.has_perm("feedback.change_actioncheck")


def checks_of(action: Action, user, today) -> list[ActionCheck]:
    """The action's follow-ups, each marked whether ``user`` may record it and overdue."""
    checks = list(action.checks.order_by("after_days").select_related("recorded_by"))
    for check in checks:
        check.action = action
        check.may_record = may_record(user, check)
        check.overdue = not check.result and check.due_on < today
    return checks


class ActionEditView(generic.EditView):
    """The action's form, with its follow-ups and a link to record each."""

    template_name = "feedback/admin/action_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["checks"] = checks_of(self.object, self.request.user, timezone.localdate())
        context["media"] = context["media"] + ADMIN_CSS
        return context


class ActionInspectView(generic.InspectView):
    """The action as the handlers and its owner see it, with its follow-ups to record."""

    template_name = "feedback/admin/action.html"

    def get_fields(self):
        return ["meeting", "title", "decision", "category", "district", "owner", "due_on", "status"]

    def get_field_display_value(self, field_name, field):
        if field_name == "owner":
            return responsible(self.object)
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action, today = self.object, timezone.localdate()
        context.update(
            checks=checks_of(action, self.request.user, today),
            overdue=action_rules.overdue(action, today),
            feedback_items=action.feedback.select_related("category"),
            media=context.get("media", Media()) + ADMIN_CSS,
        )
        return context


class ActionDeleteView(RefusedWhileInUse, generic.DeleteView):
    inspect_url_name = "action:inspect"

    def refusal(self) -> str:
        if self.object.published_changes.exists():
            return _(
                "“You said, we did” tells of this action: delete those entries first, or keep "
                "the action."
            )
        return ""


class ActionViewSet(StaffOnly, ModelViewSet):
    model = Action
    url_prefix = "workplace-meetings/actions"
    icon = "tasks"
    menu_label = gettext_lazy("Actions")
    menu_order = 3
    index_view_class = ActionIndexView
    add_view_class = ActionCreateView
    edit_view_class = ActionEditView
    delete_view_class = ActionDeleteView
    inspect_view_class = ActionInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ActionFilterSet
    list_per_page = 50
    list_display = [
        TitleColumn("title", label=gettext_lazy("Action"), url_name="action:inspect"),
        LocalDateColumn(
            "decided_on",
            label=gettext_lazy("Decided"),
            accessor="meeting.held_on",
            sort_key="meeting__held_on",
        ),
        Column("owner", label=gettext_lazy("Responsible"), accessor=responsible),
        LocalDateColumn("due_on", label=gettext_lazy("To be done by"), sort_key="due_on"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        FollowUpColumn("follow_up", label=gettext_lazy("Follow-up")),
        Column("category", label=gettext_lazy("Category")),
        Column("district", label=gettext_lazy("District")),
    ]

    def get_form_class(self, for_update=False):
        return ActionForm


class RecordCheckView(generic.EditView):
    """Record a follow-up: its result is where the action stands from then on."""

    template_name = "feedback/admin/action_check.html"
    permission_required = None  # may_record decides

    def dispatch(self, request, *args, **kwargs):
        check = get_object_or_404(ActionCheck.objects.select_related("action"), pk=kwargs["pk"])
        if request.user.is_authenticated and not may_record(request.user, check):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.object.action.title}: {self.object}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action"] = self.object.action
        return context

    def save_instance(self):
        data = self.form.cleaned_data
        action_rules.record(
            self.object, data["result"], data["note"], self.request.user, timezone.localdate()
        )
        log(self.object.action, "feedback.action_check", user=self.request.user)
        return self.object

    def get_success_url(self):
        return reverse("action:inspect", args=[self.object.action_id])

    def get_success_message(self):
        return _("The follow-up is recorded.")


class ActionCheckViewSet(ModelViewSet):
    """Only the page that records a follow-up: the actions list shows them."""

    model = ActionCheck
    url_prefix = "workplace-meetings/follow-ups"
    icon = "tick"
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = RecordCheckView
    list_display = ["__str__", "action", "due_on", "result"]

    def get_form_class(self, for_update=False):
        return CheckForm


class WorkplaceMeetingGroup(ViewSetGroup):
    menu_label = gettext_lazy("Workplace meetings")
    menu_icon = "group"
    menu_order = 160  # after Feedback
    submenu_hook = MENU_HOOK
    items = (
        MeetingTopicViewSet("meeting_topic"),
        MeetingViewSet("meeting"),
        ActionViewSet("action"),
    )
