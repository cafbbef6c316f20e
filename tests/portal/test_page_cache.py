"""Cached pages for citizens (portal/page_cache.py): kept per address, never stale after a
change of content, never a page with a form token or a member of staff's page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from portal.models import ClosedDay, ContactSettings, GuidancePage

STOCKHOLM = ZoneInfo("Europe/Stockholm")
GUIDANCE = "/sv/ekonomiskt-bistand/sa-ansoker-du/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600


@pytest.fixture
def citizen():
    return Client(HTTP_ACCEPT_LANGUAGE="sv")


def test_a_second_visit_is_served_from_the_cache_without_a_query(citizen, demo_site):
    first = citizen.get(GUIDANCE)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = citizen.get(GUIDANCE)
    assert second["X-Page-Cache"] == "hit"
    assert len(captured) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]
    assert "no-cache" in second["Cache-Control"]


def test_each_language_is_kept_apart(citizen, demo_site):
    swedish = citizen.get("/sv/").content.decode()
    arabic = citizen.get("/ar/").content.decode()
    assert '<html lang="sv"' in swedish
    assert '<html lang="ar" dir="rtl"' in arabic
    assert '<html lang="ar" dir="rtl"' in citizen.get("/ar/").content.decode()


def test_a_returning_phone_gets_304_when_nothing_changed(citizen, demo_site):
    etag = citizen.get(GUIDANCE)["ETag"]
    again = citizen.get(GUIDANCE, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_publishing_a_change_is_seen_at_once(citizen, demo_site):
    citizen.get(GUIDANCE)
    page = GuidancePage.objects.get(
        url_path__endswith="/sa-ansoker-du/", locale__language_code="sv"
    )
    etag = citizen.get(GUIDANCE)["ETag"]
    page.title = "Så ansöker du om pengar"
    page.save_revision().publish()

    response = citizen.get(GUIDANCE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert "Så ansöker du om pengar" in response.content.decode()
    # The menu and every other page show what changed too, e.g. the guidance index's list.
    assert "Så ansöker du om pengar" in citizen.get("/sv/ekonomiskt-bistand/").content.decode()


def test_unpublishing_takes_the_page_away(citizen, demo_site):
    assert citizen.get(GUIDANCE).status_code == 200
    Page.objects.get(url_path__endswith="/sa-ansoker-du/", locale__language_code="sv").unpublish()
    assert citizen.get(GUIDANCE).status_code == 404


def test_settings_and_closed_days_are_seen_at_once(citizen, demo_site):
    citizen.get("/sv/oppettider/")
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "08-123 456 78"
    contact.save()
    assert "08-123 456 78" in citizen.get(GUIDANCE).content.decode()

    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=STOCKHOLM), tick=False):
        citizen.get("/sv/oppettider/")
        ClosedDay.objects.create(date=datetime(2026, 3, 4).date(), reason="Personaldag")
        assert "Personaldag" in citizen.get("/sv/oppettider/").content.decode()


def test_open_now_expires_when_the_reception_closes(citizen, demo_site):
    with time_machine.travel(datetime(2026, 3, 3, 11, 58, tzinfo=STOCKHOLM), tick=False):
        before = citizen.get("/sv/oppettider/")
        assert "Öppet nu, stänger 12:00" in before.content.decode()
        assert citizen.get("/sv/oppettider/")["X-Page-Cache"] == "hit"
    with time_machine.travel(datetime(2026, 3, 3, 12, 1, tzinfo=STOCKHOLM), tick=False):
        after = citizen.get("/sv/oppettider/")
    assert after["X-Page-Cache"] == "miss"
    assert "Stängt nu, öppnar i dag kl. 13:00" in after.content.decode()


def test_the_feedback_form_is_never_kept(citizen, demo_site):
    first = citizen.get("/sv/synpunkter/")
    second = citizen.get("/sv/synpunkter/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_an_address_with_a_query_string_is_not_kept(citizen, demo_site):
    assert "X-Page-Cache" not in citizen.get(GUIDANCE + "?utm_source=sms")


def test_staff_neither_get_nor_leave_a_kept_page(citizen, demo_site, django_user_model):
    citizen.get(GUIDANCE)
    staff = Client(HTTP_ACCEPT_LANGUAGE="sv")
    staff.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    response = staff.get(GUIDANCE)
    assert "X-Page-Cache" not in response
    assert citizen.get(GUIDANCE)["X-Page-Cache"] == "hit"


def test_saving_a_draft_keeps_the_cached_pages(citizen, demo_site):
    """An editor's draft and autosaves change nothing citizens see: the pages stay cached."""
    citizen.get(GUIDANCE)
    page = GuidancePage.objects.get(
        url_path__endswith="/sa-ansoker-du/", locale__language_code="sv"
    )
    page.title = "Ett utkast"
    page.save_revision()
    response = citizen.get(GUIDANCE)
    assert response["X-Page-Cache"] == "hit"
    assert "Ett utkast" not in response.content.decode()


def test_a_page_that_starts_a_session_is_not_kept(citizen, demo_site, monkeypatch):
    """Its session cookie is set further out than the cache: the page is this visitor's."""
    serve = GuidancePage.serve

    def serve_with_session(self, request, *args, **kwargs):
        request.session["seen"] = True
        return serve(self, request, *args, **kwargs)

    monkeypatch.setattr(GuidancePage, "serve", serve_with_session)
    first = citizen.get(GUIDANCE)
    assert "sessionid" in first.cookies
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in Client().get(GUIDANCE)


def test_a_kept_page_has_the_same_security_headers(citizen, demo_site):
    fresh, kept = citizen.get(GUIDANCE), citizen.get(GUIDANCE)
    assert kept["X-Page-Cache"] == "hit"
    for header in ("X-Frame-Options", "Content-Security-Policy", "Content-Language"):
        assert kept[header] == fresh[header]


def test_links_stay_relative_with_a_second_site(citizen, demo_site):
    Site.objects.create(hostname="annan.example.se", root_page=demo_site, is_default_site=False)
    html = citizen.get("/sv/synpunkter/status/").content.decode()
    assert 'href="/sv/kvalitetsgaranti/"' in html
    assert 'hreflang="en" href="http://testserver/en/synpunkter/status/"' in html


def test_view_restrictions_are_kept_as_wagtail_decides_them(citizen, demo_site):
    """The directory answers Wagtail's view-restriction check only where none applies: with a
    page restricted to signed-in users, every language's version is refused exactly where
    Wagtail's own rule (restrictions of the page, its ancestors and their alias sources) says."""
    slug = "budget-och-skuldradgivning"
    swedish = Page.objects.get(slug=slug, locale__language_code="sv")
    assert citizen.get(swedish.url).status_code == 200
    PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.LOGIN)
    refused = []
    for page in Page.objects.filter(translation_key=swedish.translation_key):
        restricted = bool(list(Page.get_view_restrictions(page)))  # Wagtail's own rule
        response = citizen.get(page.url)
        assert response.status_code == (302 if restricted else 200), page.url
        if restricted:
            refused.append(page.locale.language_code)
            assert "login" in response["Location"]
    assert "sv" in refused
    assert slug not in citizen.get("/sv/ekonomiskt-bistand/").content.decode()
