"""“You said, we did” in the admin (under *Workplace meetings*): the entries are snippets,
translated with wagtail-localize like the categories. Approving an entry (the permission “Can
approve…”, which the unit heads have) puts its text on the public page: the Swedish entry first,
then each translation on its own (until then readers of that language see the Swedish text).
Changing a text takes its approval back (``PublishedChange.save``)."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from feedback.meeting_views import MENU_HOOK
from feedback.models import PublishedChange
from feedback.permissions import ViewPermissionChooserViewSet, forbidden

APPROVE = "feedback.approve_publishedchange"


class PublishedChangeEditView(EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        source = entry.source_entry
        context.update(
            source_approved=bool(source and source.is_approved),
            may_approve=self.request.user.has_perm(APPROVE),
            approve_url=PublishedChangeViewSet.url("approve", entry.pk),
        )
        return context


def approve_view(request, pk):
    """POST: approve an entry's text for the public page, or (``withdraw``) take it back. A
    translation is approved once its Swedish entry is."""
    if request.method != "POST" or not request.user.has_perm(APPROVE):
        return forbidden(request)
    entry = get_object_or_404(PublishedChange, pk=pk)
    source = entry.source_entry
    waiting = not entry.is_source and not (source and source.is_approved)
    if "withdraw" not in request.POST and waiting:
        messages.error(request, _("Approve the Swedish entry first."))
        return redirect(PublishedChangeViewSet.url("edit", entry.pk))
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
    chooser_viewset_class = ViewPermissionChooserViewSet  # unapproved texts: not for everyone
    list_display = [
        "you_said",
        "month",
        ApprovedColumn("approved", label=gettext_lazy("Approval")),
    ]

    @staticmethod
    def url(name: str, pk) -> str:
        return reverse(f"wagtailsnippets_feedback_publishedchange:{name}", args=[pk])

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("approve/<int:pk>/", approve_view, name="approve")]
