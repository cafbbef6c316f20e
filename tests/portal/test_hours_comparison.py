"""Comparing two revisions of the hours page shows the hours in words ("Måndag–onsdag
08:30–12:00"), one line per row, and marks only the lines that changed."""

import pytest
from django.utils import translation

from portal.blocks import ServiceBlock
from portal.hours_comparison import ServiceComparison
from portal.models import OpeningHoursPage
from tests.portal.test_hours_editor import editor, hours_form  # noqa: F401 (fixture)

BLOCK = ServiceBlock()


def service(friday_closes="15:00", exceptions=()):
    return BLOCK.to_python(
        {
            "name": "Reception",
            "description": "",
            "regular_hours": [
                {"weekdays": ["0", "1", "2", "3"], "opens": "08:30", "closes": "16:00"},
                {"weekdays": ["4"], "opens": "08:30", "closes": friday_closes},
            ],
            "seasons": [
                {
                    "name": "Sommar",
                    "starts": "2027-06-21",
                    "ends": "2027-08-15",
                    "hours": [{"weekdays": ["1", "3"], "opens": "09:00", "closes": "12:00"}],
                }
            ],
            "exceptions": list(exceptions),
        }
    )


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def test_the_hours_read_as_words():
    html = ServiceComparison(BLOCK, True, True, service(), service()).htmlvalue(service())
    assert "<li>Ordinarie tider per vecka: Måndag–torsdag 08:30–16:00</li>" in html
    assert "<li>Sommar 2027-06-21 – 2027-08-15: Tisdag, torsdag 09:00–12:00</li>" in html


def test_only_the_changed_row_is_marked():
    closed = [{"date": "2026-12-09", "note": "Personaldag", "hours": []}]
    before, after = service(), service(friday_closes="14:00", exceptions=closed)
    html = ServiceComparison(BLOCK, True, True, before, after).htmldiff()
    assert html.count('class="deletion"') == 1 and html.count('class="addition"') == 2
    assert '<del class="deletion">Ordinarie tider per vecka: Fredag 08:30–15:00</del>' in html
    assert '<ins class="addition">Ordinarie tider per vecka: Fredag 08:30–14:00</ins>' in html
    assert '<ins class="addition">2026-12-09 (Personaldag): Stängt</ins>' in html
    assert "<li>Ordinarie tider per vecka: Måndag–torsdag 08:30–16:00</li>" in html


def test_what_an_editor_typed_is_escaped():
    value = service()
    value["name"] = "<script>alert(1)</script>"
    html = ServiceComparison(BLOCK, True, True, value, value).htmlvalue(value)
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_the_admin_compare_view_shows_the_hours_in_words(editor):  # noqa: F811
    page = OpeningHoursPage.objects.get(locale__language_code="sv")
    before = page.latest_revision
    empty = {"opens": "", "closes": ""}
    assert editor.post(f"/admin/pages/{page.pk}/edit/", hours_form(page, empty)).status_code == 302
    page.refresh_from_db()
    url = f"/admin/pages/{page.pk}/revisions/compare/{before.pk}...{page.latest_revision.pk}/"
    html = editor.get(url).content.decode()
    assert "2026-12-09 (Personaldag): Stängt" in html
    assert "Måndag–onsdag 08:30–12:00" in html
    assert "[&#x27;0&#x27;" not in html and "ListValue" not in html
