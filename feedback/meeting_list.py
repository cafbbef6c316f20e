"""The list for the next workplace meeting, as a feedback item's page shows it: whether the item
waits on the list or which meetings took it up, and the button that puts it there."""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.permission_policies import ModelPermissionPolicy

from feedback.models import Feedback, MeetingTopic

topic_policy = ModelPermissionPolicy(MeetingTopic)


def may_put_on_list(user) -> bool:
    return topic_policy.user_has_permission(user, "add")


def put_on_list(item: Feedback, user, note: str = "") -> tuple[MeetingTopic, bool]:
    """The item's topic waiting for the next meeting, made now unless it waits already (also
    when two people click at once: the database lets one wait)."""
    waiting = MeetingTopic.objects.filter(feedback=item, meeting=None).first()
    if waiting:
        return waiting, False
    try:
        with transaction.atomic():
            return MeetingTopic.objects.create(feedback=item, note=note, added_by=user), True
    except IntegrityError:
        return MeetingTopic.objects.get(feedback=item, meeting=None), False


def item_context(item: Feedback, user, back: str) -> dict:
    """For the item's page: its waiting topic, the meetings that took it up, the button (which
    comes ``back`` to the page)."""
    topics = list(item.meeting_topics.select_related("meeting", "added_by"))
    waiting = next((topic for topic in topics if topic.meeting_id is None), None)
    return {
        "meeting_topic": waiting,
        "discussed_at": [topic.meeting for topic in topics if topic.meeting_id],
        "put_on_list_url": (
            f"{reverse('meeting_topic:put', args=[item.pk])}?{urlencode({'next': back})}"
            if waiting is None and may_put_on_list(user)
            else None
        ),
    }
