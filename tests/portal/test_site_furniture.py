"""What every public site has: a favicon, robots.txt, sitemap.xml with hreflang alternates for
real translations only, a meta description on every page and a site search in the reader's
language that works without JavaScript."""

import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page, PageViewRestriction

from portal.models import GuaranteeIndexPage, StandardPage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ORIGIN = "http://testserver"


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def static_file(url: str):
    """The file a /static/ URL is served from, or None."""
    assert url.startswith(settings.STATIC_URL), url
    return finders.find(url[len(settings.STATIC_URL) :])


def meta_description(html: str) -> tuple[str, str] | None:
    """The description's text and the element's other attributes."""
    found = re.findall(r'<meta name="description" content="([^"]*)"([^>]*)>', html)
    assert len(found) <= 1
    return (unescape(found[0][0]), found[0][1]) if found else None


def result_links(html: str) -> list[tuple[str, str]]:
    """(href, the rest of the <a> tag) of each search result."""
    return re.findall(r'class="search-result__title"><a href="([^"]+)"([^>]*)>', html)


# Favicon


def test_favicon_ico_redirects_to_an_icon_in_the_static_files(client, demo_site):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    path = static_file(response["Location"])
    assert path is not None
    with open(path, "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_links_its_icons(client, demo_site):
    for path in ["/sv/", "/ar/kvalitetsgaranti/", "/en/sok/?q=x"]:
        html = get(client, path)
        svg = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
        assert svg, path
        with open(static_file(svg.group(1)), encoding="utf-8") as icon:
            assert icon.read().startswith("<svg")
        ico = re.search(r'<link rel="icon" href="([^"]+\.ico)"', html)
        assert ico and static_file(ico.group(1)), path
        touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', html)
        assert touch and static_file(touch.group(1)), path


# robots.txt


def test_robots_txt_allows_all_but_the_admin_and_names_the_sitemap(client, demo_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
    # Search results are not for crawling, in any language.
    for code, _name in settings.LANGUAGES:
        assert f"Disallow: /{code}/sok/" in lines


# sitemap.xml


@pytest.fixture
def sitemap(client, demo_site) -> dict[str, dict[str, str]]:
    """Each <loc> in sitemap.xml with its alternates ({hreflang: href})."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        assert loc not in entries, f"{loc} listed twice"
        assert url.find("s:lastmod", SITEMAP_NS) is not None
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
    return entries


def test_sitemap_lists_swedish_pages_and_real_translations(sitemap):
    for path in [
        "/sv/",
        "/sv/kvalitetsgaranti/",
        "/sv/oppettider/",
        "/sv/synpunkter/",
        "/sv/lattlast/",
        "/en/",
        "/en/kvalitetsgaranti/",
        "/ar/",
        "/ar/kvalitetsgaranti/",
        "/ar/ekonomiskt-bistand/sa-ansoker-du/",
    ]:
        assert ORIGIN + path in sitemap, path


def test_sitemap_lists_no_alias_of_an_untranslated_page(sitemap):
    # The opening hours are in Swedish only: /en/oppettider/ is an alias of the Swedish page.
    assert ORIGIN + "/en/oppettider/" not in sitemap
    assert ORIGIN + "/ar/tillganglighet/" not in sitemap
    assert ORIGIN + "/fa/kvalitetsgaranti/" not in sitemap
    aliases = Page.objects.live().filter(alias_of__isnull=False)
    assert aliases.exists()
    for alias in aliases:
        assert ORIGIN + alias.url not in sitemap, alias.url


def test_sitemap_is_every_live_public_page_in_its_own_language(sitemap):
    expected = {
        ORIGIN + page.url
        for page in Page.objects.live().public().filter(depth__gte=2, alias_of__isnull=True)
    }
    assert set(sitemap) == expected


def test_sitemap_gives_translated_pages_hreflang_alternates(sitemap):
    guarantee = {
        code: f"{ORIGIN}/{code}/kvalitetsgaranti/" for code in ("sv", "en", "ar", "so", "fi")
    }
    guarantee = {code: url for code, url in guarantee.items() if url in sitemap}
    assert {"sv", "en", "ar"} <= set(guarantee)
    for url in guarantee.values():
        # Every version names every version, itself included, and Swedish as x-default.
        assert sitemap[url] == {**guarantee, "x-default": guarantee["sv"]}


def test_sitemap_alternates_are_listed_pages_and_single_language_pages_have_none(sitemap):
    assert sitemap[ORIGIN + "/sv/oppettider/"] == {}
    assert sitemap[ORIGIN + "/sv/lattlast/"] == {}
    for alternates in sitemap.values():
        for href in alternates.values():
            assert href in sitemap, href


# Meta description


def test_meta_description_falls_back_to_the_introduction(client, demo_site):
    page = GuaranteeIndexPage.objects.get(locale__language_code="sv")
    assert page.search_description == ""
    description, attributes = meta_description(get(client, "/sv/kvalitetsgaranti/"))
    assert description.startswith("I vår kvalitetsgaranti lovar vi vad du kan förvänta dig")
    assert "<" not in description
    assert "lovar. Garantin" in description  # paragraphs do not run together
    assert len(description) <= 160
    assert description.endswith("…")
    assert attributes == ""


def test_meta_description_falls_back_to_the_summary(client, demo_site):
    description, _ = meta_description(get(client, "/ar/ekonomiskt-bistand/sa-ansoker-du/"))
    summary = Page.objects.get(url_path__endswith="/sa-ansoker-du/", locale__language_code="ar")
    assert description == summary.specific.summary


def test_meta_description_is_the_search_description_when_set(client, demo_site):
    page = GuaranteeIndexPage.objects.get(locale__language_code="sv")
    page.search_description = "Vad vi lovar dig & vad du kan göra om vi inte håller det."
    page.save()
    html = get(client, "/sv/kvalitetsgaranti/")
    assert meta_description(html) == (page.search_description, "")
    assert "Vad vi lovar dig &amp; vad" in html


def test_meta_description_of_an_untranslated_page_is_marked_swedish(client, demo_site):
    description, attributes = meta_description(get(client, "/en/oppettider/"))
    assert description.startswith("Här ser du när du kan ringa")
    assert attributes == ' lang="sv" dir="ltr"'


def test_every_public_page_has_a_meta_description(client, demo_site):
    for page in Page.objects.live().public().filter(depth__gte=2, alias_of__isnull=True):
        assert meta_description(get(client, page.url)), page.url


# Search


def test_search_form_is_in_every_page_header_in_the_readers_language(client, demo_site):
    for code in ["sv", "ar"]:
        html = get(client, f"/{code}/kvalitetsgaranti/")
        header = html[html.index("<header") : html.index("</header>")]
        form = re.search(r'<form class="site-search" role="search"[^>]*>', header).group(0)
        assert 'method="get"' in form
        assert f'action="/{code}/sok/"' in form
        assert re.search(r'<label [^>]*for="site-search-q">[^<]+</label>', header)
        assert re.search(r'<input [^>]*type="search" id="site-search-q" name="q"', header)
        assert 'type="submit"' in header


def test_search_finds_the_guarantee_in_swedish(client, demo_site):
    html = get(client, "/sv/sok/?q=Kvalitetsgaranti")
    links = result_links(html)
    hrefs = [href for href, _rest in links]
    assert "/sv/kvalitetsgaranti/" in hrefs
    assert all(href.startswith("/sv/") for href in hrefs)
    assert all(rest == "" for _href, rest in links)  # Swedish pages need no language mark
    count = len(links)
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert str(count) in h1 and "<bdi>Kvalitetsgaranti</bdi>" in h1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert str(count) in title and "Kvalitetsgaranti" in title
    assert '<meta name="robots" content="noindex">' in html
    # The header's search field keeps the query.
    assert 'name="q" value="Kvalitetsgaranti"' in html
    # Each result says what it is about.
    assert "I vår kvalitetsgaranti lovar vi" in html


def test_search_returns_only_the_active_locale_and_marks_swedish_aliases(client, demo_site):
    html = get(client, "/en/sok/?q=Kvalitetsgaranti")
    links = dict(result_links(html))
    assert links
    assert all(href.startswith("/en/") for href in links)
    # The 2007 guarantee is untranslated: its English URL is found, marked as Swedish content.
    assert links["/en/kvalitetsgaranti/kvalitetsgaranti-2007/"] == ' lang="sv" dir="ltr"'
    assert "/en/kvalitetsgaranti/" not in links  # translated: "Service guarantee"


def test_search_in_arabic_finds_arabic_pages(client, demo_site):
    html = get(client, "/ar/sok/?q=" + quote("ضمان"))
    assert '<html lang="ar" dir="rtl">' in html
    links = dict(result_links(html))
    assert links.get("/ar/kvalitetsgaranti/") == ""
    assert all(href.startswith("/ar/") for href in links)


def test_search_finds_words_in_the_introduction_and_commitments(client, demo_site):
    home = dict(result_links(get(client, "/sv/sok/?q=Kungsholmen")))
    assert "/sv/" in home
    commitments = dict(result_links(get(client, "/sv/sok/?q=nybesök")))
    assert any(href.startswith("/sv/kvalitetsgaranti/kvalitetsgaranti-") for href in commitments)


@pytest.mark.parametrize("query", ["", "   ", "?q="])
def test_empty_search_shows_the_search_page_without_an_error(client, demo_site, query):
    path = "/sv/sok/" if query == "?q=" else f"/sv/sok/?q={quote(query)}"
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"<h1>[^<]+</h1>", html)
    assert result_links(html) == []
    assert "search-results" not in html


def test_search_without_results_says_so(client, demo_site):
    html = get(client, "/sv/sok/?q=xyzzyplugh")
    assert result_links(html) == []
    assert re.search(r"<h1>0 [^<]*<bdi>xyzzyplugh</bdi>", html)
    assert "<p>" in html[html.index("</h1>") :]


@pytest.mark.parametrize(
    "query", ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', 'a"b', "a\x00b"]
)
def test_search_escapes_the_query_and_survives_odd_input(client, demo_site, query):
    html = get(client, "/sv/sok/?q=" + quote(query))
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    if "<" in query:
        assert "&lt;" in html


def test_search_leaves_out_drafts_and_private_pages(client, demo_site):
    word = "Snöflingepärla"
    for slug in ("utkast", "privat", "publik"):
        page = StandardPage(title=f"{word} {slug}", slug=slug, summary=word)
        demo_site.add_child(instance=page)
        page.save_revision().publish()
    Page.objects.get(slug="utkast", locale=demo_site.locale).unpublish()
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="privat", locale=demo_site.locale),
        restriction_type=PageViewRestriction.PASSWORD,
        password="hemligt",
    )
    hrefs = [href for href, _ in result_links(get(client, "/sv/sok/?q=" + quote(word)))]
    assert hrefs == ["/sv/publik/"]


def test_search_results_come_twenty_to_a_page(client, demo_site):
    word = "Paginering"
    for number in range(21):
        page = StandardPage(title=f"{word} {number}", slug=f"sida-{number}", summary=word)
        demo_site.add_child(instance=page)
        page.save_revision().publish()

    first = get(client, f"/sv/sok/?q={word}")
    assert len(result_links(first)) == 20
    assert re.search(r"<h1>21 ", first)
    assert f'rel="next" href="?q={word}&amp;page=2"' in first
    assert 'rel="prev"' not in first
    assert 'class="pagination" aria-label=' in first

    second = get(client, f"/sv/sok/?q={word}&page=2")
    assert len(result_links(second)) == 1
    assert '<ol class="search-results" start="21">' in second
    assert f'rel="prev" href="?q={word}&amp;page=1"' in second
    assert 'rel="next"' not in second
    # The title tells the pages apart.
    first_title = re.search(r"<title>(.*?)</title>", first, re.S).group(1)
    second_title = re.search(r"<title>(.*?)</title>", second, re.S).group(1)
    assert first_title != second_title

    # A page number out of range or not a number shows a page of results, not an error.
    assert len(result_links(get(client, f"/sv/sok/?q={word}&page=99"))) == 1
    assert len(result_links(get(client, f"/sv/sok/?q={word}&page=x"))) == 20


def test_language_switcher_on_search_results_keeps_the_search(client, demo_site):
    html = client.get("/sv/sok/?q=garanti").content.decode()
    switcher = html[html.index('class="language-nav"') : html.index("</nav>")]
    assert 'href="/en/sok/?q=garanti"' in switcher
    assert 'href="/ar/sok/?q=garanti"' in switcher
