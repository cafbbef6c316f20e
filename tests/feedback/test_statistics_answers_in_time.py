"""The open statistics show the share answered in time per district and per commitment of
the guarantee in force, under the small-cell rule for shares: only where at least the
minimum were due for an answer."""

from datetime import date, datetime, timedelta

import pytest

from feedback.models import Feedback
from portal.models import GuaranteePage
from tests.feedback.test_follow_up import commitment, feedback_on

pytestmark = pytest.mark.django_db
PAGE = "/en/statistik/"


def due_and_answered(item, in_time: bool) -> None:
    due = date(2026, 3, 20)
    Feedback.objects.filter(pk=item.pk).update(
        answer_by="email",
        email="kim@example.org",
        answer_due=due,
        answered_on=due + timedelta(days=0 if in_time else 5),
        status="answered",
    )


def rows(html: str, caption: str) -> dict[str, str]:
    table = html.split(f"<caption>{caption}</caption>")[1].split("</table>")[0]
    cells = {}
    for row in table.split("<tr>")[2:]:
        label = row.split(">", 1)[1].split("</th>")[0]
        value = row.split("<td>")[1].split("</td>")[0].strip()
        cells[label] = "–" if "not shown" in value else value
    return cells


def test_shares_by_district_and_commitment_hide_what_too_few_asked(client, demo_site):
    Feedback.objects.all().delete()
    guarantee = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")
    decisions = commitment(guarantee, "beslut")
    for n in range(4):  # Östermalm: 3 of 4 in time
        due_and_answered(feedback_on(decisions, when=datetime(2026, 3, 2, 10)), in_time=n < 3)
    for _n in range(2):  # Norrmalm: 2 of 2 in time, below the minimum of 3
        item = feedback_on(commitment(guarantee, "nabarhet"), "Norrmalm", datetime(2026, 3, 2))
        due_and_answered(item, in_time=True)

    html = client.get(PAGE).content.decode()
    by_district = rows(html, "Answered in time, by district")
    assert by_district["Östermalm"] == "75 %"
    assert by_district["Norrmalm"] == "–" and by_district["Kungsholmen"] == "–"
    by_commitment = rows(html, "Answered in time, by commitment in our guarantee")
    english_title = commitment(guarantee, "beslut", "en").title
    assert any(title.endswith(english_title) for title in by_commitment)
    assert [v for t, v in by_commitment.items() if t.endswith(english_title)] == ["75 %"]
    assert "too few asked for an answer to show the share" in html
