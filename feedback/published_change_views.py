"""“You said, we did” in the admin (under *Workplace meetings*): the entries are snippets,
translated with wagtail-localize like the categories. Approving the Swedish entry (the
permission “Can approve…”, which the unit heads have) puts it and its translations on the public
page; changing an approved entry's text takes the approval back until it is approved again."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from feedback.meeting_views import MENU_HOOK
from feedback.models import PublishedChange
from feedback.permissions import forbidden

APPROVE = "feedback.approve_publishedchange"
# What approval covers: changing any of these takes it back.
APPROVED_FIELDS = {"action", "month", "you_said", "we_did"}


class PublishedChangeForm(WagtailAdminModelForm):
    def save(self, commit=True):
        entry = self.instance
        if entry.is_approved and APPROVED_FIELDS & set(self.changed_data):
            entry.approved_by = entry.approved_at = None
        return super().save(commit=commit)


def is_source(entry: PublishedChange) -> bool:
    """The Swedish entry, the one that is approved (its translations are shown with it)."""
    return entry.locale_id == Locale.get_default().pk


class PublishedChangeEditView(EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        context.update(
            is_source=is_source(entry),
            may_approve=self.request.user.has_perm(APPROVE) and is_source(entry),
            approve_url=PublishedChangeViewSet.url("approve", entry.pk),
        )
        return context


def approve_view(request, pk):
    """POST: approve the Swedish entry for the public page, or (``withdraw``) take it back."""
    if request.method != "POST" or not request.user.has_perm(APPROVE):
        return forbidden(request)
    entry = get_object_or_404(PublishedChange, pk=pk, locale=Locale.get_default())
    if "withdraw" in request.POST:
        entry.approved_by = entry.approved_at = None
        log(entry, "feedback.change_withdrawn", user=request.user)
        messages.success(request, _("Taken off the public page."))
    else:
        entry.approved_by, entry.approved_at = request.user, timezone.now()
        log(entry, "feedback.change_approved", user=request.user)
        messages.success(request, _("Approved: it is shown on the public page."))
    entry.save(update_fields=["approved_by", "approved_at"])
    return redirect(PublishedChangeViewSet.url("edit", entry.pk))


class ApprovedColumn(Column):
    def get_value(self, entry):
        if not is_source(entry):
            return _("With the Swedish entry")
        if entry.approved_at:
            return _("Approved %(date)s") % {
                "date": timezone.localdate(entry.approved_at).isoformat()
            }
        return _("Not approved")


class PublishedChangeViewSet(SnippetViewSet):
    model = PublishedChange
    icon = "openquote"
    menu_label = gettext_lazy("You said, we did")
    menu_hook = MENU_HOOK  # in the Workplace meetings menu
    menu_order = 4
    edit_view_class = PublishedChangeEditView
    edit_template_name = "feedback/admin/published_change_edit.html"
    copy_view_enabled = False
    list_display = [
        "you_said",
        "month",
        ApprovedColumn("approved", label=gettext_lazy("Approval")),
    ]
    edit_handler = ObjectList(PublishedChange.panels, base_form_class=PublishedChangeForm)

    @staticmethod
    def url(name: str, pk) -> str:
        return reverse(f"wagtailsnippets_feedback_publishedchange:{name}", args=[pk])

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("approve/<int:pk>/", approve_view, name="approve")]
