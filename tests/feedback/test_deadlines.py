"""Response deadlines counted in Swedish working days, on real dates."""

from datetime import date, datetime

import pytest

from feedback.deadlines import due_dates
from feedback.models import Category, ResponseDeadline
from portal.models import ClosedDay
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db


def received(*args):
    return datetime(*args, tzinfo=STOCKHOLM)


def test_complaint_on_the_thursday_before_midsommar_is_due_after_the_weekend():
    # Policy: acknowledge within 2, answer within 10 working days.
    acknowledge, answer = due_dates("complaint", None, received(2026, 6, 18, 14, 0))
    assert acknowledge == date(2026, 6, 23)  # Fri 19 midsommarafton, weekend, Mon 22, Tue 23
    assert answer == date(2026, 7, 3)


def test_complaint_on_23_december_is_due_in_january():
    acknowledge, answer = due_dates("complaint", None, received(2026, 12, 23, 9, 0))
    assert acknowledge == date(2026, 12, 29)
    # 28, 29, 30 Dec; 31 Dec and 1 Jan closed; 4, 5 Jan; 6 Jan closed; 7, 8, 11, 12, 13 Jan.
    assert answer == date(2027, 1, 13)


def test_feedback_sent_on_a_saturday_counts_from_monday():
    acknowledge, _ = due_dates("suggestion", None, received(2026, 11, 21, 10, 0))
    assert acknowledge == date(2026, 11, 24)


def test_late_evening_counts_in_stockholm_time():
    # 23:30 on Friday in Stockholm is 22:30 UTC: still Friday.
    acknowledge, _ = due_dates("complaint", None, received(2026, 11, 20, 23, 30))
    assert acknowledge == date(2026, 11, 24)


def test_praise_needs_no_answer():
    acknowledge, answer = due_dates("praise", None, received(2026, 11, 23, 10, 0))
    assert acknowledge == date(2026, 11, 25)
    assert answer is None


def test_a_category_rule_overrides_the_kind_rule():
    category = swedish(Category, "Tillgänglighet")
    ResponseDeadline.objects.create(
        kind="complaint", category=category, acknowledge_within=1, answer_within=5
    )
    assert due_dates("complaint", category, received(2026, 11, 23, 10, 0)) == (
        date(2026, 11, 24),
        date(2026, 11, 30),
    )
    other = swedish(Category, "Information")
    assert due_dates("complaint", other, received(2026, 11, 23, 10, 0))[1] == date(2026, 12, 7)


def test_closed_days_staff_add_are_skipped():
    ClosedDay.objects.create(date=date(2026, 11, 24), reason="Planeringsdag")
    acknowledge, _ = due_dates("complaint", None, received(2026, 11, 23, 10, 0))
    assert acknowledge == date(2026, 11, 26)


def test_no_rule_means_no_deadline():
    ResponseDeadline.objects.filter(kind="suggestion").delete()
    assert due_dates("suggestion", None, received(2026, 11, 23, 10, 0)) == (None, None)
