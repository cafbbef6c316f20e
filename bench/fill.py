"""Shared by the benchmarks: fill a scratch PostgreSQL database with feedback items.

One INSERT … SELECT over ``generate_series``: item ``n`` arrives on day ``n % 730`` of 2025–2026
(``DAY``), references start with "B" so that ``clear()`` removes only benchmark items. The
report benchmark uses the defaults (a fifth answered, the rest received, nobody assigned); the
admin list benchmark passes its own ``status`` and ``assigned_to`` SQL expressions of ``n``.
Call after ``django.setup()`` and ``migrate``.
"""

import time

from django.db import connection
from wagtail.models import Locale

from feedback.models import Category, District

# The day item n arrives (its receipt time adds n % 86400 seconds).
DAY = "(date '2025-01-01' + n % 730)"

FILL = """
INSERT INTO feedback_feedback (
    reference, year, number, kind, category_id, district_id, message, language, channel,
    name, email, phone, postal_address, answer_by, received_at, status, acknowledge_due,
    answer_due, lookup_code_hash, created_at, answer_text, answered_on, answer_channel,
    action_taken, assigned_to_id, may_be_appeal, delay_reason, safeguarding,
    safeguarding_action, version, interpreter_needed, interpreter_language
)
SELECT
    'B' || lpad(n::text, 10, '0'), 2025 + n % 2, n,
    (ARRAY['complaint', 'suggestion', 'praise'])[1 + n % 3],
    ({categories})[1 + n % {category_count}],
    ({districts})[1 + n % {district_count}],
    'Benchmark', 'sv', (ARRAY['web', 'phone', 'letter', 'email', 'visit'])[1 + n % 5],
    '', '', '', '', '',
    timestamptz '2025-01-01 00:00+01' + (n % 730) * interval '1 day'
        + (n % 86400) * interval '1 second',
    {status},
    date '2025-01-03' + n % 730, date '2025-01-15' + n % 730, '', now(),
    '', CASE WHEN n % 5 = 0 THEN date '2025-01-10' + n % 730 END, '', '',
    {assigned_to}, false, '', false, '', 1, false, ''
FROM generate_series(1, {items}) AS n
"""

REPORT_STATUS = "CASE WHEN n % 5 = 0 THEN 'answered' ELSE 'received' END"


def clear() -> None:
    """Remove the benchmark items in one statement: they have no related rows, and the ORM's
    delete would load a million items to look for them (Feedback has cascading relations)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM feedback_feedback WHERE reference LIKE %s", ["B%"])


def fill(
    items: int, *, status: str = REPORT_STATUS, assigned_to: str = "NULL", vacuum: bool = False
) -> float:
    """Replace the benchmark items by ``items`` new ones and ANALYZE (``vacuum``: VACUUM
    ANALYZE, as autovacuum leaves the table); return the seconds taken.

    ``status`` and ``assigned_to`` are SQL expressions of ``n`` (see ``DAY``)."""
    clear()
    default = Locale.get_default()
    categories = list(Category.objects.filter(locale=default).values_list("pk", flat=True))
    districts = list(District.objects.filter(locale=default).values_list("pk", flat=True))
    started = time.perf_counter()
    sql = FILL.format(
        categories=f"ARRAY{categories}",
        category_count=len(categories),
        districts=f"ARRAY{districts}",
        district_count=len(districts),
        items=items,
        status=status,
        assigned_to=assigned_to,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        cursor.execute(f"{'VACUUM ' if vacuum else ''}ANALYZE feedback_feedback")
    return time.perf_counter() - started
