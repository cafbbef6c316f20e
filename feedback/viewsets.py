"""The Feedback area of the Wagtail admin: list, read, triage and register."""

from datetime import datetime

import django_filters
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.models import Locale

from feedback import (
    access_log,
    appeal_guard,
    edit_lock,
    intake,
    notifications,
    retention,
    safeguarding,
    timeline,
    triage,
    workload,
)
from feedback.admin_forms import (
    BulkAssignForm,
    ExportPurposeForm,
    RegisterForm,
    TriageForm,
    handler_name,
)
from feedback.answer_tools import AnswerToolsMixin
from feedback.choices import Kind, Status
from feedback.models import (
    Category,
    District,
    Feedback,
    FeedbackNote,
    FeedbackPage,
    Notification,
    SafeguardingSettings,
)
from feedback.periods import TERTIAL_LABELS, tertial_months
from feedback.permissions import forbidden, is_auditor
from feedback.spreadsheets import SafeExportMixin
from portal.models import ClosedDay

MARKER_LABELS = {"overdue": gettext_lazy("Overdue"), "due_soon": gettext_lazy("Due soon")}


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=Kind.choices)
    category = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Category"),
        queryset=lambda request: Category.objects.filter(locale=Locale.get_default()),
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"),
        queryset=lambda request: District.objects.filter(locale=Locale.get_default()),
    )
    assigned_to = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Handler"),
        queryset=lambda request: workload.assignees(),
        null_label=gettext_lazy("Nobody"),
    )
    open = django_filters.BooleanFilter(label=gettext_lazy("Open"), method="filter_open")
    due_this_week = django_filters.BooleanFilter(
        label=gettext_lazy("Due this week"), method="filter_due_this_week"
    )
    overdue = django_filters.BooleanFilter(label=gettext_lazy("Overdue"), method="filter_overdue")
    may_be_appeal = django_filters.BooleanFilter(label=gettext_lazy("May be an appeal"))
    delay_notice_asked = django_filters.BooleanFilter(
        label=gettext_lazy("Answer due soon, no delay notice"), method="filter_delay_notice_asked"
    )
    year = django_filters.NumberFilter(
        label=gettext_lazy("Year received"), field_name="received_at", lookup_expr="year"
    )
    tertial = django_filters.ChoiceFilter(
        label=gettext_lazy("Tertial received"),
        choices=list(TERTIAL_LABELS.items()),
        method="filter_tertial",
    )

    class Meta:
        model = Feedback
        fields = ["status", "kind", "category", "district", "assigned_to", "may_be_appeal"]

    def filter_open(self, queryset, name, value):
        is_open = triage.open_filter()
        return queryset.filter(is_open) if value else queryset.exclude(is_open)

    def filter_due_this_week(self, queryset, name, value):
        due = triage.due_this_week_filter(timezone.localdate())
        return queryset.filter(due) if value else queryset.exclude(due)

    def filter_overdue(self, queryset, name, value):
        overdue = triage.overdue_filter(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    def filter_delay_notice_asked(self, queryset, name, value):
        asked = triage.delay_notice_asked_filter(timezone.localdate(), ClosedDay.objects.calendar())
        return queryset.filter(asked) if value else queryset.exclude(asked)

    def filter_tertial(self, queryset, name, value):
        # Months in the current time zone (Stockholm), so 31 December 23:30 stays in T3: as
        # ranges of received_at, which its index reads (a month lookup computes every row's
        # month), in the year filtered on or else in each year from the first item to the last.
        months = tertial_months(int(value))
        chosen = self.form.cleaned_data.get("year")
        if chosen is not None:
            years = [int(chosen)]
        else:
            span = Feedback.objects.aggregate(first=Min("received_at"), last=Max("received_at"))
            if span["first"] is None:
                return queryset.none()
            years = range(
                timezone.localtime(span["first"]).year, timezone.localtime(span["last"]).year + 1
            )
        if not all(datetime.min.year < year < datetime.max.year for year in years):
            return queryset.filter(received_at__month__in=months)
        zone = timezone.get_current_timezone()
        ranges = Q()
        for year in years:
            start = datetime(year, months[0], 1, tzinfo=zone)
            end = datetime(year + months[-1] // 12, months[-1] % 12 + 1, 1, tzinfo=zone)
            ranges |= Q(received_at__gte=start, received_at__lt=end)
        return queryset.filter(ranges)


class DueColumn(Column):
    """The next due date with an overdue or due-soon marker (set on the rows by the view)."""

    def get_value(self, instance):
        due = instance.next_due
        if due is None:
            return "—"
        marker = getattr(instance, "due_marker", None)
        if marker:
            return format_html(
                '{} <span class="w-status w-status--{}">{}</span>',
                due.isoformat(),
                "critical" if marker == "overdue" else "label",
                MARKER_LABELS[marker],
            )
        return due.isoformat()


class Forbidden403Mixin:
    """Answer 403 to signed-in staff without the right, instead of Wagtail's redirect to the
    dashboard: the Feedback area does not exist for them."""

    def dispatch(self, request, *args, **kwargs):
        policy, user = self.permission_policy, request.user
        if user.is_authenticated and policy is not None:
            needed = self.permission_required
            any_of = getattr(self, "any_permission_required", None)
            if (needed and not policy.user_has_permission(user, needed)) or (
                any_of and not policy.user_has_any_permission(user, any_of)
            ):
                return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class FeedbackIndexView(Forbidden403Mixin, SafeExportMixin, generic.IndexView):
    """The register. A search (which reads messages and names) is logged on every item it
    lists, and an export asks its purpose first and is logged on every item it contains."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category", "district", "assigned_to")

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Assign several"), url=reverse("feedback:bulk_assign"), icon_name="user"
            ),
        ]

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        if self.filters and self.filters.is_valid():
            if self.filters.form.cleaned_data.get("overdue") is False:
                paginator.count = self.count_not_overdue()
        return paginator

    def count_not_overdue(self):
        """Nearly every item is not overdue: counting them reads every row for its due dates.
        The same number from indexes: the items the other filters and the search leave, less
        the overdue ones among them (few, in feedback_open_idx)."""
        items = self.get_base_queryset()
        for name, value in self.filters.form.cleaned_data.items():
            if name != "overdue":
                items = self.filters.filters[name].filter(items, value)
        items = self.search_queryset(items)
        overdue = items.filter(triage.overdue_filter(timezone.localdate()))
        return items.count() - overdue.count()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today, calendar = timezone.localdate(), ClosedDay.objects.calendar()
        for item in context["object_list"]:
            item.due_marker = triage.due_marker(item, today, calendar)
        if self.is_searching and not self.is_export:
            access_log.record(context["object_list"], "feedback.search", self.request.user)
        return context

    def to_row_dict(self, item):
        """A row of the export as staff read the item: labels, the handler's name, the date
        the answer is due (after any delay notice), times in Stockholm's (SafeExportMixin)."""
        values = {
            "kind": item.get_kind_display(),
            "channel": item.get_channel_display(),
            "status": item.get_status_display(),
            "assigned_to": handler_name(item.assigned_to) if item.assigned_to else "",
            "answer_due": triage.answer_due(item),
        }
        return {
            field: values[field] if field in values else getattr(item, field)
            for field in self.list_export
        }

    def render_to_response(self, context, **response_kwargs):
        if not self.is_export:
            return super().render_to_response(context, **response_kwargs)
        form = ExportPurposeForm(self.request.GET)
        if not form.is_valid():
            carried = [(k, v) for k, v in self.request.GET.items() if k != "purpose"]
            return TemplateResponse(
                self.request,
                "feedback/admin/export_purpose.html",
                {"form": form, "carried": carried, "page_title": _("Export feedback")},
            )
        items = list(context["object_list"])
        access_log.record(
            items,
            "feedback.export",
            self.request.user,
            purpose=form.cleaned_data["purpose"],
            format=self.request.GET["export"],
        )
        return self.as_spreadsheet(items, self.request.GET["export"])


class PersonalDataContext:
    """When the item's personal data goes, and (for the data-protection officer) its access log."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["removal_date"] = retention.removal_date(self.object)
        context["retention_months"] = settings.FEEDBACK_RETENTION_MONTHS
        if is_auditor(self.request.user):
            context["access_log_url"] = (
                reverse("feedback_access_report") + "?reference=" + self.object.reference
            )
        return context


class AppealContext:
    """For an item that may be an appeal: the last day to appeal and the days left."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["appeal"] = appeal_guard.deadline(self.object, timezone.localdate())
        return context


class SafeguardingContext:
    """For a safeguarding concern: the steps the law names, with the site's references."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.safeguarding:
            context["safeguarding"] = safeguarding.steps(
                self.object, SafeguardingSettings.for_request(self.request), timezone.localdate()
            )
        return context


class TimelineContext:
    """The item's timeline (feedback/timeline.py), on the pages that show the item."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = timeline.for_item(self.object)
        return context


class FeedbackInspectView(
    access_log.ReadLogged,
    SafeguardingContext,
    TimelineContext,
    AppealContext,
    PersonalDataContext,
    Forbidden403Mixin,
    generic.InspectView,
):
    template_name = "feedback/admin/inspect.html"


class FeedbackEditView(
    access_log.ReadLogged,
    AnswerToolsMixin,
    SafeguardingContext,
    TimelineContext,
    AppealContext,
    PersonalDataContext,
    Forbidden403Mixin,
    generic.EditView,
):
    template_name = "feedback/admin/triage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feedback"] = self.object
        return context

    def form_valid(self, form):
        if form.repeated:
            # The same form again (a double click): the first save did it all.
            return redirect(self.get_success_url())
        try:
            return super().form_valid(form)
        except edit_lock.Stale:
            # Saved by someone else since this form was checked: check it again, on top of
            # that save (refused, or recognised as a repeat).
            self.object = self.get_object()
            form = self.get_form()
            return self.form_valid(form) if self.is_valid(form) else self.form_invalid(form)

    def save_instance(self):
        form = self.form
        if not edit_lock.claim(form.instance, form.opened.version):
            raise edit_lock.Stale
        instance = super().save_instance()
        if form.cleaned_data.get("note"):
            FeedbackNote.objects.create(
                feedback=instance, author=self.request.user, text=form.cleaned_data["note"]
            )
        if form.cleaned_data.get("send_answer_by_email"):
            notifications.queue_answer(
                instance, status_url=FeedbackPage.status_url_in(instance.language)
            )
        if form.forwards_now:
            self.forward_as_appeal(instance)
        if form.delay_now:
            self.give_delay_notice(instance)
        if form.raises_concern:
            safeguarding.raise_concern(instance, by="handler", user=self.request.user)
        changed = form.changed_fields()
        data = {
            "changed": changed,
            "status": instance.status,
            "version": instance.version,
            "submission": form.submission_key,
        }
        if "assigned_to" in changed:
            data["assigned_to"] = instance.assigned_to_id
        log(instance, "feedback.triage", user=self.request.user, data=data)
        return instance

    def give_delay_notice(self, instance):
        """Record the delay notice in the item's history and tell the citizen (FL 11 §)."""
        log(
            instance,
            "feedback.delay_notice",
            user=self.request.user,
            data={
                "first_answer_date": instance.answer_due.isoformat(),
                "new_answer_date": instance.delayed_answer_due.isoformat(),
                "in_time": triage.delay_noticed_in_time(instance),
            },
        )
        if instance.email:
            notifications.queue_to_sender(
                instance,
                Notification.Purpose.DELAY,
                status_url=FeedbackPage.status_url_in(instance.language),
            )
        elif not instance.is_anonymous:
            messages.warning(
                self.request,
                _("Tell the person of the new date the way they asked to be answered."),
            )

    def forward_as_appeal(self, instance):
        """Record the forwarding in the item's history and tell the citizen, once."""
        deadline = appeal_guard.deadline(instance, instance.appeal_forwarded_on)
        log(
            instance,
            "feedback.appeal_forwarded",
            user=self.request.user,
            data={
                "arrived_on": instance.appeal_arrived_on.isoformat(),
                "last_day": deadline.last_day.isoformat() if deadline else None,
                "in_time": deadline.arrived_in_time if deadline else None,
            },
        )
        if instance.email:
            notifications.queue_to_sender(instance, Notification.Purpose.APPEAL)
        elif not instance.is_anonymous:
            messages.warning(
                self.request,
                _("Tell the citizen by phone or letter that the item was forwarded as an appeal."),
            )


class FeedbackCreateView(Forbidden403Mixin, generic.CreateView):
    """Register feedback that came another way; saving lands on the new item's page."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        feedback = self.form.save(commit=False)
        registered = intake.register(
            feedback,
            received_at=self.form.received_at(),
            status_url=FeedbackPage.status_url_in(feedback.language),
        )
        log(registered.feedback, "wagtail.create", user=self.request.user)
        return registered.feedback

    def get_success_message(self, instance):
        return _("Registered feedback %(reference)s.") % {"reference": instance.reference}

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_buttons(self):
        return []  # the success URL is the item's page already


class FeedbackDeleteView(Forbidden403Mixin, generic.DeleteView):
    pass


class FeedbackHistoryView(Forbidden403Mixin, generic.HistoryView):
    pass


class FeedbackBulkAssignView(Forbidden403Mixin, generic.base.WagtailAdminTemplateMixin, FormView):
    """Assign several open items to one handler; each change goes into the item's history."""

    form_class = BulkAssignForm
    template_name = "feedback/admin/bulk_assign.html"
    page_title = gettext_lazy("Assign several items")
    permission_policy = None
    permission_required = "change"

    def form_valid(self, form):
        handler = form.cleaned_data["handler"]
        items = list(form.cleaned_data["items"])
        with transaction.atomic():
            for item in items:
                item.assigned_to = handler
                item.save(update_fields=["assigned_to"])
                log(
                    item,
                    "feedback.triage",
                    user=self.request.user,
                    data={"changed": ["assigned_to"], "status": item.status},
                )
        messages.success(
            self.request,
            _("%(count)d items assigned to %(handler)s.")
            % {"count": len(items), "handler": handler.get_full_name() or handler.get_username()},
        )
        return redirect("feedback:index")


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "mail"
    menu_label = gettext_lazy("Feedback")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = FeedbackIndexView
    inspect_view_class = FeedbackInspectView
    edit_view_class = FeedbackEditView
    add_view_class = FeedbackCreateView
    delete_view_class = FeedbackDeleteView
    history_view_class = FeedbackHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = FeedbackFilterSet
    search_fields = ["reference", "message", "name"]
    search_backend_name = None
    ordering = ["-received_at"]
    list_per_page = 50
    list_display = [
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            url_name="feedback:edit",
            sort_key="reference",
        ),
        DateColumn("received_at", label=gettext_lazy("Received"), sort_key="received_at"),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("category", label=gettext_lazy("Category")),
        Column("district", label=gettext_lazy("District")),
        Column(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
        ),
        Column("assigned_to", label=gettext_lazy("Handler")),
        DueColumn("next_due", label=gettext_lazy("Due"), sort_key="answer_due"),
    ]
    # Headed by the fields' names (FeedbackIndexView.to_row_dict gives the values).
    list_export = [
        "reference",
        "received_at",
        "kind",
        "category",
        "district",
        "channel",
        "status",
        "assigned_to",
        "answer_due",
        "answered_on",
    ]

    def get_form_class(self, for_update=False):
        return TriageForm if for_update else RegisterForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "assign/",
                FeedbackBulkAssignView.as_view(permission_policy=self.permission_policy),
                name="bulk_assign",
            ),
        ]
