"""The language of the reply and the interpreter: recorded from the form's page, changed by
staff, and used by the e-mails and the printed letter on the unit's letterhead."""

import pytest
import time_machine
from django.core import mail
from wagtail.models import ModelLogEntry

from feedback.models import Feedback
from tests.feedback import test_triage_admin
from tests.feedback.conftest import form_data
from tests.feedback.test_triage_admin import new_item, triage

pytestmark = pytest.mark.django_db
MONDAY = "2026-11-23 10:15 +01:00"
users = test_triage_admin.users  # the fixture: a handler, an editor and a superuser


@time_machine.travel(MONDAY, tick=False)
def test_the_form_records_the_page_language_and_the_interpreter(client, feedback_page):
    form = client.get("/ar/synpunkter/").content.decode()
    assert "أرغب في مترجم إذا اتصلتم بي أو التقينا" in form
    client.post("/ar/synpunkter/", form_data(interpreter_needed="on"))
    item = Feedback.objects.get()
    assert (item.language, item.interpreter_needed) == ("ar", True)
    client.post("/sv/synpunkter/", form_data(submission_id="0b6f2f5e-2f4e-4d43-9b7c-1f2a3b4c5d6e"))
    assert not Feedback.objects.get(language="sv").interpreter_needed


@time_machine.travel(MONDAY, tick=False)
def test_on_a_swedish_page_the_interpreters_language_is_asked_for(client, feedback_page):
    """Someone reading Swedish may need an interpreter in another language: which one?"""
    other = "1c6f2f5e-2f4e-4d43-9b7c-1f2a3b4c5d6e"
    refused = client.post("/sv/synpunkter/", form_data(interpreter_needed="on"))
    assert refused.status_code == 200
    assert "Skriv vilket språk tolken ska tala." in refused.content.decode()
    assert not Feedback.objects.exists()
    client.post(
        "/sv/synpunkter/",
        form_data(interpreter_needed="on", interpreter_language="somaliska", submission_id=other),
    )
    item = Feedback.objects.get()
    assert (item.language, item.interpreter_needed, item.interpreter_language) == (
        "sv",
        True,
        "somaliska",
    )


def test_staff_change_the_language_and_the_answer_goes_out_in_it(
    client, users, django_capture_on_commit_callbacks
):
    item = new_item(language="sv")
    client.force_login(users["handler"])
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert "Svarsspråk" in page and 'value="ti"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = triage(
            client,
            item,
            language="fa",
            interpreter_needed="on",
            status="answered",
            answer_text="پاسخ ما به نظر شما دربارهٔ پذیرش.",
            answered_on="2026-11-20",
            answer_channel="email",
            send_answer_by_email="on",
        )
    assert response.status_code == 302, response.context["form"].errors
    item.refresh_from_db()
    assert (item.language, item.interpreter_needed) == ("fa", True)
    answer = [m for m in mail.outbox if item.reference in m.subject and "پاسخ" in m.subject]
    assert len(answer) == 1
    shown = client.get(f"/admin/feedback/inspect/{item.pk}/").content.decode()
    assert "Persiska" in shown and "Behöver tolk" in shown


@pytest.mark.parametrize(
    ("language", "direction", "greeting", "heading"),
    [
        ("sv", "ltr", "Med vänlig hälsning", "Svar på din synpunkt"),
        ("ar", "rtl", "مع أطيب التحيات", "ردّ على ملاحظاتك"),
        ("und", "ltr", "Med vänlig hälsning", "Svar på din synpunkt"),  # in Swedish
    ],
)
def test_the_letter_is_on_the_letterhead_in_the_reply_language(
    client, users, language, direction, greeting, heading
):
    item = new_item(
        language=language,
        answer_by="letter",
        name="Kim <Andersson>",
        postal_address="Storgatan 1\n114 44 Stockholm",
        interpreter_needed=True,
    )
    Feedback.objects.filter(pk=item.pk).update(
        status="answered",
        answer_text="Vi har <b>ändrat</b> rutinen.",
        answered_on="2026-11-20",
        assigned_to=users["handler"],
    )
    client.force_login(users["handler"])
    triage_page = client.get(f"/admin/feedback/inspect/{item.pk}/").content.decode()
    assert f'href="/admin/feedback/letter/{item.pk}/"' in triage_page
    before = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.view").count()
    html = client.get(f"/admin/feedback/letter/{item.pk}/").content.decode()
    expected = "sv" if language == "und" else language
    assert f'<html lang="{expected}" dir="{direction}">' in html
    assert heading in html and greeting in html
    assert "Försörjningsstödsenheten" in html and item.reference in html
    assert "Kim &lt;Andersson&gt;<br>Storgatan 1<br>114 44 Stockholm" in html
    assert "Vi har &lt;b&gt;ändrat&lt;/b&gt; rutinen." in html  # escaped
    assert "Hedda Handläggare" in html
    assert "wagtail" not in html.lower()  # a letter, not an admin page
    after = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.view").count()
    assert after == before + 1  # reading the letter is a read of the item


def test_the_letter_is_for_staff_who_may_read_the_item(client, users):
    item = new_item()
    client.force_login(users["editor"])
    assert client.get(f"/admin/feedback/letter/{item.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/admin/feedback/letter/{item.pk}/").status_code == 302
