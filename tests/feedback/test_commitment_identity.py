"""One commitment across languages and years: the report counts feedback by the commitment's
code, titled in Swedish as in the current guarantee, whether the item named it through the
Swedish or the English guarantee, or through last year's guarantee under its old code."""

from datetime import date, datetime

import pytest
from wagtail.models import Locale

from feedback import reports
from feedback.models import Feedback
from feedback.periods import Period
from portal.commitments import commitments
from portal.models import GuaranteePage
from tests.feedback.test_follow_up import feedback_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def guarantee_2026(demo_site):
    return GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")


@pytest.fixture
def guarantee_2025(guarantee_2026):
    """Last year's guarantee, where the decision commitment had the code beslut-2025."""
    page = guarantee_2026.copy(
        update_attrs={
            "slug": "kvalitetsgaranti-2025",
            "title": "Kvalitetsgaranti 2025",
            "valid_from": date(2025, 1, 1),
            "valid_to": date(2025, 12, 31),
        }
    ).specific
    page.commitments.filter(code="beslut").update(code="beslut-2025", title="Beslut inom 14 dagar")
    return page


def test_one_commitment_titled_differently_in_two_languages_and_two_years(
    guarantee_2025, guarantee_2026
):
    current = guarantee_2026.commitments.get(code="beslut")
    current.replaces_code = "beslut-2025"
    current.save()
    english = guarantee_2026.get_translation(Locale.objects.get(language_code="en")).specific
    in_english = english.commitments.get(code="beslut")
    in_english.title = "You get a decision without undue delay"
    in_english.save()
    last_year = guarantee_2025.commitments.get(code="beslut-2025")

    feedback_on(current, when=datetime(2026, 2, 2, 10))
    feedback_on(current, when=datetime(2026, 3, 2, 10))
    feedback_on(in_english, when=datetime(2026, 4, 2, 10))
    feedback_on(last_year, when=datetime(2026, 1, 2, 10))  # named on the old page in January
    assert Feedback.objects.count() >= 4

    rows = reports.build(Period.year(2026)).by_commitment
    decisions = [row for row in rows if row[0] in ("beslut", "beslut-2025")]
    assert decisions == [("beslut", current.title, 4)]
    assert commitments().codes_of("beslut-2025") == {"beslut", "beslut-2025"}


def test_without_the_mapping_the_old_code_is_its_own_commitment(guarantee_2025, guarantee_2026):
    feedback_on(guarantee_2025.commitments.get(code="beslut-2025"), when=datetime(2026, 1, 2, 10))
    feedback_on(guarantee_2026.commitments.get(code="beslut"), when=datetime(2026, 2, 2, 10))
    rows = {code: n for code, _title, n in reports.build(Period.year(2026)).by_commitment}
    assert rows["beslut"] == 1 and rows["beslut-2025"] == 1
