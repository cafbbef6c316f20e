"""The open statistics counted afresh (issue #15): one grouped query per year shown, the same
number of queries whatever the size of the register."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from feedback import intake
from feedback.choices import Kind, Status
from feedback.models import Category, District, Feedback
from portal.models import GuaranteeCommitment
from portal.workdays import STOCKHOLM

pytestmark = pytest.mark.django_db
PAGE = "/sv/statistik/"
YEARS = (2024, 2025)
# Besides one grouped query per year: the years with feedback, the counts imported for years
# before the register (all of them in one), the answers to "Did our answer help?" (all years
# in one), the reader's and the default locale, the categories
# and their names in the reader's language, the commitments' codes, the districts and their
# names, and the guarantee in force with its commitments. (Before: 19 for two years.)
QUERIES_PER_YEAR = 1
OTHER_QUERIES = 12


def fill(count: int, start: int = 0) -> None:
    """``count`` items over two years, in every category, kind, district and state."""
    default = Locale.get_default()
    categories = list(Category.objects.filter(locale=default))
    districts = [None, *District.objects.filter(locale=default)]
    commitments = [None, *GuaranteeCommitment.objects.all()[:3]]
    kinds = list(Kind)
    for n in range(start, start + count):
        year = YEARS[n % 2]
        item = intake.register(
            Feedback(
                kind=kinds[n % len(kinds)],
                category=categories[n % len(categories)],
                district=districts[n % len(districts)],
                commitment=commitments[n % len(commitments)],
                language="sv",
                channel="web",
                message="…",
                name="Kim",
                answer_by="email" if n % 4 else "",
            ),
            received_at=datetime(year, 1 + n % 12, 1 + n % 28, 10, tzinfo=STOCKHOLM),
        ).feedback
        if n % 3 == 0:
            item.answered_on = date(year, 1 + n % 12, 1 + n % 28)
            item.status = Status.ANSWERED
            item.save()


def counting_queries(client) -> tuple[int, int]:
    """The queries of a page request that counts afresh, and of those the ones the counting
    makes (beyond a request that finds the figures counted)."""
    client.get(PAGE)
    with CaptureQueriesContext(connection) as counted:
        assert client.get(PAGE).status_code == 200
    # A change of any item's state makes the next visitor count again.
    item = Feedback.objects.order_by("pk").first()
    item.status = Status.IN_PROGRESS
    item.save()
    with CaptureQueriesContext(connection) as afresh:
        html = client.get(PAGE).content.decode()
    for year in YEARS:
        assert f'<section aria-labelledby="year-{year}">' in html
    return len(afresh), len(afresh) - len(counted)


def test_a_fresh_count_costs_the_same_with_5_and_200_items(client, demo_site):
    fill(5)
    few = counting_queries(client)
    fill(195, start=5)
    assert Feedback.objects.count() == 200
    many = counting_queries(client)
    assert many == few
    _request, counting = many
    assert counting <= QUERIES_PER_YEAR * len(YEARS) + OTHER_QUERIES


def test_each_further_year_costs_one_query(client, demo_site):
    fill(6)
    _request, two_years = counting_queries(client)
    intake.register(
        Feedback(
            kind=Kind.PRAISE,
            category=Category.objects.filter(locale=Locale.get_default()).first(),
            language="sv",
            channel="web",
            message="…",
        ),
        received_at=datetime(2023, 6, 1, 10, tzinfo=STOCKHOLM),
    )
    _request, three_years = counting_queries(client)
    assert three_years == two_years + QUERIES_PER_YEAR
