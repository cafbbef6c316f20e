"""Pages in the reader's language: locales, direction, switcher, fallback and hreflang."""

import re

import pytest
import time_machine
from django.conf import settings
from django.conf.locale import LANG_INFO

from tests.portal.test_pages import visible_text

LANGUAGES = settings.LANGUAGES
LANGUAGE_CODES = [code for code, _name in LANGUAGES]

pytestmark = pytest.mark.django_db

APPLY = "/ekonomiskt-bistand/sa-ansoker-du/"


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def links(html, rel):
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html))


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def test_languages_are_named_in_their_own_words_from_cldr():
    assert dict(LANGUAGES) == {
        "sv": "Svenska",
        "en": "English",
        "ar": "العربية",
        "fa": "فارسی",
        "so": "Soomaali",
        "ti": "ትግርኛ",
        "fi": "Suomi",
    }
    assert settings.LANGUAGES_BIDI == ["ar", "fa"]
    assert LANG_INFO["so"]["name"] == "Somali" and LANG_INFO["ti"]["name_local"] == "ትግርኛ"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_locale_renders_with_its_lang_and_direction(client, demo_site, code):
    direction = "rtl" if code in ("ar", "fa") else "ltr"
    for path in ["/", "/oppettider/", APPLY]:
        assert f'<html lang="{code}" dir="{direction}">' in html_of(client, f"/{code}{path}")


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("ar,en;q=0.5", "/ar/"),
        ("so", "/so/"),
        ("ti-ER", "/ti/"),
        ("de-DE,de", "/sv/"),
        ("", "/sv/"),
    ],
)
def test_bare_root_follows_accept_language_and_falls_back_to_swedish(
    client, demo_site, accept, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == expected


def test_switcher_keeps_the_reader_on_the_same_page(client, demo_site):
    html = html_of(client, f"/sv{APPLY}")
    switcher = re.search(r'<nav class="language-nav".*?</nav>', html, re.S).group(0)
    for code, name in LANGUAGES:
        assert f'<a href="/{code}{APPLY}" lang="{code}" hreflang="{code}"' in switcher
        assert f">{name}</a>" in switcher
    assert f'href="/sv{APPLY}" lang="sv" hreflang="sv" aria-current="true"' in switcher


def test_switcher_on_a_home_page_points_at_each_locale_home(client, demo_site):
    html = html_of(client, "/fi/")
    for code in LANGUAGE_CODES:
        assert f'<a href="/{code}/" lang="{code}"' in html


def test_translated_page_has_no_fallback_notice_and_lists_every_translation(client, demo_site):
    html = html_of(client, f"/ar{APPLY}")
    assert "fallback-notice" not in html
    assert "كيف تقدم طلبًا للحصول على المساعدة المالية" in html
    alternates = links(html, "alternate")
    assert set(alternates) == {*LANGUAGE_CODES, "x-default"}
    assert alternates["ar"] == f"http://testserver/ar{APPLY}"
    assert alternates["x-default"] == f"http://testserver/sv{APPLY}"
    assert canonical(html) == f"http://testserver/ar{APPLY}"


def test_untranslated_page_falls_back_to_swedish_with_a_notice(client, demo_site):
    html = html_of(client, "/ar/oppettider/")
    assert "لم تُترجم هذه الصفحة إلى لغتك بعد. أنت تقرأها باللغة السويدية." in html
    # The Swedish content says it is Swedish; the interface around it stays Arabic.
    assert '<div class="content">' in html
    assert '<h1 lang="sv" dir="ltr">Öppettider och telefontider</h1>' in html
    assert '<h2 id="service-1" lang="sv" dir="ltr">Tidsbokning för nybesök</h2>' in html
    assert "<caption>الأسبوع القادم</caption>" in html
    notice = re.search(r'<div class="notice fallback-notice".*?</div>', html, re.S).group(0)
    assert '<a href="/sv/oppettider/" lang="sv" hreflang="sv">Svenska</a>' in notice
    assert "English" not in notice
    assert canonical(html) == "http://testserver/sv/oppettider/"
    assert set(links(html, "alternate")) == {"sv", "x-default"}


def test_fallback_notice_in_somali(client, demo_site):
    html = html_of(client, "/so/oppettider/")
    assert "Boggan weli laguma turjumin luqaddaada." in html


def test_guarantee_in_english_and_arabic(client, demo_site):
    with time_machine.travel("2026-11-23 10:00 +01:00", tick=False):
        english = html_of(client, "/en/kvalitetsgaranti/kvalitetsgaranti-2026/")
        arabic = html_of(client, "/ar/kvalitetsgaranti/kvalitetsgaranti-2026/")
    assert "Service guarantee 2026" in english
    assert "You get a first appointment quickly" in english
    assert "14 calendar days – from when you book until your first visit" in visible_text(english)
    assert "Valid from 1 January 2026 to 31 December 2026" in english
    assert "تحصل على موعد أول بسرعة" in arabic
    assert "14 يومًا تقويميًا" in arabic
    assert "fallback-notice" not in arabic


def test_hours_read_naturally_in_somali_and_tigrinya(client, demo_site):
    with time_machine.travel("2026-12-21 09:00 +01:00", tick=False):
        somali = html_of(client, "/so/oppettider/")
        tigrinya = html_of(client, "/ti/oppettider/")
    assert "Isniin 21 Diseembar" in somali
    assert "ሰኑይ 21 ታሕሳስ" in tigrinya


def test_swedish_names_and_numbers_are_isolated_in_right_to_left_pages(client, demo_site):
    html = html_of(client, "/fa/")
    assert '<bdi class="site-name__unit" lang="sv">Försörjningsstödsenheten</bdi>' in html
    assert "<bdi>08-508 10 000</bdi>" in html


def test_untranslated_titles_in_menus_carry_their_own_language(client, demo_site):
    html = html_of(client, "/ar/")
    assert '<a href="/ar/ekonomiskt-bistand/">المساعدة المالية</a>' in html
    assert '<a href="/ar/oppettider/" lang="sv" dir="ltr">Öppettider och telefontider</a>' in html


def menu_slugs(html: str) -> list[str]:
    menu = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    return [href.split("/")[2] for href in re.findall(r'<a href="(/[^"]+)"', menu)]


def test_menu_follows_the_swedish_order_in_every_language(client, demo_site):
    swedish = menu_slugs(html_of(client, "/sv/"))
    assert len(swedish) >= 4
    for code in LANGUAGE_CODES:
        assert menu_slugs(html_of(client, f"/{code}/")) == swedish, code


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_fallback_content_is_marked_swedish_and_the_interface_stays_in_the_readers_language(
    client, demo_site, code
):
    html = html_of(client, f"/{code}/tillganglighet/")
    assert '<h1 lang="sv" dir="ltr">Tillgänglighetsredogörelse</h1>' in html
    # The section headings are interface strings: no Swedish wrapper around them.
    assert '<h2 id="compliance">' in html
    assert 'class="content" lang=' not in html
