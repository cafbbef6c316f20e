"""Easy-to-read Swedish (lättläst) as a page variant linked both ways with the standard page."""

import pytest

pytestmark = pytest.mark.django_db


def test_easy_read_page_links_to_the_standard_page(client, demo_site):
    html = client.get("/sv/lattlast/sa-soker-du-pengar/").content.decode()
    assert '<html lang="sv" dir="ltr">' in html
    assert "Ta med legitimation." in html
    assert '<a href="/sv/ekonomiskt-bistand/sa-ansoker-du/">Läs sidan på vanlig svenska</a>' in html


def test_standard_page_links_to_its_easy_read_version(client, demo_site):
    html = client.get("/sv/ekonomiskt-bistand/sa-ansoker-du/").content.decode()
    assert '<a href="/sv/lattlast/sa-soker-du-pengar/">Lättläst</a>' in html


def test_translations_of_the_standard_page_link_to_it_too(client, demo_site):
    html = client.get("/en/ekonomiskt-bistand/sa-ansoker-du/").content.decode()
    assert '<a href="/sv/lattlast/sa-soker-du-pengar/">Easy-to-read Swedish</a>' in html


def test_easy_read_start_page_says_what_we_do_rights_and_how_to_contact(client, demo_site):
    html = client.get("/sv/lattlast/").content.decode()
    for heading in ["Det här har du rätt till", "Det här behöver du göra", "Så kontaktar du oss"]:
        assert heading in html
    assert 'href="/sv/lattlast/sa-soker-du-pengar/"' in html
    assert "Läs sidan på vanlig svenska" in html


def test_pages_without_an_easy_read_version_show_no_link(client, demo_site):
    assert "easy-read-link" not in client.get("/sv/oppettider/").content.decode()
