"""Health endpoints for the load balancer and the monitoring, machine-readable and free of
personal data: ``/healthz`` (the process answers) and ``/readyz`` (it can serve: database
reachable, migrations applied, background work moving)."""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult

from feedback.models import Notification


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    checks = {}
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        checks["database"] = "ok"
        checks["migrations"] = "ok" if not plan else f"{len(plan)} not applied"
        checks.update(queue_checks(timezone.now()))
    except DatabaseError as error:
        checks["database"] = type(error).__name__
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "fail", "checks": checks}, status=200 if ready else 503
    )


def queue_checks(now) -> dict:
    """The oldest task waiting for a worker, and the oldest e-mail not yet handed to one, must
    be younger than READY_QUEUE_MAX_AGE: older means no worker is running, or it is stuck."""
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


def _age_check(oldest, now, limit) -> str:
    if oldest is None or now - oldest <= limit:
        return "ok"
    return f"oldest waiting {int((now - oldest).total_seconds())} s"
