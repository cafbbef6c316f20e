"""Who may work with feedback in the admin: one permission policy that every view, menu item
and dashboard panel asks, and one 403 page for staff without the right."""

from django.template.response import TemplateResponse
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from feedback.models import Feedback

feedback_policy = ModelPermissionPolicy(Feedback)
register_permission_policy(Feedback, feedback_policy, exact_class=True)  # the admin views use it


def is_handler(user) -> bool:
    """May see feedback: the Feedback handlers group and superusers."""
    return feedback_policy.user_has_permission(user, "view")


def forbidden(request) -> TemplateResponse:
    # Returned, not raised: Wagtail turns a raised PermissionDenied into a redirect to the
    # dashboard, and for these staff the feedback area does not exist.
    return TemplateResponse(request, "feedback/admin/forbidden.html", status=403)
