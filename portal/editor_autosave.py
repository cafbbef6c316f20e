"""Wagtail 8's autosave is only a save: it never approves, publishes or submits a page.

The editor's workflow buttons ("Godkänn och publicera") add hidden inputs naming the action
(``action-workflow-action``, ``workflow-action-name``) to the edit form and submit it. Wagtail's
unsaved-changes check sees those inputs as an edit, so its autosave posts the whole form again,
action included, about a second later, often while the approval is still running. The edit view
then carries out the approval twice at once: the request that loaded the page before the other
published it saves it back as loaded, not live, and fails with a 500 when it finds the workflow
already finished.

The editor's script (``autosave_stops_on_submit.js``) keeps the browser from sending that post;
``refuse_autosave_with_action`` makes one that still arrives change nothing.
"""

from django.http import JsonResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _

# The edit view's actions other than a save (wagtail.admin.views.pages.edit.EditView).
ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
)


def is_autosave(request) -> bool:
    """Wagtail's autosave posts asking for JSON; the form's own submission asks for HTML."""
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosave_with_action(request, instance):
    """``before_edit_page`` and ``before_edit_snippet``: an autosave naming an action is refused
    before anything is saved.
    The submission that carries the action saves the same form itself."""
    if is_autosave(request) and any(request.POST.get(name) for name in ACTIONS):
        return JsonResponse(
            {
                "success": False,
                "error_code": "blocked_by_hook",
                "error_message": _("Not autosaved: the page is being saved with your action."),
            },
            status=400,
        )
    return None


def autosave_stops_on_submit_script() -> str:
    """``insert_editor_js``: the editor's script that cancels autosaves once the form is sent."""
    return format_html(
        '<script src="{}"></script>', static("portal/admin/autosave_stops_on_submit.js")
    )
