"""The "Feedback handlers" group: the staff who see, triage and answer feedback. The unit heads
may too: escalations of feedback nobody picked up link them to the items and the workload. The
unit heads run the workplace meetings; handlers put items on their list."""

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
    # The workplace meeting: they put items on its list and follow what it decided.
    ("feedback", "meetingtopic", "add_meetingtopic"),
    ("feedback", "meetingtopic", "view_meetingtopic"),
    ("feedback", "meeting", "view_meeting"),
    ("feedback", "action", "view_action"),
]
UNIT_HEAD_PERMISSIONS = [
    ("feedback", "feedback", "view_feedback"),
    ("feedback", "feedback", "change_feedback"),
    ("feedback", "feedbacknote", "add_feedbacknote"),
    ("feedback", "feedbacknote", "view_feedbacknote"),
    # They run the workplace meetings: the list, the meetings, the actions and their follow-ups.
    *(
        ("feedback", model, f"{verb}_{model}")
        for model in ("meetingtopic", "meeting", "action")
        for verb in ("add", "change", "delete", "view")
    ),
    ("feedback", "actioncheck", "change_actioncheck"),
    ("feedback", "actioncheck", "view_actioncheck"),
    # They approve what the "You said, we did" page tells of the actions.
    *(
        ("feedback", "publishedchange", f"{verb}_publishedchange")
        for verb in ("add", "change", "delete", "view", "approve")
    ),
]
# The site's editors (Wagtail's group) write the "You said, we did" entries; the unit heads
# approve them.
EDITORS_GROUP = "Editors"
EDITOR_PERMISSIONS = [
    ("feedback", "publishedchange", "add_publishedchange"),
    ("feedback", "publishedchange", "change_publishedchange"),
    ("feedback", "publishedchange", "view_publishedchange"),
]


def ensure_handlers_group(**kwargs) -> None:
    handlers, _ = Group.objects.get_or_create(name=HANDLERS_GROUP)
    grants = [(handlers, PERMISSIONS), (unit_heads(), UNIT_HEAD_PERMISSIONS)]
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors:
        grants.append((editors, EDITOR_PERMISSIONS))
    for group, permissions in grants:
        for app_label, _model, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
