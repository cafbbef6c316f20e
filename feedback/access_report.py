"""Reports → Access to feedback: who viewed, edited, exported, searched, copied, erased or
deleted which item, filterable by item, person, act and date, exportable. Read-only: the
log cannot be changed from the admin."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from feedback import access_log
from feedback.access_log import Purpose
from feedback.permissions import forbidden, is_auditor
from feedback.spreadsheets import SafeExportMixin


def action_choices():
    # get_choices() loads the registered actions first (get_action_label alone does not).
    labels = dict(log_action_registry.get_choices())
    return [
        (action, labels[action]) for action in [*access_log.ACTIONS, *access_log.WAGTAIL_ACTIONS]
    ]


def users_in_log(request):
    return get_user_model().objects.filter(
        pk__in=access_log.entries().exclude(user=None).values("user")
    )


class AccessFilterSet(WagtailFilterSet):
    reference = django_filters.CharFilter(
        label=_("Reference"), field_name="label", lookup_expr="iexact"
    )
    user = django_filters.ModelChoiceFilter(label=_("Staff member"), queryset=users_in_log)
    action = django_filters.ChoiceFilter(label=_("Act"), choices=action_choices)
    timestamp = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = []


def purpose_label(code) -> str:
    return str(Purpose(code).label) if code in Purpose.values else ""


class AccessReportView(SafeExportMixin, ReportView):
    page_title = _("Access to feedback")
    header_icon = "view"
    results_template_name = "feedback/admin/access_report_results.html"
    filterset_class = AccessFilterSet
    index_url_name = "feedback_access_report"
    index_results_url_name = "feedback_access_report_results"
    list_export = ["timestamp", "user_display_name", "action", "label", "purpose"]
    export_headings = {
        "timestamp": _("Time"),  # Stockholm's, as on the page (feedback.spreadsheets)
        "user_display_name": _("Staff member"),
        "action": _("Act"),
        "label": _("Reference"),
        "purpose": _("Purpose"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        action_label = {key: str(label) for key, label in action_choices()}
        self.custom_field_preprocess = {"action": dict.fromkeys(self.FORMATS, action_label.get)}

    def dispatch(self, request, *args, **kwargs):
        if not is_auditor(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "feedback-access-log"

    def get_queryset(self):
        return access_log.entries()

    def decorate_paginated_queryset(self, object_list):
        for entry in object_list:
            entry.purpose = purpose_label(entry.data.get("purpose"))
        return object_list

    def to_row_dict(self, item):
        item.purpose = purpose_label(item.data.get("purpose"))
        return super().to_row_dict(item)
