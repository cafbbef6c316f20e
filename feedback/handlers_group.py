"""The "Feedback handlers" group: the staff who see, triage and answer feedback. The unit heads
may too: escalations of feedback nobody picked up link them to the items and the workload."""

from django.contrib.auth.models import Group, Permission

from portal.guarantee_approval import unit_heads

HANDLERS_GROUP = "Feedback handlers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("feedback", "feedback", "view_feedback"),
    ("feedback", "feedback", "add_feedback"),
    ("feedback", "feedback", "change_feedback"),
    ("feedback", "feedbacknote", "add_feedbacknote"),
    ("feedback", "feedbacknote", "view_feedbacknote"),
    # The answer templates they start from.
    ("feedback", "answertemplate", "add_answertemplate"),
    ("feedback", "answertemplate", "change_answertemplate"),
    ("feedback", "answertemplate", "view_answertemplate"),
    # The internal-control sample: handlers draw it and review its items.
    ("feedback", "controlsample", "add_controlsample"),
    ("feedback", "controlsample", "view_controlsample"),
    ("feedback", "controlsampleitem", "view_controlsampleitem"),
    ("feedback", "controlsampleitem", "change_controlsampleitem"),
]
UNIT_HEAD_PERMISSIONS = [
    ("feedback", "feedback", "view_feedback"),
    ("feedback", "feedback", "change_feedback"),
    ("feedback", "feedbacknote", "add_feedbacknote"),
    ("feedback", "feedbacknote", "view_feedbacknote"),
]


def ensure_handlers_group(**kwargs) -> None:
    handlers, _ = Group.objects.get_or_create(name=HANDLERS_GROUP)
    for group, permissions in ((handlers, PERMISSIONS), (unit_heads(), UNIT_HEAD_PERMISSIONS)):
        for app_label, _model, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
