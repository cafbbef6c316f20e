"""Answer templates and the e-mail preview on the triage page: a handler starts the answer from
a template in the citizen's language (Swedish where it is not translated), and sees the answer
e-mail exactly as the citizen will get it before saving; neither saves nor sends anything."""

import html
import json
import re
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale, ModelLogEntry

from feedback import intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import AnswerTemplate, Category, Feedback, FeedbackPage, Notification
from portal.templatetags.portal_tags import local_date
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish
from tests.feedback.test_triage_admin import triage

pytestmark = pytest.mark.django_db

SWEDISH_TEXT = "Hej! Tack för synpunkten {reference} från {received_date}.\n\n{handler_name}"
ENGLISH_TEXT = "Hello, thank you for {reference} of {received_date}.\n\n{handler_name}"
TEXTAREA = re.compile(r'<textarea name="answer_text"[^>]*>\n?(.*?)</textarea>', re.S)
OPTION = re.compile(r'<option value="(\d+)"( selected)?>(.*?)</option>')


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture(autouse=True)
def no_demo_templates(demo_site):
    """Each test makes the templates it needs."""
    AnswerTemplate.objects.all().delete()


def new_item(language="en", category="Bemötande", kind="complaint", **fields):
    values = {
        "kind": kind,
        "category": swedish(Category, category),
        "language": language,
        "channel": "web",
        "message": "The receptionist was rude to me.",
        "name": "Kim",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(
        Feedback(**values), received_at=datetime(2026, 11, 16, 10, 0, tzinfo=STOCKHOLM)
    ).feedback


def template(title, body, language="sv", category=None, kind="", translation_of=None):
    locale = Locale.objects.get(language_code=language)
    found = None
    if category:
        found = Category.objects.get(
            locale=locale, translation_key=swedish(Category, category).translation_key
        )
    made = AnswerTemplate(locale=locale, title=title, body=body, category=found, kind=kind)
    if translation_of:
        made.translation_key = translation_of.translation_key
    made.save()
    return made


def edit_page(client, item, **params):
    response = client.get(f"/admin/feedback/edit/{item.pk}/", params)
    assert response.status_code == 200
    return response.content.decode()


def offers(page) -> dict[str, str]:
    """The picker's options: {template id: label}."""
    start = page.index('id="id_answer_template"')
    picker = page[start : page.index("</select>", start)]
    return {pk: html.unescape(label) for pk, _selected, label in OPTION.findall(picker)}


def answer_field(page) -> str:
    return html.unescape(TEXTAREA.search(page).group(1))


def test_a_template_fills_the_answer_in_the_citizens_language(client, handler):
    swedish_version = template("Bemötande", SWEDISH_TEXT, category="Bemötande")
    english = template(
        "Treatment", ENGLISH_TEXT, "en", category="Bemötande", translation_of=swedish_version
    )
    item = new_item(language="en")
    client.force_login(handler)

    page = edit_page(client, item)
    assert offers(page) == {str(english.pk): "Treatment"}
    assert answer_field(page) == ""

    page = edit_page(client, item, template=english.pk)
    with translation.override("en"):
        received = local_date(item.received_at)
    assert answer_field(page) == (
        f"Hello, thank you for {item.reference} of {received}.\n\nHedda Lind"
    )
    assert 'id="answer-template-status"' in page
    item.refresh_from_db()
    assert item.answer_text == ""  # filled in the form only, not saved


def test_an_untranslated_template_is_offered_in_swedish(client, handler):
    only_swedish = template("Handläggningstid", SWEDISH_TEXT)
    item = new_item(language="fa")
    client.force_login(handler)

    page = edit_page(client, item, template=only_swedish.pk)
    assert offers(page) == {str(only_swedish.pk): "Handläggningstid (Svenska)"}
    with translation.override("fa"):
        received = local_date(item.received_at)
    assert answer_field(page) == (
        f"Hej! Tack för synpunkten {item.reference} från {received}.\n\nHedda Lind"
    )


def test_only_the_items_category_and_kind_are_offered(client, handler):
    for_all = template("Alla", "Tack.")
    same = template("Bemötande, klagomål", "Tack.", category="Bemötande", kind="complaint")
    template("Annan kategori", "Tack.", category="Information")
    template("Annat slag", "Tack.", category="Bemötande", kind="praise")
    english_only_other = template("Other", "Thanks.", "en", category="Information")
    item = new_item(language="sv")
    client.force_login(handler)

    page = edit_page(client, item)
    assert set(offers(page)) == {str(for_all.pk), str(same.pk)}
    # A template not offered for the item fills in nothing.
    page = edit_page(client, item, template=english_only_other.pk)
    assert answer_field(page) == ""


def test_the_template_script_gets_each_offer_filled_in(client, handler):
    offered = template("Alla", "Ärende {reference}: {unknown} stays")
    item = new_item(language="sv")
    client.force_login(handler)
    page = edit_page(client, item)
    data = re.search(
        r'<script id="answer-template-texts" type="application/json">(.*?)</script>', page
    ).group(1)
    assert json.loads(data) == {str(offered.pk): f"Ärende {item.reference}: {{unknown}} stays"}
    assert 'form="answer-template-form"' in page and 'id="answer-template-form"' in page


def test_html_in_a_template_is_escaped_on_the_page(client, handler):
    offered = template("<b>Fet</b> rubrik", '<script>alert("x")</script> {reference}')
    item = new_item(language="sv")
    client.force_login(handler)

    page = edit_page(client, item, template=offered.pk)
    assert "<script>alert" not in page and "<b>Fet</b>" not in page
    assert "&lt;b&gt;Fet&lt;/b&gt; rubrik" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # the answer field
    assert "\\u003Cscript\\u003Ealert" in page  # the script's data

    response = triage(client, item, answer_text=answer_field(page), preview_email="1")
    preview = response.content.decode()
    assert "<script>alert" not in preview
    assert re.search(r'id="answer-preview"', preview)


def preview(client, item, text, **fields):
    response = triage(client, item, answer_text=text, preview_email="1", **fields)
    assert response.status_code == 200
    page = response.content.decode()
    subject = re.search(r'<dd id="answer-preview-subject"[^>]*>(.*?)</dd>', page, re.S)
    body = re.search(r'<pre id="answer-preview-body"[^>]*>(.*?)</pre>', page, re.S)
    return html.unescape(subject.group(1)), html.unescape(body.group(1)), page


@pytest.mark.parametrize("text_in_email", [False, True])
def test_the_preview_is_the_email_the_citizen_gets_and_nothing_is_saved_or_sent(
    client, handler, settings, django_capture_on_commit_callbacks, text_in_email
):
    settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL = text_in_email
    item = new_item(language="en")
    client.force_login(handler)
    mail.outbox.clear()
    before = ModelLogEntry.objects.filter(object_id=str(item.pk)).exclude(action="feedback.view")
    logged_before = set(before.values_list("pk", flat=True))
    text = "We have changed how the reception answers the phone."

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        subject, body, page = preview(client, item, text, send_answer_by_email="on")
    assert callbacks == []
    if text_in_email:
        assert subject == f"Our answer to your feedback ({item.reference})"
        assert text in body
    else:
        assert subject == f"An answer to your feedback is ready ({item.reference})"
        assert text not in body and "is ready" in body
        assert FeedbackPage.status_url_in("en") in body
    # The handler's text stays in the form to go on with; nothing was saved or sent.
    assert answer_field(page) == text
    item.refresh_from_db()
    assert item.answer_text == "" and item.answered_on is None
    assert not Notification.objects.filter(feedback=item, purpose="answer").exists()
    assert mail.outbox == []
    after = ModelLogEntry.objects.filter(object_id=str(item.pk)).exclude(action="feedback.view")
    assert set(after.values_list("pk", flat=True)) == logged_before

    # Sending it gives the citizen exactly what the preview showed.
    with django_capture_on_commit_callbacks(execute=True):
        sent = triage(client, item, answer_text=text, send_answer_by_email="on")
    assert sent.status_code == 302
    (email,) = mail.outbox
    assert (email.subject, email.body) == (subject, body)


def test_the_preview_follows_the_citizens_language(client, handler):
    item = new_item(language="sv")
    client.force_login(handler)
    subject, body, _page = preview(client, item, "Tack för att du hörde av dig.")
    assert subject == f"Ett svar på din synpunkt är klart ({item.reference})"


def test_an_answer_with_an_identity_number_is_not_previewed(client, handler):
    item = new_item(language="en")
    client.force_login(handler)
    response = triage(client, item, answer_text="Hej 19811218-9876", preview_email="1")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="answer-preview-body"' not in page and 'id="answer-preview"' in page
    item.refresh_from_db()
    assert item.answer_text == ""


def test_no_preview_for_an_item_not_answered_by_email(client, handler):
    item = new_item(language="en", answer_by="letter", email="", postal_address="Box 1")
    client.force_login(handler)
    assert 'name="preview_email"' not in edit_page(client, item)
    assert 'name="preview_email"' in edit_page(client, new_item(language="en"))


def test_templates_refuse_identity_numbers(demo_site):
    made = AnswerTemplate(
        locale=Locale.get_default(), title="Fel", body="Till 19811218-9876: tack."
    )
    with pytest.raises(ValidationError) as refused:
        made.full_clean()
    assert "body" in refused.value.message_dict
