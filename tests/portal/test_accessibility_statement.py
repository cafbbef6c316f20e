"""The accessibility statement's known problems as a list: each with its WCAG criterion, its
reason and, while not yet fixed, the date it will be; grouped as DIGG's model statement groups
them, in the reader's language; editors are reminded of the yearly review on the admin home."""

import re
from datetime import date
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db.migrations.loader import MigrationLoader
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from portal.models import AccessibilityStatementPage
from portal.statement_warnings import review_due, statement_warnings
from tests.conftest import choose_admin_language
from tests.portal.admin_forms import block_errors

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "publish"}


@pytest.fixture
def statement(demo_site):
    return AccessibilityStatementPage.objects.get(locale__language_code="sv")


def main_text(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    main = re.search(r"<main\b.*?</main>", response.content.decode(), re.S).group(0)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def problem(reason, criterion="", fix_by="", description="<p>Kartan saknar textalternativ.</p>"):
    return (
        "problem",
        {
            "description": rich_text(description),
            "criterion": criterion,
            "reason": reason,
            "fix_by": fix_by,
            "instead": rich_text(""),
        },
    )


def post(client, page, problems, **extra):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(page.intro),
        "compliance": page.compliance,
        "known_problems": rich_text(page.known_problems),
        "problem_list": streamfield(problems),
        "how_to_report": rich_text(page.how_to_report),
        "report_page": str(page.report_page_id),
        "answer_within": str(page.answer_within),
        "supervisory_authority_url": page.supervisory_authority_url,
        "assessment_method": page.assessment_method,
        "assessed_on": page.assessed_on.isoformat(),
        "updated_on": page.updated_on.isoformat(),
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", {**nested_form_data(fields), **extra})


# --- The public page ---------------------------------------------------------------------------


def test_the_known_problems_are_grouped_as_the_model_statement_does(client, statement):
    text = main_text(client, "/sv/tillganglighet/")
    headings = [
        "Innehåll som inte är tillgängligt",
        "Brister som vi ännu inte har åtgärdat",
        "Oskälig börda",
        "Innehåll som inte omfattas av lagkraven",
        "Rapportera brister",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    # The words before the list, then each problem under its heading.
    assert text.index("Listan är ett exempel") < positions[1]
    assert "Framgångskriterium 4.1.2 i WCAG 2.1" in text
    assert "Vi planerar att åtgärda detta senast 31 mars 2027." in text
    assert "Det här kan du göra i stället: Ring växeln eller besök receptionen" in text
    assert positions[2] < text.index("saknar syntolkning") < positions[3]
    assert positions[3] < text.index("publicerade före den 23 september 2018") < positions[4]


def test_an_english_reader_gets_the_headings_in_english_around_the_swedish_list(client, statement):
    response = client.get("/en/tillganglighet/")
    html = response.content.decode()
    for heading in [
        "Problems we have not fixed yet",
        "Disproportionate burden",
        "Content not covered by the law",
    ]:
        assert f"<h3>{heading}</h3>" in html
    assert "WCAG 2.1 success criterion 4.1.2" in html
    assert "We plan to fix this by 31 March 2027." in html
    # The problems themselves are still Swedish, and say so.
    assert '<div lang="sv" dir="ltr"><p>Ansökan om ekonomiskt bistånd finns som PDF' in html


def test_problems_to_fix_come_soonest_first(statement):
    statement.problem_list = streamfield_value(
        [("not_fixed", "2.4.7", date(2027, 6, 1)), ("not_fixed", "1.4.3", date(2027, 2, 1))]
    )
    [(reason, problems)] = statement.problems_by_reason()
    assert reason == "not_fixed"
    assert [p["criterion"] for p in problems] == ["1.4.3", "2.4.7"]


def streamfield_value(rows):
    return [
        (
            "problem",
            {
                "description": "<p>Brist</p>",
                "criterion": criterion,
                "reason": reason,
                "fix_by": fix_by,
                "instead": "",
            },
        )
        for reason, criterion, fix_by in rows
    ]


def test_text_written_before_the_list_existed_is_kept(client, statement):
    """0010 keeps the rich-text column: a statement edited before it shows its text as it did."""
    statement.problem_list = []
    statement.save_revision().publish()
    text = main_text(client, "/sv/tillganglighet/")
    assert "Innehåll som inte är tillgängligt Här beskriver vi de brister vi känner till" in text
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for migration in ["0009_swedish_workflow_name", "0010_accessible_media_and_known_problems"]:
        state = loader.project_state(("portal", migration))
        assert "known_problems" in state.models["portal", "accessibilitystatementpage"].fields


def test_the_problems_are_offered_for_translation(statement):
    strings = {
        segment.string.data
        for segment in extract_segments(statement)
        if isinstance(segment, StringSegmentValue) and segment.path.startswith("problem_list")
    }
    assert "Informationsfilmen om hur du ansöker saknar syntolkning." in strings
    assert "Kontakta oss så får du innehållet i ett annat format." in strings
    assert not {"4.1.2", "not_fixed"} & strings


# --- The editor --------------------------------------------------------------------------------


def test_a_problem_not_yet_fixed_needs_its_criterion_and_a_date(moderator, statement):
    response = post(moderator, statement, [problem("not_fixed")], **PUBLISH)
    assert response.status_code == 200
    assert block_errors(response, "problem_list") == {
        "0.criterion": ["Välj det kriterium som bristen inte uppfyller."],
        "0.fix_by": ["Ange det datum då bristen senast ska vara åtgärdad."],
    }


def test_a_disproportionate_burden_needs_its_criterion_but_no_date(moderator, statement):
    response = post(moderator, statement, [problem("burden")], **PUBLISH)
    assert list(block_errors(response, "problem_list")) == ["0.criterion"]
    response = post(moderator, statement, [problem("burden", "1.1.1")], **PUBLISH)
    assert response.status_code == 302


def test_content_outside_the_laws_scope_needs_neither(moderator, client, statement):
    response = post(moderator, statement, [problem("out_of_scope")], **PUBLISH)
    assert response.status_code == 302
    text = main_text(client, "/sv/tillganglighet/")
    assert "Innehåll som inte omfattas av lagkraven" in text
    assert "Kartan saknar textalternativ." in text
    assert "Framgångskriterium" not in text and "Oskälig börda" not in text


def test_the_criteria_are_offered_by_number_and_name(moderator, statement):
    html = moderator.get(f"/admin/pages/{statement.pk}/edit/").content.decode()
    assert "1.4.3 Kontrast (minimum)" in html
    assert "4.1.3 Statusmeddelanden" in html


# --- The yearly review -------------------------------------------------------------------------


def test_the_review_is_due_a_year_after_the_last_update():
    assert review_due(date(2026, 9, 15)) == date(2027, 9, 15)
    assert review_due(date(2028, 2, 29)) == date(2029, 2, 28)


def test_no_warning_while_the_statement_is_fresh(statement):
    assert statement_warnings(date(2026, 11, 25)) == []


@translation.override("en")
def test_the_review_is_announced_30_days_ahead(statement):
    assert statement_warnings(date(2027, 8, 15)) != []  # the planned fix is overdue already
    (warning,) = [w for w in statement_warnings(date(2027, 8, 20)) if "yearly review" in w]
    assert warning == (
        "The yearly review of Tillgänglighetsredogörelse is due on 2027-09-15 "
        "(last updated 2026-09-15)."
    )


@translation.override("en")
def test_a_fix_date_that_has_passed_is_flagged(statement):
    assert statement_warnings(date(2027, 3, 31)) == []
    (warning,) = statement_warnings(date(2027, 4, 1))
    assert "to be fixed by 2027-03-31" in warning
    assert "“Ansökan om ekonomiskt bistånd finns som PDF-blankett." in warning


@time_machine.travel("2027-10-01 09:00 +02:00", tick=False)
def test_an_overdue_review_is_on_the_admin_home(client, moderator, statement):
    moderator = get_user_model().objects.get(username="mod")
    client.force_login(choose_admin_language(moderator, "en"))  # a year after the fixture
    home = client.get("/admin/").content.decode()
    panel = re.search(r'<section[^>]*"accessibility-panel-heading".*?</section>', home, re.S)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", panel.group(0))).split())
    assert text.startswith("Accessibility statement")
    assert (
        "Tillgänglighetsredogörelse was last updated on 2026-09-15: its yearly review was due "
        "on 2027-09-15. Check the known problems and update the date." in text
    )
    assert "a known problem was to be fixed by 2027-03-31" in text
