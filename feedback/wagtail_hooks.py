from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from feedback import (
    access_log,
    access_report,
    demo,
    escalation,
    kept_promises,
    meetings_demo,
    report_views,
    subject_access,
)
from feedback.control_sample_views import ControlSampleItemViewSet, ControlSampleViewSet
from feedback.dashboard import FeedbackPanel
from feedback.earlier_counts_views import earlier_counts_view
from feedback.follow_up import FollowUpForm
from feedback.meeting_views import ActionCheckViewSet, WorkplaceMeetingGroup
from feedback.models import (
    AnswerTemplate,
    AppealWord,
    Category,
    District,
    FollowUp,
    Notification,
    ResponseDeadline,
    SafeguardingWord,
)
from feedback.permissions import ViewPermissionChooserViewSet, is_auditor, is_handler
from feedback.published_change_views import PublishedChangeViewSet
from feedback.viewsets import FeedbackViewSet
from feedback.workload_views import WorkloadView


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "sort_order", "is_active", "suggests_appeal"]
    list_filter = ["is_active", "suggests_appeal", "locale"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "sort_order", "is_active"]
    list_filter = ["is_active", "locale"]


class AppealWordViewSet(SnippetViewSet):
    """The words that flag feedback as a possible appeal (appeal_guard)."""

    model = AppealWord
    icon = "warning"
    list_display = ["word", "language"]
    list_filter = ["language"]


class SafeguardingWordViewSet(SnippetViewSet):
    """The words that flag feedback as a possible safeguarding concern (feedback.safeguarding)."""

    model = SafeguardingWord
    icon = "warning"
    list_display = ["word", "language"]
    list_filter = ["language"]


class AnswerTemplateViewSet(SnippetViewSet):
    """The wordings handlers start an answer from, per category, kind and language."""

    model = AnswerTemplate
    icon = "doc-full"
    list_display = ["title", "category", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["title", "body"]


class ResponseDeadlineViewSet(SnippetViewSet):
    model = ResponseDeadline
    icon = "time"
    list_display = ["kind", "category", "acknowledge_within", "answer_within"]


class NotificationReadLogged(access_log.ReadLogged):
    """A notification shows its recipient's address: logged as a view of its feedback item."""

    def logged_item(self):
        return self.object.feedback


class NotificationInspectView(NotificationReadLogged, InspectView):
    pass


class NotificationEditView(NotificationReadLogged, EditView):
    pass


class NotificationViewSet(SnippetViewSet):
    """E-mails about feedback: staff see what failed and why."""

    model = Notification
    inspect_view_class = NotificationInspectView
    edit_view_class = NotificationEditView
    copy_view_enabled = False
    # The chooser lists the recipients' addresses: not for every admin user.
    chooser_viewset_class = ViewPermissionChooserViewSet
    icon = "mail"
    # The error can name the recipient: it is shown in the (logged) inspect view only.
    list_display = ["feedback", "purpose", "state", "attempts", "error_type", "sent_at"]
    list_filter = ["state", "purpose"]
    inspect_view_enabled = True


class FollowUpViewSet(SnippetViewSet):
    """The guarantee's yearly follow-up: written by follow-up editors, approved by the unit
    head (the guarantee's workflow), published on the guarantee page."""

    model = FollowUp
    icon = "tasks"
    menu_label = _("Guarantee follow-up")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "year", "district", UpdatedAtColumn(), LiveStatusTagColumn()]
    list_filter = ["year", "district", "live"]
    edit_handler = ObjectList(FollowUp.panels, base_form_class=FollowUpForm)


register_snippet(FollowUpViewSet)
register_snippet(PublishedChangeViewSet)


class FeedbackSetupGroup(SnippetViewSetGroup):
    menu_label = _("Feedback setup")
    menu_icon = "cogs"
    items = (
        CategoryViewSet,
        DistrictViewSet,
        AppealWordViewSet,
        SafeguardingWordViewSet,
        AnswerTemplateViewSet,
        ResponseDeadlineViewSet,
        NotificationViewSet,
    )


register_snippet(FeedbackSetupGroup)


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet("feedback")


@hooks.register("register_admin_viewset")
def register_control_sample_viewsets():
    return [
        ControlSampleViewSet("control_sample"),
        ControlSampleItemViewSet("control_sample_item"),
    ]


@hooks.register("register_admin_viewset")
def register_meeting_viewsets():
    return [WorkplaceMeetingGroup(), ActionCheckViewSet("action_check")]


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path("feedback-report/", report_views.report_view, name="feedback_report"),
        path(
            "feedback-report/earlier-years/",
            earlier_counts_view,
            name="feedback_earlier_counts",
        ),
        path(
            "feedback-access/",
            access_report.AccessReportView.as_view(),
            name="feedback_access_report",
        ),
        path(
            "feedback-access/results/",
            access_report.AccessReportView.as_view(results_only=True),
            name="feedback_access_report_results",
        ),
        path(
            "feedback-subject/",
            subject_access.subject_access_view,
            name="feedback_subject_access",
        ),
        path("feedback-workload/", WorkloadView.as_view(), name="feedback_workload"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_handler(request.user)


class WorkloadMenuItem(MenuItem):
    def is_shown(self, request):
        policy = WorkloadView.permission_policy
        return policy.user_has_permission(request.user, WorkloadView.permission_required)


class AuditorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_auditor(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Feedback report"), reverse("feedback_report"), icon_name="doc-full", order=800
    )


@hooks.register("register_reports_menu_item")
def register_workload_menu_item():
    return WorkloadMenuItem(
        _("Feedback workload"), reverse("feedback_workload"), icon_name="group", order=805
    )


@hooks.register("register_reports_menu_item")
def register_access_report_menu_item():
    return AuditorMenuItem(
        _("Access to feedback"), reverse("feedback_access_report"), icon_name="view", order=810
    )


@hooks.register("register_reports_menu_item")
def register_subject_access_menu_item():
    return AuditorMenuItem(
        _("Data subject requests"),
        reverse("feedback_subject_access"),
        icon_name="user",
        order=820,
    )


class EscalationFormatter(LogFormatter):
    """Feedback nobody picked up, sent on by ``escalate_feedback`` (feedback.escalation)."""

    label = _("Escalated")

    def format_message(self, log_entry):
        return escalation.described(log_entry.data)


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    for action, (label, message) in access_log.ACTIONS.items():
        actions.register_action(action, label, message)
    actions.register_action(
        "feedback.appeal_forwarded", _("Forwarded as an appeal"), _("Forwarded as an appeal")
    )
    actions.register_action(
        "feedback.delay_notice", _("Delay notice"), _("Gave a new answer date (delay notice)")
    )
    actions.register_action(
        "feedback.safeguarding",
        _("Safeguarding concern"),
        _("Flagged as a safeguarding concern; the unit heads were told"),
    )
    actions.register_action("feedback.escalation")(EscalationFormatter)
    actions.register_action(
        "feedback.meeting_list",
        _("Put on the workplace-meeting list"),
        _("Put on the list for the next workplace meeting"),
    )
    actions.register_action(
        "feedback.action_check", _("Follow-up recorded"), _("Recorded a follow-up of the action")
    )
    actions.register_action(
        "feedback.change_approved",
        _("Approved for the public page"),
        _("Approved for the “You said, we did” page"),
    )
    actions.register_action(
        "feedback.change_withdrawn",
        _("Taken off the public page"),
        _("Taken off the “You said, we did” page"),
    )


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if is_handler(request.user):
        panels.append(FeedbackPanel(request.user))


hooks.register("guarantee_page_sections", kept_promises.add_to_guarantee_page)
hooks.register("demo_feedback_page", demo.build_demo_feedback_page)
# A fresh production site gets the form and the open statistics too (setup_site).
hooks.register("essential_pages", demo.build_feedback_page)
hooks.register("essential_pages", meetings_demo.build_page)
hooks.register("demo_translations", demo.translate_feedback_page)
hooks.register("demo_translations", meetings_demo.translate_page)
hooks.register("demo_content_ready", demo.create_demo_feedback)
hooks.register("demo_content_ready", demo.import_demo_earlier_counts)
hooks.register("demo_content_ready", demo.create_demo_follow_up)
hooks.register("demo_content_ready", demo.create_demo_answer_templates)
hooks.register("demo_content_ready", meetings_demo.create_demo_meetings)
