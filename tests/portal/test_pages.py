"""Every page type renders through the real stack, with the content editors gave it."""

import json
import re
from datetime import date

import pytest
import time_machine

from portal.models import GuaranteePage, OpeningHoursPage

pytestmark = pytest.mark.django_db

# A Monday in November 2026, 10:15 in Stockholm: the booking line is open.
MONDAY_MORNING = "2026-11-23 10:15 +01:00"


def visible_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_bare_root_redirects_to_swedish(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_bare_root_follows_accept_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response["Location"] == "/en/"


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_home_links_the_main_pages_and_shows_todays_status(client, demo_site):
    html = get(client, "/sv/")
    assert '<html lang="sv" dir="ltr">' in html
    for path in [
        "/sv/kvalitetsgaranti/",
        "/sv/oppettider/",
        "/sv/ekonomiskt-bistand/",
        "/sv/synpunkter/",
    ]:
        assert f'href="{path}"' in html
    assert "Öppet nu, stänger 11:00" in html
    assert 'class="skip-link" href="#main"' in html


@time_machine.travel("2026-11-22 14:00 +01:00", tick=False)
def test_home_on_a_sunday_says_when_it_opens(client, demo_site):
    assert "Stängt nu, öppnar i morgon kl. 10:00" in get(client, "/sv/")


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_current_guarantee_lists_commitments_with_targets(client, demo_site):
    html = get(client, "/sv/kvalitetsgaranti/kvalitetsgaranti-2026/")
    assert "Gäller från 1 januari 2026 till 31 december 2026" in html
    assert 'id="commitment-nybesok"' in html
    text = visible_text(html)
    assert "14 kalenderdagar – från att du bokar till ditt första besök" in text
    assert "14 kalenderdagar – från dagen du lämnade in de handlingar vi bett om" in text
    assert "inte längre" not in html
    assert "Förnamn Efternamn (exempel), enhetschef" in html


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_an_expired_guarantee_says_so_and_links_the_current_one(client, demo_site):
    html = get(client, "/sv/kvalitetsgaranti/kvalitetsgaranti-2007/")
    assert "Den här garantin gäller inte längre" in html
    assert 'href="/sv/kvalitetsgaranti/kvalitetsgaranti-2026/"' in html


@time_machine.travel("2027-03-01 12:00 +01:00", tick=False)
def test_after_its_period_the_guarantee_is_archived(client, demo_site):
    html = get(client, "/sv/kvalitetsgaranti/")
    assert "Det finns ingen kvalitetsgaranti som gäller i dag." in html
    assert html.count('href="/sv/kvalitetsgaranti/kvalitetsgaranti-') == 2
    assert "Den här garantin gäller inte längre" in get(
        client, "/sv/kvalitetsgaranti/kvalitetsgaranti-2026/"
    )


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_guarantee_index_shows_the_current_guarantee_first(client, demo_site):
    html = get(client, "/sv/kvalitetsgaranti/")
    # The promises in force are on the index itself, the archive below them.
    assert html.index('id="commitment-nybesok"') < html.index("Kvalitetsgaranti 2007")
    assert 'href="/sv/kvalitetsgaranti/kvalitetsgaranti-2026/"' in html
    assert 'href="/sv/synpunkter/?commitment=nybesok"' in html


@time_machine.travel("2026-12-21 09:00 +01:00", tick=False)
def test_hours_page_shows_the_christmas_week(client, demo_site):
    html = get(client, "/sv/oppettider/")
    assert "måndag 21 december" in html
    assert "Julafton" in html and "Juldagen" in html and "Annandag jul" in html
    assert "10:00–11:00, 12:30–13:30" in visible_text(html)
    assert "Tidsbokning för nybesök" in html and "Reception" in html


@time_machine.travel("2026-12-21 09:00 +01:00", tick=False)
def test_hours_page_emits_opening_hours_json_ld(client, demo_site):
    html = get(client, "/sv/oppettider/")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "GovernmentOffice"
    booking = data["contactPoint"][0]
    assert booking["name"] == "Tidsbokning för nybesök"
    christmas = [s for s in booking["hoursAvailable"] if s.get("validFrom") == "2026-12-24"]
    assert christmas and christmas[0]["opens"] == christmas[0]["closes"] == "00:00"


def test_hours_page_in_english_names_holidays_in_english(client, demo_site):
    with time_machine.travel("2026-12-21 09:00 +01:00", tick=False):
        html = get(client, "/en/oppettider/")
    assert "Christmas Eve" in html
    assert "Monday 21 December" in html


def test_guidance_index_and_page(client, demo_site):
    index = get(client, "/sv/ekonomiskt-bistand/")
    assert 'href="/sv/ekonomiskt-bistand/sa-ansoker-du/"' in index
    html = get(client, "/sv/ekonomiskt-bistand/sa-ansoker-du/")
    assert (
        "<details" in html and "<summary>Hur lång tid tar det att få ett beslut?</summary>" in html
    )
    assert 'class="notice notice--warning"' in html
    assert "<bdi>08-508 10 000</bdi>" in html


def test_accessibility_statement_has_the_parts_the_law_expects(client, demo_site):
    html = get(client, "/sv/tillganglighet/")
    assert "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet" in html
    for heading in [
        "Innehåll som inte är tillgängligt",
        "Rapportera brister",
        "Tillsyn",
        "Hur vi testat webbplatsen",
    ]:
        assert heading in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'href="/sv/synpunkter/"' in html
    assert "1 september 2026" in html


def test_footer_has_contact_details_and_the_statement_link(client, demo_site):
    html = get(client, "/sv/ekonomiskt-bistand/")
    assert "Karlavägen 104" in html and "Box 24156" in html
    assert '<a href="/sv/tillganglighet/">Tillgänglighetsredogörelse</a>' in html
    assert '<a href="/sv/statistik/">' in html


def test_menu_marks_the_current_section(client, demo_site):
    html = get(client, "/sv/ekonomiskt-bistand/sa-ansoker-du/")
    assert '<a href="/sv/ekonomiskt-bistand/" aria-current="page">' in html


def test_unknown_page_is_a_friendly_404(client, demo_site):
    response = client.get("/sv/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_pages_make_no_third_party_requests(client, demo_site):
    for path in ["/sv/", "/sv/oppettider/", "/sv/kvalitetsgaranti/kvalitetsgaranti-2026/"]:
        html = get(client, path)
        sources = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
        assert sources and all(src.startswith(("/", "http://testserver/")) for src in sources)


def test_guarantee_validity_states():
    page = GuaranteePage(valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31))
    assert page.validity_on(date(2025, 12, 31)) == "upcoming"
    assert page.validity_on(date(2026, 1, 1)) == "current"
    assert page.validity_on(date(2026, 12, 31)) == "current"
    assert page.validity_on(date(2027, 1, 1)) == "expired"


def test_hours_page_blocks_become_schedules(demo_site):
    schedules = OpeningHoursPage.objects.get(locale__language_code="sv").schedules()
    booking = schedules[0]
    assert booking.name == "Tidsbokning för nybesök"
    assert [len(booking.weekly[d]) for d in range(5)] == [2, 2, 2, 1, 1]
    assert booking.seasons[0].name == "Sommartider"


@time_machine.travel("2026-11-25 09:00 +01:00", tick=False)
def test_a_closed_day_staff_add_closes_the_hours_page(client, demo_site):
    from portal.models import ClosedDay

    ClosedDay.objects.create(date=date(2026, 11, 26), reason="Planeringsdag")
    html = get(client, "/sv/oppettider/")
    assert "torsdag 26 november" in html and "Planeringsdag" in html


@time_machine.travel("2026-12-21 09:00 +01:00", tick=False)
def test_a_service_name_cannot_end_the_json_ld_script(client, demo_site):
    page = OpeningHoursPage.objects.get(locale__language_code="sv")
    hostile = "Reception</script><script>alert(1)</script>"
    page.services[0].value["name"] = hostile
    page.save_revision().publish()
    html = get(client, "/sv/oppettider/")
    assert "<script>alert(1)" not in html
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(raw)["contactPoint"][0]["name"] == hostile
