"""The internal-control sample in the admin: draw a sample, see its figures per district,
review its items one by one and write the figures into the follow-up.

The list of items shows no free text; opening an item to review it shows the message and the
answer and is logged as a view of the feedback item (``access_log.ReadLogged``)."""

import django_filters
from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from feedback import access_log, control_sample, retention
from feedback.models import ControlSample, ControlSampleItem
from feedback.permissions import forbidden, is_handler


class DrawForm(WagtailAdminModelForm):
    seed = forms.IntegerField(
        label=gettext_lazy("seed"),
        required=False,
        min_value=0,
        help_text=gettext_lazy("Leave empty for a new random seed; give an earlier one to redraw."),
    )

    class Meta:
        model = ControlSample
        fields = ["year", "tertial", "per_district", "seed"]


class DrawView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return control_sample.draw(
            data["year"],
            tertial=data["tertial"],
            per_district=data["per_district"],
            seed=data["seed"],
            user=self.request.user,
        )

    def get_success_url(self):
        return reverse("control_sample:inspect", args=[self.object.pk])


class SampleInspectView(generic.InspectView):
    template_name = "feedback/admin/control_sample.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = control_sample.summary(self.object)
        context["items_url"] = reverse("control_sample_item:index") + f"?sample={self.object.pk}"
        context["feed_url"] = reverse("control_sample:feed", args=[self.object.pk])
        return context


def feed_view(request, pk):
    """POST: the sample's figures into the follow-up of its year (see feed_follow_up)."""
    if request.method != "POST" or not request.user.has_perm("feedback.change_followup"):
        return forbidden(request)
    sample = get_object_or_404(ControlSample, pk=pk)
    for fed in control_sample.feed_follow_up(sample, user=request.user):
        if fed.follow_up is None:
            messages.warning(
                request,
                _("No follow-up for %(year)s and %(district)s yet: write it first.")
                % {"year": sample.year, "district": fed.district.name},
            )
        elif fed.refused == "in_review":
            messages.warning(
                request,
                _("“%(follow_up)s” waits for the unit head's approval: not changed.")
                % {"follow_up": fed.follow_up},
            )
        elif fed.refused == "no_result":
            messages.warning(
                request,
                _("“%(follow_up)s” has no result for the commitment %(code)s: add it first.")
                % {
                    "follow_up": fed.follow_up,
                    "code": settings.FEEDBACK_CONTROL_SAMPLE_COMMITMENT,
                },
            )
        else:
            messages.success(
                request,
                _("The figures are in the follow-up “%(follow_up)s”.")
                % {"follow_up": fed.follow_up},
            )
    return redirect("control_sample:inspect", pk)


class ControlSampleViewSet(ModelViewSet):
    model = ControlSample
    icon = "list-ul"
    menu_label = gettext_lazy("Control samples")
    add_to_admin_menu = True
    menu_order = 320
    add_view_class = DrawView
    inspect_view_class = SampleInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["year", "tertial", "per_district", "seed"]
    list_display = [
        TitleColumn("__str__", label=gettext_lazy("Sample"), url_name="control_sample:inspect"),
        "per_district",
        "created_by",
        DateColumn("created_at", label=gettext_lazy("drawn at")),
    ]

    def get_form_class(self, for_update=False):
        return DrawForm

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/feed/", feed_view, name="feed")]


class ItemFilterSet(WagtailFilterSet):
    sample = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Control sample"), queryset=ControlSample.objects.all()
    )

    class Meta:
        model = ControlSampleItem
        fields = ["sample", "district", "deadline_kept", "written_answer_kept"]


class ReviewForm(WagtailAdminModelForm):
    class Meta:
        model = ControlSampleItem
        fields = ["deadline_kept", "written_answer_kept", "note"]

    def clean(self):
        data = super().clean()
        for name in ("deadline_kept", "written_answer_kept"):
            if not data.get(name):
                self.add_error(name, _("Record what the review found."))
        return data


class ReviewView(access_log.ReadLogged, generic.EditView):
    """Shows the item's message and answer (logged as a view of the item) beside the review."""

    template_name = "feedback/admin/control_sample_review.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_handler(request.user):
            return forbidden(request)  # the item's personal data is for feedback handlers
        return super().dispatch(request, *args, **kwargs)

    def logged_item(self):
        return self.object.feedback

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.object.feedback
        context["removal_date"] = retention.removal_date(feedback)
        context["retention_months"] = settings.FEEDBACK_RETENTION_MONTHS
        context["notes"] = feedback.notes.select_related("author")
        return context

    def save_instance(self):
        item = self.form.save(commit=False)
        item.reviewed_by, item.reviewed_at = self.request.user, timezone.now()
        item.save()
        return item


class ControlSampleItemViewSet(ModelViewSet):
    model = ControlSampleItem
    icon = "tick"
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    edit_view_class = ReviewView
    filterset_class = ItemFilterSet
    form_fields = ["deadline_kept", "written_answer_kept", "note"]
    list_per_page = 50
    list_display = [
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            accessor="feedback.reference",
            url_name="control_sample_item:edit",
        ),
        Column("category", label=gettext_lazy("Category"), accessor="feedback.category"),
        Column("district", label=gettext_lazy("District")),
        Column("channel", label=gettext_lazy("Channel"), accessor="feedback.get_channel_display"),
        DateColumn("answer_due", label=gettext_lazy("Answer by"), accessor="feedback.answer_due"),
        DateColumn(
            "answered_on", label=gettext_lazy("Answered on"), accessor="feedback.answered_on"
        ),
        Column("deadline_kept", accessor="get_deadline_kept_display"),
        Column("written_answer_kept", accessor="get_written_answer_kept_display"),
        DateColumn("reviewed_at"),
    ]

    def get_form_class(self, for_update=False):
        return ReviewForm

    def get_queryset(self, request):
        return ControlSampleItem.objects.select_related(
            "feedback", "feedback__category", "district"
        )
