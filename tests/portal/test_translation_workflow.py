"""An editor translates a page through wagtail-localize, with a PO file for an outside
translator, and sees the translation go out of date when the Swedish page changes."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from portal.outdated_translations import outdated_translations

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/outdated-translations/"


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("red", "r@example.org", "pw-1x"))
    return client


def swedish(slug):
    return Page.objects.get(slug=slug, locale__language_code="sv").specific


def translate_with_po_file(client, page, code, strings):
    locale = Locale.objects.get(language_code=code)
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )

    download = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    upload = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("en.po", str(po).encode()), "next": "/admin/"},
    )
    assert upload.status_code == 302

    target = page.get_translation(locale)
    # wagtail-localize publishes once the transaction commits: run that here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert publish.status_code == 302
    return Page.objects.get(pk=target.pk).specific


def test_po_round_trip_publishes_the_translation(editor, client, demo_site):
    budget = swedish("budget-och-skuldradgivning")
    english = translate_with_po_file(
        editor,
        budget,
        "en",
        {
            "Budget- och skuldrådgivning": "Budget and debt counselling",
            "budget-och-skuldradgivning": "budget-and-debt-counselling",
        },
    )
    assert english.live and english.alias_of_id is None
    assert english.title == "Budget and debt counselling"
    html = client.get("/en/ekonomiskt-bistand/budget-and-debt-counselling/").content.decode()
    assert "<h1>Budget and debt counselling</h1>" in html
    assert "fallback-notice" not in html


def test_changing_the_swedish_page_puts_the_translation_in_the_report(editor, demo_site):
    apply_page = swedish("sa-ansoker-du")
    assert not outdated_translations().exists()
    assert "How to apply for financial assistance" not in editor.get(REPORT).content.decode()

    apply_page.summary = "Ny sammanfattning om hur du ansöker."
    apply_page.save_revision().publish()

    outdated = outdated_translations()
    assert sorted(outdated.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "fa",
        "fi",
        "so",
        "ti",
    ]
    report = editor.get(REPORT)
    assert report.status_code == 200
    html = report.content.decode()
    assert "How to apply for financial assistance" in html
    assert f"/admin/pages/{apply_page.pk}/edit/" in html

    english = apply_page.get_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    assert "en" not in outdated_translations().values_list("locale__language_code", flat=True)


def test_report_exports_csv(editor, demo_site):
    apply_page = swedish("sa-ansoker-du")
    apply_page.save_revision().publish()
    response = editor.get(REPORT + "?export=csv")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Kaalmada" not in body  # index pages were not changed
    assert "Sida loo codsado kaalmo dhaqaale" in body


def test_page_editors_without_admin_access_cannot_see_the_report(
    client, django_user_model, demo_site
):
    client.force_login(django_user_model.objects.create_user("citizen", "c@example.org", "pw-2x"))
    response = client.get(REPORT)
    assert response.status_code in (302, 403)


def test_service_names_in_the_hours_are_translated_like_any_other_content(
    editor, client, demo_site
):
    hours = swedish("oppettider")
    english = translate_with_po_file(
        editor,
        hours,
        "en",
        {
            "Öppettider och telefontider": "Opening hours and phone hours",
            "Tidsbokning för nybesök": "Booking a first visit",
            "Sommartider": "Summer hours",
        },
    )
    html = client.get(english.url).content.decode()
    assert '<h2 id="service-1">Booking a first visit</h2>' in html
    assert "Tidsbokning för nybesök" not in html
    assert "fallback-notice" not in html
