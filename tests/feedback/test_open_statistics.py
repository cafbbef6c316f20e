"""The public statistics: honest totals, no free text, no cell small enough to identify anyone."""

from datetime import date, datetime

import pytest

from feedback import intake
from feedback.models import Category, Feedback
from portal.hours import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
PAGE = "/sv/statistik/"


def add(category, n, kind="suggestion", answered=False):
    for _ in range(n):
        item = intake.register(
            Feedback(
                kind=kind,
                category=swedish(Category, category),
                language="sv",
                channel="web",
                message="Hemligt: Kim Andersson, Storgatan 1",
                name="Kim",
                answer_by="email",
                email="kim@example.org",
            ),
            received_at=datetime(2025, 5, 2, 10, tzinfo=STOCKHOLM),
        ).feedback
        if answered:
            item.answered_on = date(2025, 5, 6)
            item.save()


@pytest.fixture
def year_2025(demo_site):
    add("Information", 5, answered=True)
    add("Bemötande", 2, kind="complaint")
    add("Handläggning", 1, kind="praise")


def test_totals_per_category_and_kind_with_small_cells_suppressed(client, year_2025):
    html = client.get(PAGE).content.decode()
    assert "8 synpunkter totalt" in html or ">2025<" in html
    assert '<th scope="row">Information</th><td>5</td>' in html
    assert '<th scope="row">Bemötande</th><td>färre än 3</td>' in html
    assert '<th scope="row">Handläggning</th><td>färre än 3</td>' in html
    assert "<td>2</td>" not in html and "<td>1</td>" not in html


def test_no_free_text_or_personal_data(client, year_2025):
    html = client.get(PAGE).content.decode()
    for secret in ("Hemligt", "Kim", "Storgatan", "kim@example.org"):
        assert secret not in html


def test_share_answered_in_time(client, year_2025):
    assert "100 % av dem som bad om svar fick det i tid." in client.get(PAGE).content.decode()


def test_the_threshold_is_a_setting(client, year_2025):
    from wagtail.models import Site

    from feedback.models import FeedbackSettings

    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.statistics_minimum = 1
    settings.save()
    assert '<th scope="row">Handläggning</th><td>1</td>' in client.get(PAGE).content.decode()


def test_in_arabic_with_arabic_category_names(client, year_2025):
    html = client.get("/ar/statistik/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "معلومات" in html
