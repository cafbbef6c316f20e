"""The lookup code is shown once, on the receipt: a reload shows the receipt without it, the
browser's receipt cookie no longer holds it, and after half an hour not even the receipt is
kept. Citizens get no session and no row in the database for it."""

import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import signing

from feedback.models import Feedback
from feedback.views import RECEIPT_COOKIE, RECEIPT_SALT
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db
MONDAY = "2026-11-23 10:15 +01:00"


def cookie_text(client) -> str:
    """What the browser keeps of its receipts (a signed cookie: signed, not hidden)."""
    cookie = client.cookies.get(RECEIPT_COOKIE)
    return str(signing.loads(cookie.value, salt=RECEIPT_SALT)) if cookie and cookie.value else ""


def test_the_code_is_shown_once_and_not_kept(client, feedback_page):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        sent = client.post(FORM, form_data())
        receipt_url = sent["Location"]
        item = Feedback.objects.get()
        assert item.reference in cookie_text(client)
        assert "sessionid" not in sent.cookies and not Session.objects.exists()
        assert sent.cookies[RECEIPT_COOKIE]["httponly"] and sent.cookies[RECEIPT_COOKIE]["path"]
        # A cookie-safe value: letters, digits and - _ : . only (some clients drop quotes).
        assert re.fullmatch(r"[\w\-:.]+", sent.cookies[RECEIPT_COOKIE].value)
        first = client.get(receipt_url)
        assert first["Cache-Control"].startswith("max-age=0")
        code = re.search(r'class="lookup-code"><bdi>([A-Z0-9-]+)<', first.content.decode())[1]
        assert code not in cookie_text(client)

        again = client.get(receipt_url).content.decode()
        assert item.reference in again
        assert "lookup-code" not in again and code not in again
        assert "visades när du skickade" in again

        traveller.shift(31 * 60)
        later = client.get(receipt_url)
        assert later.status_code == 302 and later["Location"].endswith("/status/")
        assert item.reference not in cookie_text(client)


def test_an_unread_code_is_dropped_after_half_an_hour(client, feedback_page):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        receipt_url = client.post(FORM, form_data())["Location"]
        traveller.shift(31 * 60)
        assert client.get(receipt_url).status_code == 302
        assert "code" not in cookie_text(client)


def test_a_strangers_receipt_address_gives_no_session(client, feedback_page):
    response = client.get("/sv/synpunkter/kvitto/2026-00001/")
    assert response.status_code == 302
    assert "sessionid" not in response.cookies and RECEIPT_COOKIE not in response.cookies


def test_a_forged_receipt_cookie_shows_nothing(client, feedback_page):
    with time_machine.travel(MONDAY, tick=False):
        receipt_url = client.post(FORM, form_data())["Location"]
        receipts = signing.loads(client.cookies[RECEIPT_COOKIE].value, salt=RECEIPT_SALT)
        forged = signing.dumps(receipts, salt="another")  # not signed by this server for this
        client.cookies[RECEIPT_COOKIE] = forged
        assert client.get(receipt_url).status_code == 302
