"""Written complaints are answered in writing, with an answer worth reading, dated no later than
today and no earlier than the day the item arrived (Stockholm dates): the rule in
feedback/triage.py, its errors on the fields of the triage form."""

from datetime import date, datetime

import pytest
import time_machine

from feedback import triage as rules
from feedback.models import Feedback
from portal.workdays import STOCKHOLM
from tests.feedback import test_triage_admin
from tests.feedback.test_triage_admin import new_item, triage

pytestmark = pytest.mark.django_db
users = test_triage_admin.users  # the fixture: a handler, an editor, a superuser
TODAY = datetime(2026, 11, 25, 14, 0, tzinfo=STOCKHOLM)
FULL_ANSWER = "Vi har skrivit om brevmallen så att den blir lättare att förstå."


def letter_complaint(**fields):
    values = {
        "channel": "letter",
        "email": "",
        "postal_address": "Box 1, 111 11 Stockholm",
        "answer_by": "letter",
        "name": "Sam",
    }
    values.update(fields)
    return new_item(**values)


def close(client, item, **fields):
    values = {"status": "closed", "answered_on": "2026-11-20", "answer_channel": "letter"}
    values.update(fields)
    return triage(client, item, **values)


def errors(response) -> dict:
    assert response.status_code == 200
    return response.context["form"].errors


@time_machine.travel(TODAY, tick=False)
def test_a_letter_complaint_is_not_closed_with_x_by_phone(client, users):
    item = letter_complaint()
    client.force_login(users["handler"])
    refused = errors(close(client, item, answer_text="x", answer_channel="phone"))
    assert {"answer_text", "answer_channel"} <= set(refused)
    assert Feedback.objects.get(pk=item.pk).status == "received"

    assert "answer_text" in errors(close(client, item, answer_text="Se ovan."))
    assert close(client, item, answer_text=FULL_ANSWER).status_code == 302


@time_machine.travel(TODAY, tick=False)
def test_the_answer_date_is_not_in_the_future_nor_before_the_item_arrived(client, users):
    # Arrived 00:30 Stockholm time on 16 November: still 15 November in UTC.
    item = letter_complaint(day=(2026, 11, 16))
    Feedback.objects.filter(pk=item.pk).update(
        received_at=datetime(2026, 11, 16, 0, 30, tzinfo=STOCKHOLM)
    )
    client.force_login(users["handler"])
    for day in ("2026-11-26", "2026-11-15"):
        response = close(client, item, answer_text=FULL_ANSWER, answered_on=day)
        assert "answered_on" in errors(response), day
    assert Feedback.objects.get(pk=item.pk).answered_on is None
    # Even while the item stays open, a recorded answer date must be a real one.
    draft = triage(client, item, answer_text=FULL_ANSWER, answered_on="2026-12-01")
    assert "answered_on" in errors(draft)

    arrival_day = close(client, item, answer_text=FULL_ANSWER, answered_on="2026-11-16")
    assert arrival_day.status_code == 302


@time_machine.travel(TODAY, tick=False)
def test_feedback_given_by_phone_may_be_answered_by_phone(client, users):
    by_phone = new_item(channel="phone", email="", phone="070-123 45 67", answer_by="phone")
    client.force_login(users["handler"])
    response = close(
        client,
        by_phone,
        answer_text="Ringde och förklarade hur beslutet togs.",
        answer_channel="phone",
    )
    assert response.status_code == 302


def item(**fields):
    values = {
        "kind": "complaint",
        "channel": "web",
        "answer_by": "email",
        "email": "kim@example.org",
        "name": "",
        "phone": "",
        "postal_address": "",
    }
    values.update(fields)
    return Feedback(**values)


def test_which_feedback_needs_a_written_answer():
    assert rules.needs_written_answer(item())
    assert rules.needs_written_answer(
        item(channel="letter", answer_by="letter", email="", postal_address="Box 1")
    )
    # Written complaints are always answered in writing, if the person can be written to.
    assert rules.needs_written_answer(item(answer_by="phone", phone="070-123 45 67"))
    assert not rules.needs_written_answer(item(answer_by="phone", email="", phone="070-123 45 67"))
    assert not rules.needs_written_answer(item(channel="phone"))
    assert not rules.needs_written_answer(item(kind="suggestion"))
    assert not rules.needs_written_answer(item(answer_by=""))


def test_an_answer_worth_reading():
    assert not rules.is_meaningful_answer("x")
    assert not rules.is_meaningful_answer("Se ovan.")
    assert not rules.is_meaningful_answer("Ok " * 2)
    assert not rules.is_meaningful_answer("Se svaret i brevet.")  # 4 words, 19 characters
    assert rules.is_meaningful_answer("Vi har pratat med personalen.")


def test_the_rule_names_the_fields_it_refuses():
    complaint = item(
        channel="letter",
        answer_by="letter",
        email="",
        postal_address="Box 1",
        answer_text="x",
        answered_on=date(2026, 11, 30),
        answer_channel="phone",
        received_at=datetime(2026, 11, 16, 10, 0, tzinfo=STOCKHOLM),
    )
    errors = rules.answer_errors(complaint, "closed", date(2026, 11, 25))
    assert set(errors) == {"answer_text", "answer_channel", "answered_on"}
    # While the item stays open only the date is checked.
    assert set(rules.answer_errors(complaint, "in_progress", date(2026, 11, 25))) == {"answered_on"}
