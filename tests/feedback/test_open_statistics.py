"""The public statistics: honest totals, no free text, no count small enough to identify anyone,
and none that can be worked out from the others."""

import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Site

from feedback import intake, statistics_cache
from feedback.models import Category, Feedback, FeedbackSettings
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish
from tests.feedback.test_statistics_suppression import possible_values

pytestmark = pytest.mark.django_db
PAGE = "/sv/statistik/"
SWEDISH_CATEGORIES = [
    "Information",
    "Bemötande",
    "Handläggning",
    "Insatser/verksamhet",
    "Tillgänglighet",
    "Webbplatsens tillgänglighet",
    "Övrigt",
]
ROW = re.compile(r'<tr><th scope="row"([^>]*)>(.*?)</th><td>(.*?)</td></tr>')


def add(category, n, kind="suggestion", answered=False, answer_by="email", year=2025):
    for _ in range(n):
        item = intake.register(
            Feedback(
                kind=kind,
                category=swedish(Category, category),
                language="sv",
                channel="web",
                message="Hemligt: Kim Andersson, Storgatan 1",
                name="Kim",
                answer_by=answer_by,
                email="kim@example.org",
            ),
            received_at=datetime(year, 5, 2, 10, tzinfo=STOCKHOLM),
        ).feedback
        if answered:
            item.answered_on = date(year, 5, 6)
            item.save()


def section(html: str, year: int) -> str:
    start = html.index(f'<section aria-labelledby="year-{year}">')
    return html[start : html.index("</section>", start)]


def tables(html: str, year: int) -> list[dict]:
    """Each table of the year as {label: count, or None where hidden}, in the page's order."""
    return [
        {
            label: int(value) if value.isdigit() else None
            for _attrs, label, value in ROW.findall(table)
        }
        for table in section(html, year).split("<table")[1:3]  # the counts, not the shares
    ]


def total(html: str, year: int) -> int:
    return int(re.search(r"(\d+) synpunkter totalt\.", section(html, year)).group(1))


def set_minimum(n):
    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.statistics_minimum = n
    settings.save()


def deactivate(*names):
    Category.objects.filter(locale=Locale.get_default(), name__in=names).update(is_active=False)


@pytest.fixture
def year_2025(demo_site):
    add("Information", 5, answered=True)
    add("Bemötande", 2, kind="complaint")
    add("Handläggning", 1, kind="praise")


def test_every_category_and_kind_is_listed_with_small_counts_hidden(client, year_2025):
    html = client.get(PAGE).content.decode()
    categories, kinds = tables(html, 2025)
    assert total(html, 2025) == 8
    # Zeros are listed and hidden like the small counts: a row says nothing about its count.
    assert list(categories.items()) == [
        ("Information", 5),
        *((name, None) for name in SWEDISH_CATEGORIES[1:]),
    ]
    assert kinds == {"Synpunkt eller förslag": 5, "Klagomål": None, "Beröm": None}
    # One neutral mark, explained under the tables; never "fewer than" a hidden cell.
    assert '<span aria-hidden="true">–</span>' in html and 'id="not-shown"' in html
    assert "färre än" not in html
    assert "<td>2</td>" not in html and "<td>1</td>" not in html and "<td>0</td>" not in html
    # By subject, by kind, and the shares answered in time by district and by commitment.
    assert html.count('<table class="data-table">') == 4


def test_a_lone_small_count_cannot_be_worked_out_from_the_total(client, demo_site):
    # Before: 10 in all, 5 and 4 shown and one "fewer than 3", which could only be 1.
    deactivate("Insatser/verksamhet", "Tillgänglighet", "Webbplatsens tillgänglighet", "Övrigt")
    add("Information", 5)
    add("Bemötande", 4, kind="complaint")
    add("Handläggning", 1, kind="praise")
    html = client.get(PAGE).content.decode()
    categories, kinds = tables(html, 2025)
    assert categories == {"Information": 5, "Bemötande": None, "Handläggning": None}
    assert kinds == {"Synpunkt eller förslag": 5, "Klagomål": None, "Beröm": None}
    for table in (categories, kinds):
        for label, values in possible_values(table, total(html, 2025)).items():
            assert len(values) >= 2, label


def test_no_hidden_count_can_be_worked_out_on_the_page(client, demo_site):
    add("Information", 7)
    add("Bemötande", 5, kind="complaint")
    add("Handläggning", 1, kind="complaint")
    add("Övrigt", 9, kind="praise")
    html = client.get(PAGE).content.decode()
    categories, kinds = tables(html, 2025)
    assert kinds == {"Synpunkt eller förslag": 7, "Klagomål": 6, "Beröm": 9}
    # Before: 22 in all with 7, 5 and 9 shown and no zero rows: the one hidden count was 1.
    # Now the zeros are listed and hidden too, so that count could be in any of three rows.
    assert categories == {
        "Information": 7,
        "Bemötande": 5,
        "Handläggning": None,
        "Insatser/verksamhet": None,
        "Tillgänglighet": None,
        "Webbplatsens tillgänglighet": None,
        "Övrigt": 9,
    }
    for table in (categories, kinds):
        for label, values in possible_values(table, total(html, 2025)).items():
            assert len(values) >= 2, label


def test_inactive_categories_are_listed_only_where_they_have_feedback(client, demo_site):
    deactivate("Tillgänglighet", "Övrigt")
    add("Övrigt", 4)
    categories, _kinds = tables(client.get(PAGE).content.decode(), 2025)
    assert "Övrigt" in categories and "Tillgänglighet" not in categories


def test_a_year_below_the_minimum_shows_no_breakdown(client, year_2025):
    add("Information", 2, year=2024)
    html = client.get(PAGE).content.decode()
    assert "Färre än 3 synpunkter." in section(html, 2024)
    assert "<table" not in section(html, 2024)
    assert tables(html, 2025)  # the year with enough feedback still has its tables


def test_no_free_text_or_personal_data(client, year_2025):
    html = client.get(PAGE).content.decode()
    for secret in ("Hemligt", "Kim", "Storgatan", "kim@example.org"):
        assert secret not in html


def test_share_answered_in_time_counts_everyone_who_asked_and_was_due(client, demo_site):
    # Before: 3 answered of 23 who asked showed 100 %.
    add("Information", 3, answered=True)
    add("Bemötande", 20, kind="complaint")  # asked, due long ago, never answered
    add("Handläggning", 4, answered=True, answer_by="")  # did not ask: not counted
    add("Övrigt", 3, kind="praise")  # praise has no answer deadline: not counted
    html = client.get(PAGE).content.decode()
    assert "13 % av dem som bad om svar fick det i tid." in html  # 3 of 23
    assert "100 %" not in html


def test_share_answered_in_time_of_the_sample_year(client, year_2025):
    # 5 answered in time, 2 complaints unanswered; the praise asked but has no deadline.
    assert "71 % av dem som bad om svar fick det i tid." in client.get(PAGE).content.decode()


def test_the_share_is_not_shown_when_too_few_were_due(client, demo_site):
    add("Information", 2, answered=True)
    add("Bemötande", 10, answer_by="")
    html = client.get(PAGE).content.decode()
    assert total(html, 2025) == 12
    assert "av dem som bad om svar" not in html


def test_the_threshold_is_a_setting(client, year_2025):
    set_minimum(1)
    html = client.get(PAGE).content.decode()
    categories, kinds = tables(html, 2025)
    assert categories["Handläggning"] == 1 and categories["Övrigt"] == 0
    assert kinds["Beröm"] == 1
    assert 'id="not-shown"' not in html


def test_in_arabic_with_arabic_category_names(client, year_2025):
    html = client.get("/ar/statistik/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<th scope="row">معلومات</th>' in html
    # The page itself is untranslated: its Swedish title keeps its language.
    assert '<h1 lang="sv" dir="ltr">' in html


def test_an_untranslated_category_name_is_marked_swedish(client, year_2025):
    Category.objects.create(locale=Locale.get_default(), name="Ny kategori", sort_order=10)
    add("Ny kategori", 3)
    arabic = client.get("/ar/statistik/").content.decode()
    assert '<th scope="row" lang="sv" dir="ltr">Ny kategori</th><td>3</td>' in arabic
    assert '<th scope="row">معلومات</th><td>5</td>' in arabic
    swedish_page = client.get(PAGE).content.decode()
    assert '<th scope="row">Ny kategori</th><td>3</td>' in swedish_page
    assert '<h1 lang="sv"' not in swedish_page


def test_the_figures_are_counted_once_per_change_of_the_register(client, demo_site, settings):
    """A visitor after the first costs no counting; a new item is counted at once, and a
    citizen's cached copy of the page follows within minutes."""
    add("Bemötande", 12)
    first = statistics_cache.open_statistics(5, "sv", years=5)
    with CaptureQueriesContext(connection) as captured:
        assert statistics_cache.open_statistics(5, "sv", years=5) == first
    assert len(captured) == 0

    add("Bemötande", 1)
    counted = statistics_cache.open_statistics(5, "sv", years=5)
    assert counted[0].total == first[0].total + 1

    settings.PAGE_CACHE_SECONDS = 3600
    kept = client.get(PAGE)
    assert client.get(PAGE)["X-Page-Cache"] == "hit"
    add("Bemötande", 1)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        later = client.get(PAGE)
    assert later["X-Page-Cache"] == "miss"
    assert later.content != kept.content
