"""Is background work moving? The oldest task waiting for a worker and the oldest e-mail not
yet handed to one must be younger than READY_QUEUE_MAX_AGE_SECONDS; older means no worker is
running or it is stuck. Read by /readyz and the admin dashboard."""

from datetime import timedelta

from django.conf import settings
from django_tasks_db.models import DBTaskResult

from feedback.models import Notification


def queue_checks(now) -> dict[str, str]:
    """{"task_queue": "ok" | "oldest waiting N s", "notifications": ...}."""
    limit = timedelta(seconds=settings.READY_QUEUE_MAX_AGE_SECONDS)
    oldest_task = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    oldest_mail = (
        Notification.objects.filter(state=Notification.State.PENDING)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return {
        "task_queue": _age_check(oldest_task, now, limit),
        "notifications": _age_check(oldest_mail, now, limit),
    }


def is_stuck(now) -> bool:
    return any(value != "ok" for value in queue_checks(now).values())


def _age_check(oldest, now, limit) -> str:
    if oldest is None or now - oldest <= limit:
        return "ok"
    return f"oldest waiting {int((now - oldest).total_seconds())} s"
