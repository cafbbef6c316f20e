"""Starting a translation ("Translate → Submit") turns the Arabic alias into a page of its own
that still holds the Swedish text until someone publishes the translation. Until then the
public page stays what the alias was: Swedish text marked Swedish, with the notice."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.portal.test_translation_workflow import translate_with_po_file

pytestmark = pytest.mark.django_db
SLUG = "budget-och-skuldradgivning"


@pytest.fixture
def admin(client, django_user_model, demo_site):
    client.force_login(django_user_model.objects.create_superuser("b", "b@example.org", "pw-b-1"))
    return client


def public(url):
    html = Client().get(url).content.decode()
    return html, re.search(r"<h1([^>]*)>(.*?)</h1>", html, re.S).groups()


@pytest.mark.parametrize("committed", [True, False])
def test_a_started_translation_keeps_the_fallback_until_it_is_published(
    admin, django_capture_on_commit_callbacks, committed
):
    """wagtail-localize publishes the converted page (Swedish text) after the commit: before
    and after that, citizens get the Swedish page marked Swedish."""
    page = Page.objects.get(slug=SLUG, locale__language_code="sv").specific
    arabic = Locale.objects.get(language_code="ar")
    url = page.get_translation(arabic).url
    assert "fallback-notice" in public(url)[0]

    with django_capture_on_commit_callbacks(execute=committed):
        admin.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [arabic.pk]})
    assert page.get_translation(arabic).alias_of_id is None  # no longer an alias
    started, (attributes, title) = public(url)
    assert "fallback-notice" in started
    assert 'lang="sv"' in attributes and title.strip() == page.title


def test_once_published_the_translation_is_the_page(admin):
    page = Page.objects.get(slug=SLUG, locale__language_code="sv").specific
    english = translate_with_po_file(
        admin, page, "en", {"Budget- och skuldrådgivning": "Budget and debt counselling"}
    )
    html, (attributes, title) = public(english.url)
    assert "fallback-notice" not in html
    assert "lang=" not in attributes and title.strip() == "Budget and debt counselling"


def test_the_sitemap_leaves_out_a_started_translation(admin, django_capture_on_commit_callbacks):
    page = Page.objects.get(slug=SLUG, locale__language_code="sv").specific
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [arabic.pk]})
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert page.get_translation(arabic).url not in sitemap
    assert page.url in sitemap


def test_a_started_translation_shows_the_swedish_page_as_it_is_now(
    admin, django_capture_on_commit_callbacks
):
    """wagtail-localize leaves the started translation holding a copy of the Swedish text; what
    citizens read is the Swedish page's current text, under the Arabic address."""
    page = Page.objects.get(slug=SLUG, locale__language_code="sv").specific
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [arabic.pk]})
    url = page.get_translation(arabic).url

    page.title = "Budget- och skuldrådgivning för alla"
    page.search_description = "Gratis hjälp med hushållets ekonomi."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    html, (attributes, title) = public(url)
    assert title.strip() == "Budget- och skuldrådgivning för alla" and 'lang="sv"' in attributes
    assert "Gratis hjälp med hushållets ekonomi." in html
    assert "fallback-notice" in html
    # Its own address, language and links stay the Arabic page's.
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert 'href="/ar/' in html
