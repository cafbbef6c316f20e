from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from feedback import demo, report_views
from feedback.dashboard import FeedbackPanel
from feedback.models import Category, District, Notification, ResponseDeadline
from feedback.permissions import ViewPermissionRequired, is_handler
from feedback.viewsets import FeedbackViewSet


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "sort_order", "is_active"]
    list_filter = ["is_active", "locale"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "sort_order", "is_active"]
    list_filter = ["is_active", "locale"]


class ResponseDeadlineViewSet(SnippetViewSet):
    model = ResponseDeadline
    icon = "time"
    list_display = ["kind", "category", "acknowledge_within", "answer_within"]


# The notification chooser lists the recipients' addresses: not for every admin user, as
# Wagtail's choosers are.
class NotificationChooseView(ViewPermissionRequired, chooser.ChooseView):
    pass


class NotificationChooseResultsView(ViewPermissionRequired, chooser.ChooseResultsView):
    pass


class NotificationChosenView(ViewPermissionRequired, chooser.SnippetChosenView):
    pass


class NotificationChosenMultipleView(ViewPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class NotificationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = NotificationChooseView
    choose_results_view_class = NotificationChooseResultsView
    chosen_view_class = NotificationChosenView
    chosen_multiple_view_class = NotificationChosenMultipleView


class NotificationViewSet(SnippetViewSet):
    """E-mails about feedback: staff see what failed and why."""

    model = Notification
    chooser_viewset_class = NotificationChooserViewSet
    icon = "mail"
    list_display = ["feedback", "purpose", "state", "attempts", "last_error", "sent_at"]
    list_filter = ["state", "purpose"]
    inspect_view_enabled = True


class FeedbackSetupGroup(SnippetViewSetGroup):
    menu_label = _("Feedback setup")
    menu_icon = "cogs"
    items = (CategoryViewSet, DistrictViewSet, ResponseDeadlineViewSet, NotificationViewSet)


register_snippet(FeedbackSetupGroup)


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet("feedback")


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("feedback-report/", report_views.report_view, name="feedback_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_handler(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Feedback report"), reverse("feedback_report"), icon_name="doc-full", order=800
    )


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    actions.register_action("feedback.view", _("View"), _("Viewed the item and its personal data"))
    actions.register_action("feedback.triage", _("Triage"), _("Triaged"))


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if is_handler(request.user):
        panels.append(FeedbackPanel(request.user))


hooks.register("demo_feedback_page", demo.build_feedback_page)
# A fresh production site gets the form and the open statistics too (setup_site).
hooks.register("essential_pages", demo.build_feedback_page)
hooks.register("demo_translations", demo.translate_feedback_page)
hooks.register("demo_content_ready", demo.create_demo_feedback)
