"""Who writes and who approves the guarantee's follow-up: the "Follow-up editors" group writes
it and submits it; the unit heads approve it in the guarantee's own workflow (see
``FollowUp.get_workflow``), which publishes it. Run after each migration (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from portal.guarantee_approval import unit_heads

FOLLOW_UP_EDITORS = "Follow-up editors"


def ensure_follow_up_roles(**kwargs) -> None:
    """Run after every app's migrations: the permissions and the content type are made by
    other apps' handlers, some of which run after ours. Nothing is read from Django's
    content-type cache, which a test database's flush leaves stale."""
    content_type = ContentType.objects.filter(app_label="feedback", model="followup").first()
    if content_type is None:
        return
    editors, _created = Group.objects.get_or_create(name=FOLLOW_UP_EDITORS)
    heads = unit_heads()
    for group, codenames in (
        (editors, ["add_followup", "change_followup", "view_followup"]),
        (heads, ["change_followup", "view_followup"]),
    ):
        group.permissions.add(
            *Permission.objects.filter(content_type=content_type, codename__in=codenames)
        )
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access:
        editors.permissions.add(access)
