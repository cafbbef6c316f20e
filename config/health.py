"""Health endpoints for the load balancer and the monitoring, machine-readable and free of
personal data: ``/healthz`` (the process answers) and ``/readyz`` (it can serve: database
reachable, migrations applied, background work moving)."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from feedback.background import queue_checks


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
