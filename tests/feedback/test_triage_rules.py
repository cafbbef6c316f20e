"""The triage rules on their own: statuses, what is due next, and the overdue and due-soon
markers, with the database filters agreeing with the per-item answers."""

from datetime import date, datetime
from itertools import product

import pytest

from feedback import intake, triage
from feedback.models import Category, Feedback, Status
from portal import workdays
from portal.workdays import STOCKHOLM

MONDAY = date(2026, 11, 23)
CALENDAR = workdays.Calendar()


def item(status=Status.RECEIVED, acknowledge_due=None, answer_due=None, **fields):
    return Feedback(status=status, acknowledge_due=acknowledge_due, answer_due=answer_due, **fields)


def test_the_acknowledgement_is_due_first_while_the_item_is_received():
    received = item(acknowledge_due=date(2026, 11, 25), answer_due=date(2026, 12, 7))
    assert triage.next_due(received) == date(2026, 11, 25)
    acknowledged = item(Status.ACKNOWLEDGED, date(2026, 11, 25), date(2026, 12, 7))
    assert triage.next_due(acknowledged) == date(2026, 12, 7)
    without_acknowledgement = item(answer_due=date(2026, 12, 7))
    assert triage.next_due(without_acknowledgement) == date(2026, 12, 7)


@pytest.mark.parametrize("status", [Status.ANSWERED, Status.CLOSED])
def test_answered_and_closed_items_are_due_nothing(status):
    closed = item(status, date(2026, 1, 1), date(2026, 1, 2))
    assert not triage.is_open(closed)
    assert triage.next_due(closed) is None
    assert triage.due_marker(closed, MONDAY, CALENDAR) is None


def test_markers_count_working_days_across_a_weekend():
    # Friday 27 November: due soon means by Tuesday 1 December (two working days ahead).
    friday = date(2026, 11, 27)
    assert triage.due_marker(item(answer_due=date(2026, 11, 26)), friday, CALENDAR) == "overdue"
    assert triage.due_marker(item(answer_due=friday), friday, CALENDAR) == "due_soon"
    assert triage.due_marker(item(answer_due=date(2026, 12, 1)), friday, CALENDAR) == "due_soon"
    assert triage.due_marker(item(answer_due=date(2026, 12, 2)), friday, CALENDAR) is None
    assert triage.due_marker(item(), friday, CALENDAR) is None  # praise: nothing due


def test_transitions_go_forward_and_reopen_but_never_back_to_received():
    anonymous = item()
    assert triage.transition_error(anonymous, Status.RECEIVED, Status.CLOSED) is None
    assert triage.transition_error(anonymous, Status.CLOSED, Status.IN_PROGRESS) is None
    assert triage.transition_error(anonymous, Status.CLOSED, Status.RECEIVED)
    assert triage.transition_error(anonymous, Status.IN_PROGRESS, Status.ACKNOWLEDGED)


def test_someone_who_asked_for_an_answer_must_get_one_recorded_before_closing():
    asked = item(answer_by="email", email="kim@example.org", answer_text="")
    assert triage.transition_error(asked, Status.IN_PROGRESS, Status.ANSWERED)
    asked.answer_text, asked.answered_on, asked.answer_channel = "Svar", MONDAY, "email"
    assert triage.transition_error(asked, Status.IN_PROGRESS, Status.ANSWERED) is None


@pytest.mark.django_db
def test_database_filters_agree_with_the_per_item_rules(demo_site):
    category = Category.objects.filter(locale__language_code="sv").first()
    days = [None, date(2026, 11, 20), MONDAY, date(2026, 11, 25), date(2026, 12, 10)]
    statuses = [Status.RECEIVED, Status.ACKNOWLEDGED, Status.ANSWERED]
    for status, acknowledge_due, answer_due in product(statuses, days, days):
        registered = intake.register(
            Feedback(kind="complaint", category=category, message="x", channel="web"),
            received_at=datetime(2026, 11, 16, 10, tzinfo=STOCKHOLM),
        ).feedback
        Feedback.objects.filter(pk=registered.pk).update(
            status=status, acknowledge_due=acknowledge_due, answer_due=answer_due
        )
    items = list(Feedback.objects.all())
    assert len(items) == 75
    horizon = triage.due_soon_until(MONDAY, CALENDAR)

    def matching(q):
        return set(Feedback.objects.filter(q).values_list("pk", flat=True))

    assert matching(triage.overdue_filter(MONDAY)) == {
        f.pk for f in items if triage.due_marker(f, MONDAY, CALENDAR) == "overdue"
    }
    assert matching(triage.next_due_filter("range", (MONDAY, horizon))) == {
        f.pk for f in items if triage.due_marker(f, MONDAY, CALENDAR) == "due_soon"
    }
    assert matching(triage.open_filter()) == {f.pk for f in items if triage.is_open(f)}
