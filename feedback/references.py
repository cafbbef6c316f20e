"""Reference numbers: unique and sequential per year, e.g. 2026-00042."""

from django.db import transaction
from django.db.models import F

from feedback.models.feedback import ReferenceCounter


def next_reference(year: int) -> tuple[int, str]:
    """The next number for ``year`` and its reference.

    Call inside the transaction that saves the feedback: the counter row stays locked (PostgreSQL
    row lock, SQLite write lock) until that commit, so concurrent submissions queue up here and
    each gets the next number; a rolled-back submission gives its number back.
    """
    assert transaction.get_connection().in_atomic_block, "call inside transaction.atomic()"
    ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year)], ignore_conflicts=True)
    ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceCounter.objects.values_list("last_number", flat=True).get(year=year)
    return number, f"{year}-{number:05d}"
