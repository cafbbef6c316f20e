"""Twenty people press Send at the same moment: twenty distinct, consecutive references.

Runs on whichever database the suite uses (SQLite or PostgreSQL), with real commits from
twenty threads, each on its own connection. As a transactional test it runs after the other
database tests and the database is emptied after it.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from threading import Barrier

import pytest
from django.db import connection
from wagtail.models import Locale

from feedback import intake
from feedback.models import Category, Feedback
from portal.workdays import STOCKHOLM

YEAR = 2031  # a year no other test uses
THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_get_twenty_consecutive_references():
    category = Category.objects.filter(locale=Locale.get_default()).first()
    start = Barrier(THREADS)

    def submit(n):
        try:
            start.wait()
            registered = intake.register(
                Feedback(
                    kind="suggestion",
                    category=category,
                    message=f"Förslag {n}",
                    language="sv",
                    channel="web",
                ),
                received_at=datetime(YEAR, 3, 2, 10, 0, tzinfo=STOCKHOLM),
            )
            return registered.feedback.reference
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        references = list(pool.map(submit, range(THREADS)))

    assert sorted(references) == [f"{YEAR}-{n:05d}" for n in range(1, THREADS + 1)]
    assert Feedback.objects.filter(year=YEAR).count() == THREADS
