"""The admin home panel: my open items, what is due this week, what is overdue."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component

from feedback import background, triage
from feedback.models import Feedback
from portal.models import ClosedDay


class FeedbackPanel(Component):
    name = "feedback"
    order = 50
    template_name = "feedback/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        week_end = today + timedelta(days=6 - today.weekday())
        mine = Feedback.objects.filter(triage.open_filter(), assigned_to=self.user)
        return {
            "mine": mine.select_related("category")[:10],
            "mine_count": mine.count(),
            "due_this_week": Feedback.objects.filter(
                triage.next_due_filter("range", (today, week_end))
            ).count(),
            "overdue": Feedback.objects.filter(triage.overdue_filter(today)).count(),
            # The appeal guard: possible appeals nobody has forwarded or cleared yet.
            "possible_appeals": Feedback.objects.filter(
                triage.open_filter(), may_be_appeal=True, appeal_forwarded_on__isnull=True
            ).count(),
            "delay_notice_asked": Feedback.objects.filter(
                triage.delay_notice_asked_filter(today, ClosedDay.objects.calendar())
            ).count(),
            "queue_stuck": background.is_stuck(timezone.now()),
        }
