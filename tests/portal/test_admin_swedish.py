"""No English in the Swedish admin: the Wagtail and wagtail-localize strings their Swedish
catalogues lack are served in Swedish from ours (portal/admin_strings.py), for the server-side
pages and the JavaScript catalogues alike, and what is ours reads Swedish too."""

import json
import re
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.contrib.auth.models import Group
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Task, Workflow
from wagtail.users.models import UserProfile

from feedback import intake
from feedback.models import Category, Feedback
from portal.admin_strings import UPSTREAM_JS_MESSAGES, UPSTREAM_MESSAGES
from portal.models import AccessibilityStatementPage, GuaranteePage, OpeningHoursPage
from portal.workdays import STOCKHOLM

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "sv" / "LC_MESSAGES"
JS_CATALOGUES = ("/admin/jsi18n/", "/admin/localize/jsi18n/")


def swedish(domain: str) -> dict:
    with open(LOCALE / f"{domain}.po", "rb") as po:
        return {
            message.id if isinstance(message.id, str) else message.id[0]: message.string
            for message in read_po(po, locale="sv")
            if message.id
        }


@pytest.fixture
def editor(client, django_user_model):
    """An Editors user whose admin language is Swedish."""
    user = django_user_model.objects.create_user("redaktor-sv", "sv@example.org", "pw-sv-1")
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(user)
    return client


def served_catalogue(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize("url", JS_CATALOGUES)
def test_the_javascript_catalogues_serve_our_swedish(editor, url):
    catalogue = served_catalogue(editor, url)
    ours = swedish("djangojs")
    for message in UPSTREAM_JS_MESSAGES:
        msgid = message if isinstance(message, str) else message[0]
        expected = ours[msgid] if isinstance(message, str) else list(ours[msgid])
        assert catalogue.get(msgid) == expected, msgid
    assert catalogue["Autosave in progress…"] == "Sparar automatiskt…"
    assert catalogue["Search options…"] == "Sök bland alternativen…"


def test_every_listed_upstream_string_is_served_in_swedish():
    ours = swedish("django")
    with translation.override("sv"):
        for message in UPSTREAM_MESSAGES:
            if isinstance(message, str):
                assert ours[message] and translation.gettext(message) == ours[message], message
            else:
                singular, plural = message
                one, many = ours[singular]
                assert translation.ngettext(singular, plural, 1) == one, singular
                assert translation.ngettext(singular, plural, 5) == many, singular


def assert_swedish(html: str, english: tuple, swedish: tuple) -> None:
    """Checks the text as a reader gets it: the block definitions are JSON inside an attribute."""
    html = unescape(re.sub(r"\\u([0-9a-f]{4})", lambda code: chr(int(code[1], 16)), html))
    for text in english:
        assert text not in html, text
    for text in swedish:
        assert text in html, text


def test_the_page_editor_is_swedish(editor, demo_site):
    hours = OpeningHoursPage.objects.get(locale__language_code="sv")
    html = editor.get(f"/admin/pages/{hours.pk}/edit/").content.decode()
    assert_swedish(
        html,
        ("- Select an option -", "Autosave is paused", "Side panel width", "Date updated"),
        (
            "Automatisk sparning är pausad",
            "Sidopanelens bredd",
            "Lämna in till Moderatorgranskning",
        ),
    )
    statement = AccessibilityStatementPage.objects.filter(locale__language_code="sv").first()
    html = editor.get(f"/admin/pages/{statement.pk}/edit/").content.decode()
    assert_swedish(html, ("- Select an option -",), ("- Välj ett alternativ -",))
    guarantee = GuaranteePage.objects.filter(locale__language_code="sv").first()
    html = editor.get(f"/admin/pages/{guarantee.pk}/edit/").content.decode()
    assert_swedish(html, ("Moderators approval",), ("Lämna in till Enhetschefens godkännande",))


def test_listings_and_uploads_are_swedish(editor, demo_site):
    parent = Page.objects.get(depth=2, locale__language_code="sv")
    assert_swedish(
        editor.get(f"/admin/pages/{parent.pk}/").content.decode(),
        ("Date updated", ">Any<"),
        ("Senast ändrad",),
    )
    assert_swedish(
        editor.get("/admin/documents/multiple/add/").content.decode(),
        ("Maximum filesize",),
        ("Största filstorlek",),
    )


def test_the_default_workflow_has_a_swedish_name(db):
    assert "Moderatorgranskning" in Workflow.objects.values_list("name", flat=True)
    assert "Moderatorgranskning" in Task.objects.values_list("name", flat=True)
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_time_ago_in_the_workflow_status_is_swedish():
    """Wagtail's workflow status says when a page was sent through humanize's naturaltime."""
    with translation.override("sv"):
        assert naturaltime(timezone.now() - timedelta(seconds=40)) == "40\xa0sekunder sedan"


def test_the_feedback_report_names_kinds_and_channels_in_swedish(client, admin_user, demo_site):
    item = Feedback(
        kind="complaint",
        channel="web",
        language="sv",
        message="Brevet var svårt att förstå.",
        category=Category.objects.filter(locale=Locale.get_default()).first(),
    )
    intake.register(item, received_at=datetime(2026, 3, 2, 10, 0, tzinfo=STOCKHOLM))
    client.force_login(admin_user)
    html = client.get("/admin/feedback-report/", {"year": 2026}).content.decode()
    assert_swedish(
        html,
        ('<th scope="row">complaint<', '<th scope="row">web<'),
        ('<th scope="row">Klagomål<', '<th scope="row">Webbformulär<'),
    )
