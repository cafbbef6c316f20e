"""Benchmark: the open statistics counted afresh (a visitor after a change of the register).

Usage (from the repository root, with a PostgreSQL database you can throw away):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench PYTHONPATH=. \
        .venv/bin/python bench/open_statistics.py [--items 2000 20000] [--runs 7]

For each number of items it migrates that database, fills it (``bench/fill.py``: items spread
over 2025 and 2026), then times ``statistics_cache.open_statistics`` right after a change of the
register, as the statistics page does on a miss: the median and the range of ``--runs`` runs
and the number of SQL queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import fill  # noqa: E402
from feedback import statistics_cache  # noqa: E402
from feedback.models.statistics_page import YEARS_SHOWN  # noqa: E402

MINIMUM = 3


def fresh_count() -> tuple[float, int]:
    """Seconds and queries of one count after a change of the register."""
    statistics_cache.register_changed()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        years = statistics_cache.open_statistics(MINIMUM, "sv", years=YEARS_SHOWN)
        seconds = time.perf_counter() - started
    assert years, "nothing counted"
    return seconds, len(captured)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, nargs="+", default=[2_000, 20_000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database.")

    call_command("migrate", verbosity=0)
    for items in args.items:
        fill.fill(items)
        fresh_count()  # warm-up
        runs = [fresh_count() for _ in range(args.runs)]
        times = sorted(seconds * 1000 for seconds, _queries in runs)
        print(
            f"{items:>9,} items: median {statistics.median(times):.1f} ms "
            f"(range {times[0]:.1f}–{times[-1]:.1f}), {runs[0][1]} queries"
        )
    fill.clear()


if __name__ == "__main__":
    main()
