"""The service guarantee is a formal promise: it goes live when the unit head approves it, in
a workflow of its own (*Enhetschefens godkännande*, one step: *Enhetschefen godkänner*) that
Wagtail applies to every guarantee below each language's guarantee index, separate from the
generic moderation of other pages. Nobody but a superuser publishes a guarantee directly
(``GuaranteePermissionTester``); the approval publishes it (``portal.workflow_finish``)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal.models import GuaranteeIndexPage, UnitHeadApprovalTask

UNIT_HEADS_GROUP = "Unit heads"
# Stored names, shown as they are in the admin: the unit works in Swedish.
WORKFLOW_NAME = "Enhetschefens godkännande"
TASK_NAME = "Enhetschefen godkänner"


def unit_heads() -> Group:
    """The unit heads: they open the admin, edit guarantees and approve them."""
    group, _created = Group.objects.get_or_create(name=UNIT_HEADS_GROUP)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access:
        group.permissions.add(access)
    return group


def guarantee_workflow(group: Group) -> Workflow:
    """The approval step and its workflow, created once."""
    task = UnitHeadApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = UnitHeadApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([group])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def prepare_index(index: GuaranteeIndexPage) -> None:
    """A language's guarantee index, and so each guarantee below it, uses the workflow; the unit
    heads may edit there (Wagtail's page screens need a page permission)."""
    group = unit_heads()
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": guarantee_workflow(group)})
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=group, page=index, permission=change)


def assign_guarantee_workflow(**kwargs) -> None:
    for index in GuaranteeIndexPage.objects.all():
        prepare_index(index)


def on_guarantee_index_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        prepare_index(instance)
