"""Citizens send feedback through the public form: validation in their language, a reference,
a receipt with the due date, and nothing lost or sent twice."""

import re
import time
import uuid

import pytest
import time_machine
from django.core import mail, signing

from feedback.forms import STARTED_SALT
from feedback.models import Feedback, Notification
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db

MONDAY = "2026-11-23 10:15 +01:00"


def post(client, path=FORM, **overrides):
    return client.post(path, form_data(**overrides))


def test_form_renders_with_the_appeal_notice_and_the_personnummer_warning(client, feedback_page):
    html = client.get(FORM).content.decode()
    assert "Ett klagomål är inte ett överklagande" in html
    assert 'href="/sv/ekonomiskt-bistand/overklaga-ett-beslut/"' in html
    assert "Skriv inte ditt personnummer eller något om din hälsa" in html
    assert 'name="submission_id"' in html and 'name="started"' in html
    assert "Bemötande" in html and "Östermalm" in html
    assert "Du får en första tid snabbt" in html  # a commitment of the current guarantee


def test_form_in_arabic_names_the_categories_in_arabic(client, feedback_page):
    html = client.get("/ar/synpunkter/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "طريقة المعاملة" in html and "ماذا تريد أن تخبرنا؟" in html
    assert "fallback-notice" not in html


@time_machine.travel(MONDAY, tick=False)
def test_a_valid_submission_gets_a_reference_and_a_receipt(client, feedback_page):
    response = post(client)
    assert response.status_code == 303
    assert response["Location"] == "/sv/synpunkter/kvitto/2026-00001/"
    item = Feedback.objects.get()
    assert (item.reference, item.channel, item.language) == ("2026-00001", "web", "sv")
    assert item.category.name == "Bemötande"
    assert item.answer_due.isoformat() == "2026-12-07"

    receipt = client.get(response["Location"]).content.decode()
    assert "2026-00001" in receipt
    assert "Vi svarar dig senast måndag 7 december 2026." in receipt
    code = re.search(r'<p class="lookup-code"><bdi>([A-Z0-9-]+)</bdi>', receipt).group(1)
    assert len(code) == 11


@time_machine.travel(MONDAY, tick=False)
def test_receipt_and_inbox_mails_are_sent_in_the_readers_language(
    client, feedback_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/synpunkter/", form_data())
    receipt, inbox = sorted(mail.outbox, key=lambda m: m.to[0] != "kim@example.org")
    assert receipt.to == ["kim@example.org"]
    assert receipt.subject == "We have received your feedback (2026-00001)"
    assert "We will answer you no later than 7 December 2026." in receipt.body
    assert inbox.to == ["synpunkter@example.org"]
    assert inbox.subject == "Ny synpunkt 2026-00001"
    assert "Jag blev inte väl bemött" not in inbox.body  # no message text by e-mail
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_a_second_send_of_the_same_form_makes_no_second_item(client, feedback_page):
    first = post(client)
    second = post(client)
    assert Feedback.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_reference_numbers_follow_each_other(client, feedback_page):
    for _ in range(3):
        post(client, submission_id=str(uuid.uuid4()))
    year = time.localtime().tm_year
    assert list(Feedback.objects.order_by("number").values_list("reference", flat=True)) == [
        f"{year}-00001",
        f"{year}-00002",
        f"{year}-00003",
    ]


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/sv/synpunkter/", "Det här fältet är obligatoriskt"),
        ("/en/synpunkter/", "This field is required."),
        ("/ar/synpunkter/", "هذا الحقل مطلوب."),
    ],
)
def test_missing_fields_are_reported_in_the_readers_language(client, feedback_page, path, expected):
    response = client.post(path, form_data(kind="", message=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    assert 'class="error-summary"' in html and 'href="#id_message"' in html
    assert 'aria-invalid="true"' in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/sv/synpunkter/", "Ta bort personnumret 811218-9876 från fältet."),
        ("/en/synpunkter/", "Please remove the personal identity number 811218-9876"),
        ("/ar/synpunkter/", "811218-9876"),
    ],
)
def test_a_personnummer_in_the_message_must_be_removed(client, feedback_page, path, expected):
    message = "Jag heter Kim, 811218-9876, och vill klaga."
    html = client.post(path, form_data(message=message)).content.decode()
    assert expected in html
    assert message in html  # what they wrote is kept in the form
    assert not Feedback.objects.exists()


def test_asking_for_an_answer_by_e_mail_needs_an_address(client, feedback_page):
    html = post(client, email="").content.decode()
    assert "Skriv din e-postadress så att vi kan svara dig." in html


def test_anonymous_feedback_is_welcome(client, feedback_page):
    response = post(client, answer_by="", name="", email="")
    assert response.status_code == 303
    item = Feedback.objects.get()
    assert not item.wants_answer and item.name == "" and item.email == ""
    assert "Du bad inte om svar" in client.get(response["Location"]).content.decode()


def test_long_messages_are_refused_and_text_is_cleaned(client, feedback_page):
    html = post(client, message="x" * 5001).content.decode()
    assert "som mest 5000 tecken" in html
    post(client, message="Hej\u202e dlrow\u0000 e\u0301")
    assert Feedback.objects.get().message == "Hej dlrow é"


def test_the_honeypot_stops_bots(client, feedback_page):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_form_sent_within_seconds_is_treated_as_automated(client, feedback_page):
    response = post(client, started=signing.dumps(time.time(), salt=STARTED_SALT))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_tampered_start_time_asks_to_send_again_and_keeps_the_text(client, feedback_page):
    html = post(client, started="forged").content.decode()
    assert "Formuläret hade gått ut" in html and "Jag blev inte väl bemött" in html


def test_the_rate_limit_answers_429_in_the_readers_language_and_keeps_the_text(
    client, feedback_page
):
    for _ in range(5):
        assert post(client, submission_id=str(uuid.uuid4())).status_code == 303
    response = client.post("/en/synpunkter/", form_data(submission_id=str(uuid.uuid4())))
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have sent many messages in a short time" in html
    assert "Jag blev inte väl bemött i receptionen." in html
    assert Feedback.objects.count() == 5


def test_the_receipt_is_shown_only_to_the_browser_that_sent_it(client, feedback_page):
    location = post(client)["Location"]
    client.cookies.clear()
    response = client.get(location)
    assert response.status_code == 302 and response["Location"] == "/sv/synpunkter/status/"


def test_status_lookup_with_the_code_shows_status_and_due_date_only(client, feedback_page):
    receipt = client.get(post(client)["Location"]).content.decode()
    code = re.search(r'<p class="lookup-code"><bdi>([A-Z0-9-]+)</bdi>', receipt).group(1)
    reference = Feedback.objects.get().reference
    html = client.post("/sv/synpunkter/status/", {"reference": reference, "code": code.lower()})
    html = html.content.decode()
    assert "Mottagen" in html and reference in html
    assert "Kim" not in html and "kim@example.org" not in html and "bemött i" not in html


def test_status_lookup_refuses_a_wrong_code(client, feedback_page):
    post(client)
    reference = Feedback.objects.get().reference
    html = client.post(
        "/sv/synpunkter/status/", {"reference": reference, "code": "AAAAA-BBBBB"}
    ).content.decode()
    assert "Vi hittade ingen synpunkt med det referensnumret och den koden." in html
    assert "Mottagen" not in html
