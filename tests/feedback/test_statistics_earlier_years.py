"""The open statistics start before the register: imported years are listed after the
register's, marked as imported, with the same small-cell rules, kinds only where the source gave
them and no share answered in time (not known)."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from feedback import reports, statistics_cache
from feedback.earlier_counts_import import EXAMPLE, import_counts
from feedback.models import EarlierCount
from tests.feedback.test_open_statistics import PAGE, add, section, set_minimum, tables, total
from tests.feedback.test_statistics_suppression import possible_values

pytestmark = pytest.mark.django_db
IMPORTED = (
    "Counted before the register: imported from the unit's own reports. Whether answers came in "
    "time is not known for this year."
)


def in_swedish(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


@pytest.fixture
def imported(demo_site):
    outcome = import_counts(EXAMPLE.read_bytes())
    assert outcome.saved


def test_imported_years_are_marked_and_small_counts_hidden(client, imported):
    add("Information", 5, answered=True)  # the register's 2025
    html = client.get(PAGE).content.decode()
    years = [int(year) for year in re.findall(r'id="year-(\d+)"', html)]
    assert years == [2025, 2013, 2012]
    mark = in_swedish(IMPORTED)
    assert mark not in section(html, 2025)
    for year in (2012, 2013):
        assert mark in section(html, year)
        assert f"Verksamhetsberättelse {year}" in section(html, year)
        assert "%" not in section(html, year)  # no share answered in time: not known
    assert (total(html, 2012), total(html, 2013)) == (7, 3)
    # With the default minimum of 3 every count of these small years is hidden.
    (categories_2012,) = tables(html, 2012)  # no table by kind: the report gave no kinds
    assert set(categories_2012.values()) == {None}
    categories_2013, kinds_2013 = tables(html, 2013)
    assert set(categories_2013.values()) == {None} and set(kinds_2013.values()) == {None}
    not_recorded = in_swedish("Not recorded")
    assert not_recorded in categories_2013 and not_recorded in kinds_2013
    for year in (2012, 2013):
        for table in tables(html, year):
            for label, values in possible_values(table, total(html, year)).items():
                assert len(values) >= 2, (year, label)


def test_with_a_minimum_of_one_the_published_figures_show(client, imported):
    set_minimum(1)
    html = client.get(PAGE).content.decode()
    (categories_2012,) = tables(html, 2012)
    assert categories_2012 == {
        "Information": 2,
        "Bemötande": 2,
        "Handläggning": 2,
        "Insatser/verksamhet": 1,
        "Tillgänglighet": 0,
        "Webbplatsens tillgänglighet": 0,
        "Övrigt": 0,
    }
    assert in_swedish("Complaints, suggestions and praise were not counted apart.") in section(
        html, 2012
    )
    categories_2013, kinds_2013 = tables(html, 2013)
    not_recorded = in_swedish("Not recorded")
    assert categories_2013 == {
        "Information": 0,
        "Bemötande": 1,
        "Handläggning": 0,
        "Insatser/verksamhet": 0,
        "Tillgänglighet": 1,
        "Webbplatsens tillgänglighet": 0,
        "Övrigt": 0,
        not_recorded: 1,
    }
    assert kinds_2013 == {
        "Klagomål": 0,
        "Synpunkt eller förslag": 0,
        "Beröm": 1,
        not_recorded: 2,
    }


def test_a_year_with_fewer_than_the_minimum_shows_no_breakdown(client, imported):
    set_minimum(4)
    html = client.get(PAGE).content.decode()
    assert total(html, 2012) == 7
    assert "<table" not in section(html, 2013) and "Verksamhetsberättelse 2013" in section(
        html, 2013
    )


def test_in_other_languages_the_source_keeps_its_swedish(client, imported):
    html = client.get("/ar/statistik/").content.decode()
    assert '<span lang="sv" dir="ltr">Verksamhetsberättelse 2012</span>' in section(html, 2012)


def test_the_years_shown_are_the_newest_whether_counted_or_imported(imported):
    add("Information", 3)
    default = Locale.get_default()
    shown = reports.open_statistics(3, default, years=2)
    assert [(year.year, year.imported) for year in shown] == [(2025, False), (2013, True)]


def test_an_import_is_on_the_page_for_the_next_visitor(
    client, demo_site, django_capture_on_commit_callbacks
):
    assert 'id="year-2012"' not in client.get(PAGE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_earlier_counts", str(EXAMPLE))
    assert 'id="year-2012"' in client.get(PAGE).content.decode()


def test_imported_years_cost_one_query_whatever_their_number(client, demo_site):
    add("Information", 3)

    def queries() -> int:
        statistics_cache.register_changed()
        with CaptureQueriesContext(connection) as captured:
            client.get(PAGE)
        return len(captured)

    client.get(PAGE)  # what the first request of all reads (the site, the page directory)
    none = queries()
    EarlierCount.objects.create(year=2010, count=4, source="VB 2010")
    one = queries()
    import_counts(EXAMPLE.read_bytes())
    assert queries() == one
    assert one == none  # the imported counts are read in the query that finds none as well
