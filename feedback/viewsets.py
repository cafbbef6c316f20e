"""The Feedback area of the Wagtail admin: list, read, triage and register."""

from copy import copy
from datetime import datetime
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min, Q
from django.forms import Media
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import RedirectView
from wagtail.admin import messages
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.log_actions import log

from feedback import (
    access_log,
    appeal_guard,
    edit_lock,
    intake,
    letters,
    list_actions,
    meeting_list,
    notifications,
    retention,
    safeguarding,
    timeline,
    triage,
    work_list,
    workload,
)
from feedback.admin_forms import (
    ExportPurposeForm,
    RegisterForm,
    TriageForm,
    handler_name,
    handlers,
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

ALL = gettext_lazy("All")  # a filter's choice that filters nothing out


class YesNoSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", ALL),
            ("true", gettext_lazy("Yes")),
            ("false", gettext_lazy("No")),
        ]


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no filter shown as "Ja"/"Nej" in its select and in the active filter, not as
    Python's True/False."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", YesNoSelect)
        super().__init__(*args, **kwargs)


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value=_("Yes") if self.value else _("No"))


register_filter_adapter_class(YesNoFilter, YesNoFilterAdapter)


class HandlerFilterField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, user):
        # The active filter "Nobody" (``?assigned_to=null``) is the null choice, not a user.
        if user == self.null_value:
            return str(self.null_label)
        return handler_name(user)


class HandlerFilter(django_filters.ModelChoiceFilter):
    """Handlers by name, in the select and in the active filter."""

    field_class = HandlerFilterField


def in_default_locale(model):
    """The list's entries in the default locale (Locale.get_default(), joined rather than
    looked up: no query of its own for each use)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return model.objects.filter(locale__language_code=language)


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=Status.choices, empty_label=ALL
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=Kind.choices, empty_label=ALL
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
    assigned_to = HandlerFilter(
        label=gettext_lazy("Handler"),
        queryset=lambda request: workload.assignees(),
        empty_label=ALL,
        null_label=gettext_lazy("Nobody"),
    )
    unassigned = YesNoFilter(
        label=gettext_lazy("Unassigned"), field_name="assigned_to", lookup_expr="isnull"
    )
    open = YesNoFilter(label=gettext_lazy("Open"), method="filter_open")
    overdue = YesNoFilter(label=gettext_lazy("Overdue"), method="filter_overdue")
    due_this_week = YesNoFilter(label=gettext_lazy("Due this week"), method="filter_this_week")
    may_be_appeal = YesNoFilter(label=gettext_lazy("May be an appeal"))
    delay_notice_asked = YesNoFilter(
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

    @staticmethod
    def filter_by(queryset, rule: Q, value):
        return queryset.filter(rule) if value else queryset.exclude(rule)

    def filter_open(self, queryset, name, value):
        return self.filter_by(queryset, triage.open_filter(), value)

    def filter_overdue(self, queryset, name, value):
        return self.filter_by(queryset, triage.overdue_filter(timezone.localdate()), value)

    def filter_this_week(self, queryset, name, value):
        return self.filter_by(queryset, triage.due_this_week_filter(timezone.localdate()), value)

    def filter_delay_notice_asked(self, queryset, name, value):
        asked = triage.delay_notice_asked_filter(timezone.localdate(), ClosedDay.objects.calendar())
        return self.filter_by(queryset, asked, value)

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


ADMIN_CSS = Media(css={"all": ["feedback/admin.css"]})


def icon(name: str) -> str:
    return format_html(
        '<svg class="icon icon-{}" aria-hidden="true"><use href="#icon-{}"></use></svg>', name, name
    )


class DueColumn(Column):
    """The next due date with its marker in words and an icon, not colour alone: overdue (the
    strongest thing on the row, with the days it is late) or due soon (set by the view)."""

    def get_value(self, instance):
        due = instance.next_due
        if due is None:
            return "—"
        marker = getattr(instance, "due_marker", None)
        if marker == "overdue":
            days = instance.days_overdue
            label = ngettext("Overdue by %(days)d day", "Overdue by %(days)d days", days) % {
                "days": days
            }
            return format_html(
                '{} <strong class="feedback-due feedback-due--overdue">{} {}</strong>',
                due.isoformat(),
                icon("warning"),
                label,
            )
        if marker == "due_soon":
            return format_html(
                '{} <span class="feedback-due feedback-due--soon">{} {}</span>',
                due.isoformat(),
                icon("time"),
                _("Due soon"),
            )
        return due.isoformat()


class OfTheView:
    """A column that asks the list's view (its URLs carry the list's filters), bound to it for
    one request."""

    view = None

    def bound_to(self, view):
        column = copy(self)
        column.view = view
        return column


class HandlerColumn(OfTheView, Column):
    """The handler's name, and for an open item nobody has, "Assign to me"."""

    cell_template_name = "feedback/admin/handler_cell.html"

    def get_value(self, instance):
        return handler_name(instance.assigned_to) if instance.assigned_to else "—"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["assign_url"] = self.view.assign_to_me_url(instance)
        return context


class SelectColumn(BaseColumn):
    """A checkbox per row for the actions on several items (the list's own form)."""

    header_template_name = "feedback/admin/select_all_cell.html"
    cell_template_name = "feedback/admin/select_cell.html"


class FeedbackPaginator(WagtailPaginator):
    @property
    def items_count_label(self):
        return ngettext("%(count)d feedback item", "%(count)d feedback items", self.count) % {
            "count": self.count
        }


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


STAND_IN_PK = 2147483647  # the largest integer key: no real item's URL has it


class ReferenceColumn(OfTheView, TitleColumn):
    """The reference, linking to the item with the list it was opened from (``next``)."""

    def get_link_url(self, instance, parent_context):
        return self.view.get_edit_url(instance)


class FeedbackIndexView(Forbidden403Mixin, SafeExportMixin, generic.IndexView):
    """The register, in the work order (feedback/work_list.py). A search (which reads messages
    and names) is logged on every item it lists, and an export asks its purpose first and is
    logged on every item it contains."""

    page_title = gettext_lazy("Feedback")
    paginator_class = FeedbackPaginator

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("category", "district", "assigned_to")

    @cached_property
    def sorted_by(self):
        """The order the items are sorted by: the column's, or where the status filter lists
        only answered or closed items, which come last in the work order, newest first, the
        same order by arrival alone (which the status index reads, without passing the open
        items in the work order's index first)."""
        valid = self.filters and self.filters.is_valid()
        status = self.filters.form.cleaned_data.get("status") if valid else None
        if self.ordering == work_list.DUE and status in triage.CLOSED_STATUSES:
            return "-received_at"
        return self.ordering

    def order_queryset(self, queryset):
        return work_list.order(queryset, self.sorted_by)

    @cached_property
    def columns(self):
        columns = [
            column.bound_to(self) if isinstance(column, OfTheView) else column
            for column in super().columns
        ]
        if not self.may_change:
            return columns
        return [SelectColumn("select", label=_("Select")), *columns]

    @cached_property
    def list_url(self):
        """This list as the handler sees it (filters, search, order and page): the pages opened
        from it come back to it."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url

    @cached_property
    def back_here(self):
        return urlencode({"next": self.list_url})

    def item_url(self, url_name, pk):
        """An item's URL with this list to come back to. Each URL name is reversed once, for a
        stand-in pk: reverse() for every link of every row cost more than the page's query."""
        if url_name not in self.item_urls:
            url = reverse(url_name, args=[STAND_IN_PK]).replace(str(STAND_IN_PK), "{pk}")
            self.item_urls[url_name] = f"{url}?{self.back_here}"
        return self.item_urls[url_name].format(pk=pk)

    @cached_property
    def item_urls(self):
        return {}

    @cached_property
    def may_change(self):
        return self.user_has_permission("change")

    def get_edit_url(self, instance):
        return self.item_url(self.edit_url_name, instance.pk) if self.may_change else None

    @cached_property
    def may_take_items(self):
        return handlers().filter(pk=self.request.user.pk).exists()

    def assign_to_me_url(self, instance):
        """For an open item nobody has yet: where "Assign to me" posts (taking over another
        handler's item is on the item's page)."""
        if not (self.may_take_items and instance.is_open) or instance.assigned_to_id:
            return None
        return self.item_url("feedback:assign_to_me", instance.pk)

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
            item.days_overdue = triage.days_overdue(item, today)
        if self.is_searching and not self.is_export:
            access_log.record(context["object_list"], "feedback.search", self.request.user)
        context["views"] = work_list.views(self.index_url, self.request.GET, self.request.user)
        if self.may_change:
            context["bulk_form"] = list_actions.BulkForm(auto_id="feedback-bulk-%s")
            context["bulk_url"] = f"{reverse('feedback:bulk')}?{self.back_here}"
        context["media"] += ADMIN_CSS
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


class FeedbackLetterView(access_log.ReadLogged, Forbidden403Mixin, generic.InspectView):
    """The answer as a letter to print, in the reply language (feedback.letters)."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **letters.letter_context(self.object, self.request),
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return letters.render_in_letter_language(self.object, response.render)


class OnToTheNextItem:
    """An item opened from the list (``next``): saved, on to the next item of the list's view
    (found before the save moves the item), back to the list after the last one; "Save and
    stay" opens the item again. "Assign to me" takes it in one click."""

    list_view = None  # the list's view, which knows its filters, search and order

    @cached_property
    def came_from(self):
        return work_list.next_url(self.request)

    def with_next(self, url):
        return f"{url}?{urlencode({'next': self.came_from})}" if self.came_from else url

    @property
    def submit_button_label(self):
        if work_list.is_the_list(self.came_from, reverse(self.index_url_name)):
            return _("Save and go to the next")
        return generic.EditView.submit_button_label

    def post(self, request, *args, **kwargs):
        self.following = None
        if "stay" not in request.POST:
            listed = work_list.listed(self.list_view, request)
            if listed:
                self.following = work_list.following(*listed, self.object_pk)
        return super().post(request, *args, **kwargs)

    def get_edit_url(self):
        return self.with_next(super().get_edit_url())

    def get_success_url(self):
        if "stay" in self.request.POST:
            return self.get_edit_url()
        if self.following:
            return self.with_next(reverse(self.edit_url_name, args=[self.following.pk]))
        return self.came_from or super().get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item, user = self.object, self.request.user
        if (
            item.is_open
            and item.assigned_to_id != user.pk
            and handlers().filter(pk=user.pk).exists()
        ):
            url = reverse("feedback:assign_to_me", args=[item.pk])
            context["assign_to_me_url"] = f"{url}?{urlencode({'next': self.get_edit_url()})}"
        context["media"] = context.get("media", Media()) + ADMIN_CSS
        return context


class FeedbackEditView(
    OnToTheNextItem,
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
        context.update(
            meeting_list.item_context(self.object, self.request.user, self.get_edit_url())
        )
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


class ListActionView(Forbidden403Mixin, View):
    """An action posted from the list or an item's page: done, it goes back to where it came
    from (``next``, a page of this admin), else to the list."""

    http_method_names = ["post"]
    permission_policy = None
    permission_required = "change"

    def post(self, request, *args, **kwargs):
        return self.perform_operation() or redirect(
            work_list.next_url(request) or reverse("feedback:index")
        )


class AssignToMeView(ListActionView):
    """One click: the item is the signed-in handler's."""

    def perform_operation(self):
        if not handlers().filter(pk=self.request.user.pk).exists():
            return forbidden(self.request)  # may handle items, but is no handler to assign
        with transaction.atomic():
            item = get_object_or_404(Feedback.objects.select_for_update(), pk=self.kwargs["pk"])
            # The handler the clicked page showed (the list offers unassigned items only): two
            # handlers clicking at once, the second is told instead of taking it over.
            if str(item.assigned_to_id or "") != self.request.POST.get("expected", ""):
                messages.warning(
                    self.request,
                    _("%(reference)s was assigned to %(handler)s meanwhile: nothing changed.")
                    % {"reference": item.reference, "handler": handler_name(item.assigned_to)},
                )
                return None
            assigned = list_actions.assign([item], self.request.user, self.request.user)
        if assigned:
            messages.success(
                self.request, _("%(reference)s is assigned to you.") % {"reference": item.reference}
            )
        return None


class FeedbackBulkView(ListActionView):
    """The actions on several items of the list: the selected ones, or every item of the view
    the list shows (its filters and search, from ``next``)."""

    list_view = None  # the list's view, which knows its filters, search and order

    def perform_operation(self):
        form = list_actions.BulkForm(self.request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(self.request, error)
            return
        items = list(self.chosen_items(form)[: list_actions.MOST_AT_ONCE + 1])
        if len(items) > list_actions.MOST_AT_ONCE:
            messages.error(
                self.request,
                _("At most %(count)d items can be changed at once: narrow the view first.")
                % {"count": list_actions.MOST_AT_ONCE},
            )
            return
        user = self.request.user
        if form.cleaned_data["action"] == form.ASSIGN:
            handler = form.cleaned_data["handler"]
            count = list_actions.assign(items, handler, user)
            messages.success(
                self.request,
                ngettext(
                    "%(count)d item assigned to %(handler)s.",
                    "%(count)d items assigned to %(handler)s.",
                    count,
                )
                % {"count": count, "handler": handler_name(handler)},
            )
            return
        status = form.new_status
        count, refused = list_actions.move(items, status, user)
        messages.success(
            self.request,
            ngettext(
                "%(count)d item moved to “%(status)s”.",
                "%(count)d items moved to “%(status)s”.",
                count,
            )
            % {"count": count, "status": Status(status).label},
        )
        for reason, references in refused.items():
            messages.warning(
                self.request,
                _("Not moved: %(references)s. %(reason)s")
                % {"references": ", ".join(references), "reason": reason},
            )

    def chosen_items(self, form):
        if not form.cleaned_data["everything"]:
            return form.cleaned_data["items"]
        listed = work_list.listed(self.list_view, self.request)
        return listed[0] if listed else Feedback.objects.none()


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
    ordering = work_list.DUE  # the work order (its default sort is by the Due column)
    list_per_page = 50
    # What a handler needs first (and sees first on a phone): reference, status, due date.
    list_display = [
        ReferenceColumn("reference", label=gettext_lazy("Reference"), sort_key="reference"),
        Column(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
        ),
        DueColumn("next_due", label=gettext_lazy("Due"), sort_key=work_list.DUE),
        HandlerColumn("assigned_to", label=gettext_lazy("Handler")),
        DateColumn("received_at", label=gettext_lazy("Received"), sort_key="received_at"),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("category", label=gettext_lazy("Category")),
        Column("district", label=gettext_lazy("District")),
    ]
    index_results_template_name = "feedback/admin/index_results.html"
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

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(list_view=self.index_view, **kwargs)

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path(
                "assign-to-me/<int:pk>/",
                AssignToMeView.as_view(permission_policy=policy),
                name="assign_to_me",
            ),
            path(
                "letter/<int:pk>/",
                self.construct_view(
                    FeedbackLetterView,
                    **{**self.get_inspect_view_kwargs(), "template_name": "feedback/letter.html"},
                ),
                name="letter",
            ),
            path(
                "bulk/",
                FeedbackBulkView.as_view(permission_policy=policy, list_view=self.index_view),
                name="bulk",
            ),
            # The separate page of checkboxes is gone: the list selects and acts itself.
            path("assign/", RedirectView.as_view(pattern_name=self.get_url_name("index"))),
        ]
