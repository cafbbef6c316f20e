"""Who may work with feedback in the admin: one permission policy that every view, menu item
and dashboard panel asks, and one 403 page for staff without the right."""

from django.template.response import TemplateResponse
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from feedback.models import Feedback

feedback_policy = ModelPermissionPolicy(Feedback)
register_permission_policy(Feedback, feedback_policy, exact_class=True)  # the admin views use it


def is_handler(user) -> bool:
    """May see feedback: the Feedback handlers group and superusers."""
    return feedback_policy.user_has_permission(user, "view")


def is_auditor(user) -> bool:
    """May read the access log and answer data-subject requests (copy, erasure): the
    data-protection officer's role, given as the permission "Can read the access log…"."""
    return feedback_policy.user_has_permission(user, "audit")


class ViewPermissionRequired:
    """For views Wagtail opens to every admin user (a snippet chooser): only staff who may view
    the model get past, others get the 403 page."""

    def dispatch(self, request, *args, **kwargs):
        if not ModelPermissionPolicy(self.model_class).user_has_permission(request.user, "view"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class ViewPermissionChooseView(ViewPermissionRequired, chooser.ChooseView):
    pass


class ViewPermissionChooseResultsView(ViewPermissionRequired, chooser.ChooseResultsView):
    pass


class ViewPermissionChosenView(ViewPermissionRequired, chooser.SnippetChosenView):
    pass


class ViewPermissionChosenMultipleView(ViewPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class ViewPermissionChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser for those who may view the model only (Wagtail's is for everyone)."""

    choose_view_class = ViewPermissionChooseView
    choose_results_view_class = ViewPermissionChooseResultsView
    chosen_view_class = ViewPermissionChosenView
    chosen_multiple_view_class = ViewPermissionChosenMultipleView


def forbidden(request) -> TemplateResponse:
    # Returned, not raised: Wagtail turns a raised PermissionDenied into a redirect to the
    # dashboard, and for these staff the feedback area does not exist.
    return TemplateResponse(request, "feedback/admin/forbidden.html", status=403)
