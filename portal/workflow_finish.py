"""What happens when a workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

A guarantee (or the guarantee's follow-up) approved through the unit head's step is published
with the approval (who, when) written into the revision that goes live: Wagtail publishes the
latest revision, which may be newer than the one submitted (an edit or autosave while in
review). Everything else is published as Wagtail does. Wagtail imports this action while it
loads its own models, so our models are looked up when it runs rather than imported here.
"""

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.workflows import publish_workflow_state


def publish_approved(workflow_state, user=None) -> None:
    approved = workflow_state.content_object
    approved = getattr(approved, "specific", approved)
    approval_task = apps.get_model("portal", "UnitHeadApprovalTask")
    by_unit_head = approval_task.objects.filter(
        workflow_tasks__workflow=workflow_state.workflow
    ).exists()
    if not (hasattr(approved, "unit_head_approved_by") and by_unit_head):
        publish_workflow_state(workflow_state, user=user)
        return
    revision = approved.get_latest_revision()
    revision.content["unit_head_approved_by"] = user.get_full_name() or user.get_username()
    revision.content["unit_head_approved_at"] = DjangoJSONEncoder().default(timezone.now())
    revision.save(update_fields=["content"])
    # Approvers may not publish a guarantee directly: approving is how it goes live.
    revision.publish(user=user, skip_permission_checks=True)
