"""Links into the admin in staff e-mails (the inbox notice, the reminders, the escalations): one
rule for putting an admin path after WAGTAILADMIN_BASE_URL."""

from django.conf import settings
from django.urls import get_script_prefix, reverse


def admin_link(path: str) -> str:
    """An absolute link to ``path`` (as reverse() gives it): the base URL keeps its scheme, host,
    port and any path prefix, with or without a trailing slash; the path is not doubled when
    reversed inside a request under that prefix."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.removeprefix(get_script_prefix())


def item_link(feedback) -> str:
    """The item's own page in the admin (triage and answer)."""
    return admin_link(reverse("feedback:edit", args=[feedback.pk]))
