"""The workload page in the admin: a table per handler, each number a link to the list."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic

from feedback.permissions import feedback_policy
from feedback.viewsets import Forbidden403Mixin
from feedback.workload import COLUMNS, workload


class WorkloadView(Forbidden403Mixin, generic.base.WagtailAdminTemplateMixin, TemplateView):
    """For unit heads and handlers (who may change feedback); others get the 403 page."""

    template_name = "feedback/admin/workload.html"
    page_title = _("Workload")
    header_icon = "group"
    permission_policy = feedback_policy
    permission_required = "change"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback:index"), "label": _("Feedback")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        nobody, rows, total = workload(timezone.localdate())
        return super().get_context_data(
            columns=[label for label, _query in COLUMNS.values()],
            nobody=nobody,
            rows=rows,
            total=total,
            **kwargs,
        )
