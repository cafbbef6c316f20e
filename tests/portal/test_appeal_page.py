"""The public page "When is my last day to appeal?": a plain GET form in every language, its
answer in words, clear errors tied to the field, and an answer no cache keeps past midnight."""

import re
from html import unescape

import pytest
import time_machine
from django.conf import settings

pytestmark = pytest.mark.django_db

# A Friday in December 2026: told on 3 December, three weeks on is julafton.
TODAY = "2026-12-04 10:15 +01:00"
PATH = "/{code}/sista-dagen-att-overklaga/"

# Monday 28 December 2026, as a reader of each language sees it.
LAST_DAY_IN_WORDS = {
    "sv": "måndag 28 december 2026",
    "en": "Monday, 28 December 2026",
    "ar": "الاثنين، 28 ديسمبر 2026",
    "fa": "دوشنبه 28 دسامبر 2026",
    "so": "Isniin, Diseembar 28, 2026",
    "ti": "ሰኑይ፣ 28 ታሕሳስ 2026",
    "fi": "maanantai 28. joulukuuta 2026",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def get(client, path, data=None, status=200):
    response = client.get(path, data)
    assert response.status_code == status, path
    return response, unescape(response.content.decode())


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def date_field(html: str) -> str:
    return re.search(r'<input [^>]*name="told_on"[^>]*>', html, re.S).group(0)


def title_of(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def test_every_language_has_the_page_in_its_language_and_direction(client, demo_site):
    assert set(LAST_DAY_IN_WORDS) == set(LANGUAGES)
    for code in LANGUAGES:
        _response, html = get(client, PATH.format(code=code))
        direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in html
        main = main_of(html)
        # A plain GET form: nothing to run, nothing to post.
        form = re.search(r"<form [^>]*>", main).group(0)
        assert 'method="get"' in form and f'action="{PATH.format(code=code)}"' in form
        assert "<script" not in main
        assert '<label class="form-label" for="told-on">' in main
        field = date_field(main)
        assert 'type="date"' in field and 'id="told-on"' in field
        assert 'aria-describedby="told-on-hint"' in field
        assert 'id="told-on-hint"' in main
        assert '<button type="submit"' in main
        assert "appeal-result" not in main
        # Only the empty form is for search engines.
        assert 'name="robots"' not in html


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_day_is_given_in_words_in_the_readers_language(client, demo_site, code):
    _response, html = get(client, PATH.format(code=code) + "?told_on=2026-12-03")
    main = main_of(html)
    result = re.search(r'<section class="appeal-result".*?</section>', main, re.S).group(0)
    assert f'<time datetime="2026-12-28">{LAST_DAY_IN_WORDS[code]}</time>' in result
    assert LAST_DAY_IN_WORDS[code] in title_of(html)
    # The date typed stays in the field, to try another.
    assert 'value="2026-12-03"' in date_field(main)
    assert '<meta name="robots" content="noindex">' in html


@time_machine.travel(TODAY, tick=False)
def test_the_answer_says_why_the_day_moved_and_what_to_do(client, demo_site):
    _response, html = get(client, "/en/sista-dagen-att-overklaga/?told_on=2026-12-03")
    main = " ".join(main_of(html).split())
    assert "(Thursday, 3 December 2026) is Thursday, 24 December 2026." in main
    assert "you have until the next working day" in main
    assert "Your decision letter comes first" in main
    assert "If it says something different from this page, follow the letter." in main
    assert "to the unit that made the decision, not to the court" in main
    # Where to send it, from the site settings.
    assert re.search(r"<address><bdi lang=\"sv\">[^<]+<br>Box 24156", main)


@time_machine.travel(TODAY, tick=False)
def test_a_day_that_needs_no_moving_is_three_weeks_on(client, demo_site):
    _response, html = get(client, "/en/sista-dagen-att-overklaga/?told_on=2026-11-13")
    main = " ".join(main_of(html).split())
    assert '<time datetime="2026-12-04">Friday, 4 December 2026</time>' in main
    assert "That is three weeks after the day you were told of the decision" in main
    assert "Friday, 13 November 2026" in main
    # That Friday is today.
    assert "Today is the last day." in main
    assert "This day has passed." not in main


@time_machine.travel(TODAY, tick=False)
def test_a_last_day_that_has_passed_says_so(client, demo_site):
    _response, html = get(client, "/en/sista-dagen-att-overklaga/?told_on=2026-11-02")
    main = main_of(html)
    assert '<time datetime="2026-11-23">' in main
    assert "This day has passed." in main
    assert "Today is the last day." not in main


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("told_on", "error"),
    [
        ("", "Enter the day you were told of the decision."),
        ("   ", "Enter the day you were told of the decision."),
        ("yesterday", "Enter a real date as year-month-day, for example 2026-06-01."),
        ("2026-02-30", "Enter a real date as year-month-day, for example 2026-06-01."),
        ("03/12/2026", "Enter a real date as year-month-day, for example 2026-06-01."),
        ("2026-12-03\x00", "Enter a real date as year-month-day, for example 2026-06-01."),
        ("9" * 5000, "Enter a real date as year-month-day, for example 2026-06-01."),
        ("2026-12-05", "The day you were told cannot be later than today."),
        ("2025-12-03", "Enter a day within the last year."),
        ("1900-01-01", "Enter a day within the last year."),
    ],
)
def test_a_missing_bad_or_out_of_range_date_is_an_error_on_the_field(
    client, demo_site, told_on, error
):
    response, html = get(client, "/en/sista-dagen-att-overklaga/", {"told_on": told_on})
    main = main_of(html)
    assert title_of(html).startswith("Error: When is my last day to appeal?")
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', main, re.S).group(0)
    assert re.search(rf'<a href="#told-on">{re.escape(error)}', summary)
    message = re.search(r'<p class="invalid-feedback" id="told-on-error">(.*?)</p>', main, re.S)
    assert error in " ".join(message.group(1).split())
    field = date_field(main)
    assert 'aria-describedby="told-on-hint told-on-error"' in field
    assert 'aria-invalid="true"' in field and "autofocus" in field
    assert "appeal-result" not in main


@time_machine.travel(TODAY, tick=False)
def test_a_date_the_field_cannot_hold_is_not_put_back_in_it(client, demo_site):
    _response, html = get(client, "/en/sista-dagen-att-overklaga/?told_on=2026-02-30")
    assert 'value=""' in date_field(main_of(html))
    _response, html = get(client, "/en/sista-dagen-att-overklaga/?told_on=2026-12-05")
    assert 'value="2026-12-05"' in date_field(main_of(html))


@time_machine.travel(TODAY, tick=False)
def test_the_field_offers_the_days_the_page_accepts(client, demo_site):
    _response, html = get(client, "/sv/sista-dagen-att-overklaga/")
    field = date_field(html)
    assert 'min="2025-12-04"' in field and 'max="2026-12-04"' in field


@time_machine.travel(TODAY, tick=False)
def test_the_language_switcher_keeps_the_date(client, demo_site):
    _response, html = get(client, "/sv/sista-dagen-att-overklaga/?told_on=2026-12-03")
    nav = re.search(r'<nav class="language-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/ar/sista-dagen-att-overklaga/?told_on=2026-12-03"' in nav


def test_the_page_only_answers_reading(client, demo_site):
    response = client.post("/sv/sista-dagen-att-overklaga/", {"told_on": "2026-12-03"})
    assert response.status_code == 405
    assert client.head("/sv/sista-dagen-att-overklaga/").status_code == 200


@time_machine.travel("2026-12-04 23:30 +01:00", tick=False)
def test_the_answer_may_be_kept_but_not_past_midnight(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    response, _html = get(client, "/sv/sista-dagen-att-overklaga/?told_on=2026-12-03")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=1800"}


def test_staff_with_a_session_get_a_private_answer(client, demo_site, settings, admin_user):
    settings.PAGE_CACHE_SECONDS = 3600
    client.force_login(admin_user)
    response, _html = get(client, "/sv/sista-dagen-att-overklaga/")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@time_machine.travel("2026-12-04 10:15 +01:00", tick=False)
def test_the_answer_is_kept_no_longer_than_a_cached_page(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    response, _html = get(client, "/sv/sista-dagen-att-overklaga/")
    assert "max-age=600" in response["Cache-Control"]
    # The page cache keeps CMS pages only: this view does not go into it.
    get(client, "/sv/sista-dagen-att-overklaga/")
    response, _html = get(client, "/sv/sista-dagen-att-overklaga/")
    assert "X-Page-Cache" not in response


def test_the_feedback_form_links_to_the_page_beside_the_appeal_notice(client, demo_site):
    for code in ("sv", "ar"):
        _response, html = get(client, f"/{code}/synpunkter/")
        notice = re.search(r'<div class="notice notice--warning".*?</div>', html, re.S).group(0)
        assert f'<a href="/{code}/sista-dagen-att-overklaga/">' in notice
