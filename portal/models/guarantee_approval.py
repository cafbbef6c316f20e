"""The unit head's approval of a service guarantee, as a Wagtail workflow step of its own."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from portal.models.guarantee import GuaranteePage


class UnitHeadApprovalTask(GroupApprovalTask):
    """Approving records who approved and when on the approved revision itself, so the page
    that goes live carries its approval; the editor's form clears it on every later edit."""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            record_approval(task_state.revision, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        verbose_name = _("unit head's approval")
        verbose_name_plural = _("unit head's approvals")


def record_approval(revision, user) -> None:
    page = revision.as_object()
    if not isinstance(page, GuaranteePage):
        return
    page.unit_head_approved_by = user.get_full_name() or user.get_username()
    page.unit_head_approved_at = timezone.now()
    revision.content = page.serializable_data()
    revision.save(update_fields=["content"])
