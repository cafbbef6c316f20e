"""Who writes and who approves the guarantee's follow-up: the "Follow-up editors" group writes
it and submits it; the unit head approves it in the guarantee's own workflow, which publishes
it. Run after each migration (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowContentType

from feedback.models import FollowUp
from portal.guarantee_approval import guarantee_workflow, unit_heads

FOLLOW_UP_EDITORS = "Follow-up editors"


def ensure_follow_up_roles(**kwargs) -> None:
    content_type = ContentType.objects.get_for_model(FollowUp)
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
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": guarantee_workflow(heads)}
    )
