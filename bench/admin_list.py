"""Benchmark: the Feedback list of the Wagtail admin over a million items (PostgreSQL).

Usage (from the repository root, with a PostgreSQL database you can throw away):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench PYTHONPATH=. \
        .venv/bin/python bench/admin_list.py [--items 1000000] [--refill] [--runs 7] [--plans]

It migrates that database and fills it with feedback items (``bench/fill.py``, as the report
benchmark does) in a triage state like a real register's: the last days' items received, the
last weeks' acknowledged or in progress, older ones answered or closed except a few left open
(overdue), nearly all assigned to one of a dozen handlers. A database already filled this way
with as many items is reused. Then, signed in as a handler with DEBUG off, it GETs the list
through Django's test client unfiltered and with each filter staff use, and prints per view the
median of the warm requests, the number of SQL queries, the slowest query (its time in the
request and by EXPLAIN ANALYZE) and the paginator's COUNT query (Wagtail counts the items for
its pages), timed again on its own. It also times the list sorted by each sortable column.
Target: every view < 300 ms. ``--plans`` prints the EXPLAIN ANALYZE of each view's slowest
query and of its COUNT.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")
os.environ["DEBUG"] = "0"  # as in production: no query log, no debug templates

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench import fill  # noqa: E402
from feedback.handlers_group import HANDLERS_GROUP  # noqa: E402
from feedback.models import Category, District, Feedback  # noqa: E402

HANDLERS = 12
TARGET_MS = 300

# The triage state by age (days since arrival): see the module docstring.
AGE = f"(current_date - {fill.DAY})"
STATUS = f"""CASE
    WHEN {AGE} < 3 THEN 'received'
    WHEN {AGE} < 11 THEN (ARRAY['acknowledged', 'in_progress'])[1 + n % 2]
    WHEN {AGE} < 41 THEN (ARRAY['in_progress', 'answered', 'answered', 'closed'])[1 + n % 4]
    WHEN n % 200 = 0 THEN 'in_progress'
    ELSE (ARRAY['answered', 'closed'])[1 + n % 2]
END"""


def assigned_to(handler_ids):
    """Nobody for the last days' items and for every tenth, else the handlers in turn."""
    handler = f"(ARRAY{handler_ids})[1 + n % {len(handler_ids)}]"
    return f"CASE WHEN {AGE} < 3 OR n % 10 = 0 THEN NULL ELSE {handler} END"


def bench_handlers():
    group = Group.objects.get(name=HANDLERS_GROUP)
    users = []
    for number in range(1, HANDLERS + 1):
        user, created = get_user_model().objects.get_or_create(
            username=f"bench-handler-{number:02d}",
            defaults={"first_name": "Handläggare", "last_name": f"{number:02d}"},
        )
        if created:
            user.groups.add(group)
        users.append(user)
    return users


def ensure_items(items, handlers, refill):
    """Reuse the benchmark items if this benchmark filled them, else fill them."""
    ours = Feedback.objects.filter(reference__startswith="B")
    if (
        not refill
        and ours.count() == items
        and ours.filter(status="closed").exists()
        and ours.filter(assigned_to__in=handlers).exists()
    ):
        print(f"reusing {items:,} items")
        return
    seconds = fill.fill(
        items,
        status=STATUS,
        assigned_to=assigned_to([user.pk for user in handlers]),
        vacuum=True,
    )
    print(f"filled {items:,} items in {seconds:.1f} s")


def views(handler):
    """(label, query string) of each view timed."""
    default = Locale.get_default()
    # Each of the six categories has a sixth of the items, each of the four districts a quarter.
    category = Category.objects.filter(locale=default).order_by("pk")[2].pk
    district = District.objects.filter(locale=default).order_by("pk")[2].pk
    year = 2026  # the fill's items arrive in 2025 and 2026
    return [
        ("unfiltered (work order)", {}),
        ("status=received", {"status": "received"}),
        ("status=in_progress", {"status": "in_progress"}),
        ("status=closed", {"status": "closed"}),
        ("overdue=true", {"overdue": "true"}),
        ("overdue=false", {"overdue": "false"}),
        ("category", {"category": category}),
        ("district", {"district": district}),
        ("assigned_to (handler)", {"assigned_to": handler.pk}),
        (f"year={year - 1}", {"year": year - 1}),
        (f"year={year}", {"year": year}),
        ("tertial=3", {"tertial": 3}),
        (f"year={year}+tertial=3", {"year": year, "tertial": 3}),
        (
            "status+handler+overdue+year",
            {"status": "in_progress", "assigned_to": handler.pk, "overdue": "true", "year": year},
        ),
        (
            "category+district+status",
            {"category": category, "district": district, "status": "answered"},
        ),
        # The one-click views above the list ("mine" and "unassigned" are open items only).
        ("mine (handler+open)", {"assigned_to": handler.pk, "open": "true"}),
        ("unassigned+open", {"unassigned": "true", "open": "true"}),
        ("due this week", {"due_this_week": "true"}),
        # The sortable columns (the default order is the work order: by the date shown as due,
        # the most overdue first, closed items last).
        ("sorted by due, latest first", {"ordering": "-due_on"}),
        ("overdue, sorted by due", {"overdue": "true", "ordering": "-due_on"}),
        ("sorted by received", {"ordering": "-received_at"}),
        ("sorted by kind", {"ordering": "kind"}),
        ("sorted by status", {"ordering": "status"}),
        ("sorted by reference", {"ordering": "-reference"}),
    ]


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan = [row[0] for row in cursor.fetchall()]
    executed = next(line for line in plan if line.startswith("Execution Time"))
    return float(executed.split()[2]), plan


def timed_counts(queries, runs):
    """Median ms of the paginator's COUNT queries (usually one), each run on its own."""
    total = 0.0
    with connection.cursor() as cursor:
        for sql in queries:
            seconds = []
            for _run in range(runs):
                started = time.perf_counter()
                cursor.execute(sql)
                cursor.fetchone()
                seconds.append(time.perf_counter() - started)
            total += statistics.median(seconds) * 1000
    return total


def measure(client, url, params, runs):
    """(median ms, the queries of one more request, its slowest, its COUNTs, items counted)."""
    for _warm_up in range(2):
        assert client.get(url, params).status_code == 200
    seconds = []
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    # Once more with the templates instrumented, for the paginator in the response's context.
    setup_test_environment(debug=False)
    try:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
    finally:
        teardown_test_environment()
    assert response.status_code == 200, response.status_code
    queries = captured.captured_queries
    slowest = max(queries, key=lambda query: float(query["time"]))
    counts = [
        query["sql"]
        for query in queries
        if query["sql"].startswith("SELECT COUNT(*)") and '"feedback_feedback"' in query["sql"]
    ]
    items = response.context["paginator"].count
    return statistics.median(seconds) * 1000, queries, slowest, counts, items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--refill", action="store_true", help="fill even if already filled")
    parser.add_argument("--runs", type=int, default=7, help="warm requests per view (≥ 5)")
    parser.add_argument("--plans", action="store_true", help="print the EXPLAIN ANALYZE plans")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs: at least 5")
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database.")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    call_command("migrate", verbosity=0)
    handlers = bench_handlers()
    ensure_items(args.items, handlers, args.refill)
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(handlers[0])
    url = reverse("feedback:index")

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average before: {load} ({os.cpu_count()} cores)")
    print(
        f"{'view':<30} {'median':>8} {'queries':>7} {'slowest':>8} {'explain':>8}"
        f" {'count':>8} {'items':>9}"
    )
    over = []
    for label, params in views(handlers[0]):
        median, queries, slowest, counts, items = measure(client, url, params, args.runs)
        explained, plan = explain(slowest["sql"])
        count_ms = timed_counts(counts, args.runs)
        print(
            f"{label:<30} {median:>6.0f}ms {len(queries):>7} "
            f"{float(slowest['time']) * 1000:>6.0f}ms {explained:>6.1f}ms"
            f" {count_ms:>6.1f}ms {items:>9,}"
        )
        if median >= TARGET_MS:
            over.append(label)
        if args.plans:
            print("  slowest: " + slowest["sql"][:300])
            print("\n".join("    " + line for line in plan))
            for sql in counts:
                if sql != slowest["sql"]:
                    print("  count: " + sql[:300])
                    print("\n".join("    " + line for line in explain(sql)[1]))
    print(
        f"median of {args.runs} warm requests; 'slowest' is the slowest query's time in the "
        "request, 'explain' its EXPLAIN ANALYZE execution time; 'count' the paginator's COUNT "
        "queries run on their own; 'items' what the paginator counted."
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average after: {load}")
    if over:
        print(f"over {TARGET_MS} ms: {', '.join(over)}")


if __name__ == "__main__":
    main()
