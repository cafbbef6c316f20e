"""The privacy notice for feedback (GDPR art. 13): in every language, with the controller and
the data protection officer the unit entered, the retention period from the settings, the
right to complain to IMY, official documents and secrecy; linked from the form, the receipt and
every page's footer."""

import re

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from feedback.models import FeedbackPage
from portal.models import ContactSettings
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db

NOTICE = "/sv/synpunkter/personuppgifter/"
LANGUAGES = [code for code, _name in django_settings.LANGUAGES]


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def footer_of(html: str) -> str:
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.fixture
def contact(demo_site):
    return ContactSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_notice_answers_in_every_language_with_what_article_13_asks(
    client, feedback_page, code
):
    html = html_of(client.get(f"/{code}/synpunkter/personuppgifter/"))
    assert f'<html lang="{code}"' in html
    main = main_of(html)
    assert main.count("<h1") == 1
    assert main.count("<h2") >= 6
    assert "Östermalms stadsdelsnämnd" in section(main, "privacy-controller")
    assert 'href="mailto:dataskyddsombud@example.org"' in main
    assert 'href="tel:0850810000"' in main
    assert "6.1 e" in section(main, "privacy-purposes")
    assert "24" in section(main, "privacy-retention")
    assert "allmän handling" in section(main, "privacy-official")
    assert "26" in section(main, "privacy-official")
    rights = section(main, "privacy-rights")
    assert "IMY" in rights and 'href="https://www.imy.se/"' in rights
    assert f'href="/{code}/synpunkter/"' in main  # back to the form
    assert "fallback-notice" not in html


def test_the_swedish_notice_in_plain_words(client, feedback_page):
    main = main_of(html_of(client.get(NOTICE)))
    assert "<h1>Så hanterar vi dina personuppgifter</h1>" in main
    assert "Personuppgiftsansvarig" in main
    assert "Dataskyddsombud" in main
    assert "Integritetsskyddsmyndigheten" in main
    assert "offentlighets- och sekretesslagen" in main
    assert "24 månader efter att din synpunkt har avslutats" in main
    assert "Skriv inte ditt personnummer" in main


@pytest.mark.parametrize(
    ("months", "swedish", "english"),
    [
        (18, "18 månader efter att din synpunkt", "18 months after your feedback"),
        (1, "1 månad efter att din synpunkt", "1 month after your feedback"),
    ],
)
def test_the_retention_period_comes_from_the_setting(
    client, feedback_page, settings, months, swedish, english
):
    settings.FEEDBACK_RETENTION_MONTHS = months
    assert swedish in section(html_of(client.get(NOTICE)), "privacy-retention")
    english_html = html_of(client.get("/en/synpunkter/personuppgifter/"))
    assert english in section(english_html, "privacy-retention")
    for code in ("ar", "fi"):
        html = html_of(client.get(f"/{code}/synpunkter/personuppgifter/"))
        retention = section(html, "privacy-retention")
        assert str(months) in retention and "24" not in retention


def test_the_controller_and_the_data_protection_officer_come_from_the_contact_settings(
    client, feedback_page, contact
):
    contact.controller = "Kungsholmens stadsdelsnämnd"
    contact.dpo_email = "dso@stad.example"
    contact.dpo_phone = "08-123 45 67"
    contact.save()
    main = main_of(html_of(client.get(NOTICE)))
    assert "Kungsholmens stadsdelsnämnd" in main and "Östermalms" not in main
    assert '<a href="mailto:dso@stad.example"><bdi>dso@stad.example</bdi></a>' in main
    assert '<a href="tel:081234567"><bdi>08-123 45 67</bdi></a>' in main


def test_without_a_controller_or_an_officer_the_notice_still_says_whom_to_ask(
    client, feedback_page, contact
):
    contact.controller = contact.dpo_email = contact.dpo_phone = ""
    contact.save()
    controller = section(html_of(client.get(NOTICE)), "privacy-controller")
    assert controller.count("Försörjningsstödsenheten") == 2  # as controller and as contact
    assert "Kontakta oss, så hjälper vi dig att nå dataskyddsombudet." in controller


def test_swedish_names_are_marked_swedish_in_other_languages(client, feedback_page):
    arabic = html_of(client.get("/ar/synpunkter/personuppgifter/"))
    controller = section(arabic, "privacy-controller")
    assert '<bdi lang="sv" dir="ltr">Östermalms stadsdelsnämnd</bdi>' in controller
    assert '<bdi lang="sv" dir="ltr">Försörjningsstödsenheten</bdi>' in controller
    swedish = section(html_of(client.get(NOTICE)), "privacy-controller")
    assert "<bdi>Östermalms stadsdelsnämnd</bdi>" in swedish  # no lang needed in Swedish


@pytest.mark.parametrize(("in_email", "shown"), [(False, True), (True, False)])
def test_answers_stay_out_of_e_mail_unless_the_setting_says_otherwise(
    client, feedback_page, settings, in_email, shown
):
    settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL = in_email
    official = section(html_of(client.get(NOTICE)), "privacy-official")
    assert ("vanligt e-postmeddelande" in official) is shown
    assert ('href="/sv/synpunkter/status/"' in official) is shown


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_form_links_the_notice_in_its_privacy_text_before_the_button(
    client, feedback_page, code
):
    html = html_of(client.get(f"/{code}/synpunkter/"))
    privacy = html[html.index('<section class="privacy"') : html.index('<button type="submit"')]
    link = re.search(rf'<a href="/{code}/synpunkter/personuppgifter/">([^<]+)</a>', privacy)
    assert link, privacy
    if code == "sv":
        assert link.group(1) == "Läs allt om hur vi hanterar dina personuppgifter"


@time_machine.travel("2026-11-23 10:15 +01:00", tick=False)
def test_the_receipt_links_the_notice(client, feedback_page):
    response = client.post(FORM, form_data())
    receipt = html_of(client.get(response["Location"]))
    assert 'href="/sv/synpunkter/personuppgifter/"' in main_of(receipt)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_footer_links_the_notice_in_the_readers_language(client, feedback_page, code):
    footer = footer_of(html_of(client.get(f"/{code}/oppettider/")))
    assert f'href="/{code}/synpunkter/personuppgifter/"' in footer


def test_the_footer_falls_back_to_the_swedish_notice(client, feedback_page):
    FeedbackPage.objects.filter(locale=Locale.objects.get(language_code="fi")).update(live=False)
    footer = footer_of(html_of(client.get("/fi/")))
    assert 'href="/sv/synpunkter/personuppgifter/"' in footer


def test_without_a_feedback_page_the_footer_has_no_notice_link(client, feedback_page):
    FeedbackPage.objects.update(live=False)
    for path in ("/sv/", "/ar/oppettider/", "/sv/finns-inte/"):
        response = client.get(path)
        assert response.status_code in (200, 404)
        assert "personuppgifter/" not in footer_of(response.content.decode())


def test_the_footer_finds_the_feedback_page_in_a_fixed_number_of_queries(client, feedback_page):
    from portal.templatetags.portal_tags import page_in_reader_language

    page_in_reader_language("feedback.FeedbackPage")  # builds the page directory
    with CaptureQueriesContext(connection) as captured:
        page = page_in_reader_language("feedback.FeedbackPage")
    assert page.language == "sv"
    # From the page directory, kept until the content changes: no query at all.
    assert len(captured) == 0
    assert re.search(r"/synpunkter/$", page.url)


@pytest.mark.parametrize(
    "months, words", [(24, "24 شهرًا"), (3, "3 أشهر"), (1, "1 شهر"), (100, "100 شهر")]
)
def test_arabic_counts_months_in_the_right_plural_form(
    client, feedback_page, settings, months, words
):
    """Babel's Arabic plural rule orders the forms differently from gettext's usual one: the
    catalogue follows the rule in its own header."""
    settings.FEEDBACK_RETENTION_MONTHS = months
    html = html_of(client.get("/ar/synpunkter/personuppgifter/"))
    assert f"بعد {words} من إغلاق" in section(html, "privacy-retention")
