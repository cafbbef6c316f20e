"""Benchmark: the yearly feedback report and its CSV export over a million items (PostgreSQL).

Usage (from the repository root, with a PostgreSQL database you can throw away):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/feedback_report.py [--items 1000000] [--queries]

It migrates that database, fills it with feedback spread over 2025 and 2026 (a fifth of it
answered), then prints how long the 2026 report and the CSV export take. Target: the report in
under one second.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench import fill  # noqa: E402
from feedback import report_formats, reports  # noqa: E402
from feedback.periods import Period  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--queries", action="store_true", help="print each query's time once")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database.")

    call_command("migrate", verbosity=0)
    seconds = fill.fill(args.items)
    print(f"filled {args.items:,} items in {seconds:.1f} s")

    period = Period.year(2026)
    for attempt in range(3):
        started = time.perf_counter()
        report = reports.build(period)
        seconds = time.perf_counter() - started
        print(f"yearly report ({report.total:,} items in 2026), run {attempt + 1}: {seconds:.3f} s")
    if args.queries:
        timings = []

        def timed(execute, sql, params, many, context):
            begun = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                timings.append((time.perf_counter() - begun, sql[:160]))

        with connection.execute_wrapper(timed):
            reports.build(period)
        for seconds, sql in sorted(timings, reverse=True):
            print(f"  {seconds:.3f} s  {sql}")
    started = time.perf_counter()
    size = len(report_formats.as_csv(reports.build(period)))
    print(f"CSV export (report + {size:,} bytes): {time.perf_counter() - started:.3f} s")
    fill.clear()


if __name__ == "__main__":
    main()
