"""What the citizen is promised: one rule (``Feedback.promised_answer_date``) that the receipt
page, the receipt e-mail and the status page all follow."""

import re
from datetime import date

import pytest
import time_machine
from django.core import mail

from feedback.models import Feedback
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db

MONDAY = "2026-11-23 10:15 +01:00"
PROMISE = "Vi svarar dig senast"


def test_the_rule_promises_the_answer_date_only_to_someone_who_asked():
    due = date(2026, 12, 7)
    assert Feedback(answer_by="email", answer_due=due).promised_answer_date == due
    assert Feedback(answer_by="", answer_due=due).promised_answer_date is None
    assert Feedback(answer_by="phone", answer_due=None).promised_answer_date is None


def send(client, capture, **overrides):
    with capture(execute=True):
        response = client.post(FORM, form_data(**overrides))
    receipt = client.get(response["Location"]).content.decode()
    code = re.search(r'<p class="lookup-code"><bdi>([A-Z0-9-]+)</bdi>', receipt).group(1)
    [email] = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    return receipt, email.body, code


@time_machine.travel(MONDAY, tick=False)
def test_page_and_email_promise_the_same_date_to_someone_who_asked(
    client, feedback_page, django_capture_on_commit_callbacks
):
    receipt, email, _code = send(client, django_capture_on_commit_callbacks)
    assert f"{PROMISE} måndag 7 december 2026." in receipt
    assert f"{PROMISE} 7 december 2026." in email
    assert "/sv/synpunkter/status/" in email  # the lookup in the sender's language
    # Nothing sends a separate acknowledgement, so none is promised.
    assert "bekräftar" not in receipt and "bekräftar" not in email


@time_machine.travel(MONDAY, tick=False)
def test_page_and_email_promise_no_answer_to_someone_who_did_not_ask(
    client, feedback_page, django_capture_on_commit_callbacks
):
    receipt, email, _code = send(client, django_capture_on_commit_callbacks, answer_by="")
    assert PROMISE not in receipt and PROMISE not in email
    assert "Du bad inte om svar" in receipt and "Du bad inte om svar" in email


def test_status_shows_the_answer_date_once_answered_instead_of_the_due_date(
    client, feedback_page, django_capture_on_commit_callbacks
):
    with time_machine.travel(MONDAY, tick=False):
        _receipt, _email, code = send(client, django_capture_on_commit_callbacks)
    item = Feedback.objects.get()
    lookup = {"reference": item.reference, "code": code}
    html = client.post("/sv/synpunkter/status/", lookup).content.decode()
    assert "Svar senast" in html and "7 december 2026" in html

    item.status, item.answered_on = "answered", date(2026, 11, 30)
    item.answer_text, item.answer_channel = "Tack, vi har talat med receptionen.", "email"
    item.save()
    html = client.post("/sv/synpunkter/status/", lookup).content.decode()
    assert "Besvarad" in html and "30 november 2026" in html
    assert "Svar senast" not in html and "7 december 2026" not in html
