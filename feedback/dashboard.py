"""The admin home panel: my open items, what is due this week, what is overdue."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from feedback.models import Feedback, Status
from feedback.triage import open_filter, overdue_filter


class FeedbackPanel(Component):
    name = "feedback"
    order = 50
    template_name = "feedback/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        week_end = today + timedelta(days=6 - today.weekday())
        items = Feedback.objects.filter(open_filter())
        due_this_week = Q(answer_due__range=(today, week_end)) | Q(
            status=Status.RECEIVED, acknowledge_due__range=(today, week_end)
        )
        return {
            "mine": items.filter(assigned_to=self.user).select_related("category")[:10],
            "mine_count": items.filter(assigned_to=self.user).count(),
            "due_this_week": items.filter(due_this_week).count(),
            "overdue": Feedback.objects.filter(overdue_filter(today)).count(),
        }
