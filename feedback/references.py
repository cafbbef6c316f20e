"""Reference numbers: unique and sequential per year, e.g. 2026-00042."""

from django.db import connection

from feedback.models.feedback import ReferenceCounter


def next_reference(year: int) -> tuple[int, str]:
    """The next number for ``year`` and its reference.

    Call inside the transaction that saves the feedback: the counter row stays locked (PostgreSQL
    row lock, SQLite write lock) until that commit, so concurrent submissions queue up here and
    each gets the next number; a rolled-back submission gives its number back. One statement on
    both databases (an upsert with RETURNING): the year's first number creates its row.
    """
    assert connection.in_atomic_block, "call inside transaction.atomic()"
    table, year_column, number = (
        connection.ops.quote_name(name)
        for name in (ReferenceCounter._meta.db_table, "year", "last_number")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({year_column}, {number}) VALUES (%s, 1) "
            f"ON CONFLICT ({year_column}) DO UPDATE SET {number} = {table}.{number} + 1 "
            f"RETURNING {number}",
            [year],
        )
        (last_number,) = cursor.fetchone()
    return last_number, f"{year}-{last_number:05d}"
