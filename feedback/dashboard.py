"""The admin home panel: my open items, the unassigned ones, what is due this week, what is
overdue; each count links to the list's view of the same items."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from feedback import background, triage, work_list
from feedback.models import Feedback
from feedback.permissions import feedback_policy
from portal.models import ClosedDay


class FeedbackPanel(Component):
    name = "feedback"
    order = 50
    template_name = "feedback/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        mine = Feedback.objects.filter(triage.open_filter(), assigned_to=self.user)
        index = reverse("feedback:index")
        views = {
            name: work_list.view_url(index, name, self.user)
            for name in ("mine", "unassigned", "overdue", "due_this_week")
        }
        back_to_mine = urlencode({"next": views["mine"]})
        return {
            "mine": [
                (item, f"{reverse('feedback:edit', args=[item.pk])}?{back_to_mine}")
                for item in work_list.order(mine.select_related("category"), None)[:10]
            ],
            "mine_count": mine.count(),
            "unassigned": Feedback.objects.filter(
                triage.open_filter(), assigned_to__isnull=True
            ).count(),
            "due_this_week": Feedback.objects.filter(triage.due_this_week_filter(today)).count(),
            "overdue": Feedback.objects.filter(triage.overdue_filter(today)).count(),
            "views": views,
            # The appeal guard: possible appeals nobody has forwarded or cleared yet.
            "possible_appeals": Feedback.objects.filter(
                triage.open_filter(), may_be_appeal=True, appeal_forwarded_on__isnull=True
            ).count(),
            "delay_notice_asked": Feedback.objects.filter(
                triage.delay_notice_asked_filter(today, ClosedDay.objects.calendar())
            ).count(),
            "queue_stuck": background.is_stuck(timezone.now()),
            # The workload page is for those who may change feedback (unit heads, handlers).
            "sees_workload": feedback_policy.user_has_permission(self.user, "change"),
        }
