"""The guarantee's yearly follow-up: a follow-up editor writes it in the admin (each
commitment's feedback count filled in from the register, under every code the commitment has
had), the unit head approves it in the guarantee's workflow, and the guarantee page shows how
each promise was kept, small counts hidden."""

from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from feedback import intake, report_text, reports
from feedback.follow_up_setup import FOLLOW_UP_EDITORS
from feedback.models import Category, District, Feedback, FollowUp
from feedback.periods import Period
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.models import GuaranteePage
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
ADD = "/admin/snippets/feedback/followup/add/"


@pytest.fixture
def guarantee(demo_site):
    FollowUp.objects.all().delete()  # the demo's example
    return GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")


def staff(django_user_model, name, group):
    user = django_user_model.objects.create_user(
        name, f"{name}@example.org", "pw-x-1", first_name=name.title(), last_name="Test"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def feedback_on(commitment, district="Östermalm", when=datetime(2026, 3, 2, 10)):
    item = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Handläggning"),
            district=swedish(District, district),
            commitment=commitment,
            language=commitment.page.locale.language_code,
            channel="web",
            message="Beslutet dröjde.",
        )
    ).feedback
    Feedback.objects.filter(pk=item.pk).update(received_at=when.replace(tzinfo=STOCKHOLM))
    return item


def follow_up_form(guarantee, district, results, **actions):
    return nested_form_data(
        {
            "guarantee": guarantee.pk,
            "year": 2026,
            "district": district.pk if district else "",
            "summary": "Vi höll de flesta löftena.",
            "results": inline_formset(results),
            **actions,
        }
    )


def result(code, verdict, **fields):
    return {
        "commitment_code": code,
        "verdict": verdict,
        "evidence": fields.pop("evidence", ""),
        "sample_size": fields.pop("sample_size", ""),
        "sample_kept": fields.pop("sample_kept", ""),
        "action": fields.pop("action", ""),
    }


def commitment(guarantee, code, language="sv"):
    page = (
        guarantee
        if language == "sv"
        else guarantee.get_translation(Locale.objects.get(language_code=language))
    )
    return page.specific.commitments.get(code=code)


@pytest.fixture
def submitted(client, django_user_model, guarantee, request):
    """A follow-up of 2026 (Östermalm's unless parametrized with (reachability, district)),
    submitted for approval by a follow-up editor, with ``reachability`` items (3) on the
    reachability commitment."""
    reachability, district = getattr(request, "param", (3, "Östermalm"))
    decisions = commitment(guarantee, "beslut")
    for _n in range(3):
        feedback_on(decisions)
    feedback_on(commitment(guarantee, "beslut", "en"))  # the same commitment, in English
    feedback_on(decisions, district="Norrmalm")  # another district
    feedback_on(decisions, when=datetime(2025, 12, 31, 23, 30))  # another year
    for _n in range(reachability):
        feedback_on(commitment(guarantee, "nabarhet"))

    client.force_login(staff(django_user_model, "fia", FOLLOW_UP_EDITORS))
    response = client.post(
        ADD,
        follow_up_form(
            guarantee,
            swedish(District, district) if district else None,
            [
                result(
                    "beslut",
                    "partly",
                    evidence="Stickprov: 10 ärenden, 9 beslutade inom 14 dagar.",
                    sample_size=10,
                    sample_kept=9,
                    action="Vi ser över bemanningen i augusti.",
                ),
                result("nabarhet", "kept"),
            ],
            **{"action-submit": "submit"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return FollowUp.objects.get()


def test_the_counts_come_from_the_register_under_the_commitments_code(submitted):
    """Four items named the decision commitment in Östermalm in 2026, one of them through the
    English guarantee's copy of it; other districts and years are not counted."""
    revision = submitted.latest_revision.as_object()
    counts = {r.commitment_code: r.feedback_count for r in revision.results.all()}
    assert counts == {"beslut": 4, "nabarhet": 3}


def test_a_follow_up_editor_cannot_publish_it(submitted, client, guarantee):
    assert not submitted.live
    assert submitted.current_workflow_state.current_task_state.task.name
    assert "How we kept our promises" not in client.get("/en/" + _path(guarantee)).content.decode()


def _path(guarantee):
    english = guarantee.get_translation(Locale.objects.get(language_code="en"))
    return english.url.removeprefix("/en/")


def approve(client, follow_up, user):
    client.force_login(user)
    task_state = follow_up.current_workflow_state.current_task_state
    url = (
        f"/admin/snippets/feedback/followup/workflow/action/{follow_up.pk}/approve/{task_state.pk}/"
    )
    return client.post(url, {"comment": ""})


@pytest.mark.parametrize("submitted", [(3, None)], indirect=True)
def test_the_unit_heads_approval_publishes_it_on_the_guarantee_page(
    submitted, client, django_user_model, guarantee
):
    """The whole unit's follow-up: the decision commitment was named 5 times in 2026 (4 in
    Östermalm, one of them in English, and 1 in Norrmalm), reachability 3 times."""
    assert (
        approve(client, submitted, staff(django_user_model, "karin", UNIT_HEADS_GROUP)).status_code
        == 302
    )
    submitted.refresh_from_db()
    assert submitted.live and submitted.unit_head_approved_by == "Karin Test"
    client.logout()

    html = client.get("/en/" + _path(guarantee)).content.decode()
    assert "How we kept our promises in 2026" in html
    assert "Partly kept" in html and "Kept in full" in html
    assert "The promise was kept in 9 of 10 cases we checked." in html
    assert "We received 5 pieces of feedback about this promise." in html
    assert "We received 3 pieces of feedback about this promise." in html
    assert 'lang="sv">Stickprov: 10 ärenden' in html

    swedish_page = client.get(guarantee.url).content.decode()
    assert "Stickprov: 10 ärenden" in swedish_page


def test_a_districts_follow_up_is_published_without_counts(
    submitted, client, django_user_model, guarantee
):
    """The whole unit's count less the other districts' would give a district's small count
    away: a district's follow-up publishes its verdicts and samples, not counts."""
    approve(client, submitted, staff(django_user_model, "karin", UNIT_HEADS_GROUP))
    client.logout()
    html = client.get("/en/" + _path(guarantee)).content.decode()
    assert "Partly kept" in html and "The promise was kept in 9 of 10 cases we checked." in html
    assert "pieces of feedback about this promise" not in html
    assert "Feedback about this promise" not in html


@pytest.mark.parametrize("submitted", [(1, None)], indirect=True)
def test_small_counts_are_hidden_as_in_the_open_statistics(
    submitted, client, django_user_model, guarantee
):
    """One item is below the smallest count shown (3); one hidden cell alone could be worked
    out, so the open statistics' rule hides the smallest shown one too."""
    approve(client, submitted, staff(django_user_model, "karin", UNIT_HEADS_GROUP))
    client.logout()
    html = client.get("/en/" + _path(guarantee)).content.decode()
    assert html.count("Feedback about this promise: not shown") == 2
    assert "pieces of feedback about this promise" not in html


def test_the_yearly_reports_text_says_how_each_promise_was_kept(demo_site):
    """The demo's whole-unit follow-up of this year, in the paste-ready text, with the feedback
    that named each commitment and how much of it was answered in time."""
    guarantee = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")
    feedback_on(commitment(guarantee, "nybesok"), when=datetime(2026, 5, 4, 10))
    text = report_text.swedish_text(reports.build(Period.year(2026)))
    section = text.split("Våra åtaganden i kvalitetsgarantin:\n")[1]
    first_visit = commitment(guarantee, "nybesok").title
    assert (
        f"- {first_visit}: 1 synpunkt eller klagomål, "
        "uppföljning: Uppfylls delvis (stickprov: 8 av 10)." in section
    )
    reachability = commitment(guarantee, "nabarhet").title
    not_kept = "inga synpunkter eller klagomål, uppföljning: Uppfylls inte."
    assert f"- {reachability}: {not_kept}" in section
    # A tertial's text has no follow-up: it is yearly.
    assert "uppföljning" not in report_text.swedish_text(reports.build(Period.year(2026, 2)))


def test_the_form_refuses_a_foreign_or_repeated_commitment_and_a_personnummer(
    client, django_user_model, guarantee
):
    client.force_login(staff(django_user_model, "fia", FOLLOW_UP_EDITORS))
    response = client.post(
        ADD,
        follow_up_form(
            guarantee,
            None,
            [
                result("beslut", "kept", evidence="Gäller 19121212-1212."),
                result("beslut", "partly"),
                result("ingen-sadan-kod", "kept"),
            ],
        ),
    )
    assert response.status_code == 200 and not FollowUp.objects.exists()
    forms = response.context["form"].formsets["results"].forms
    assert "evidence" in forms[0].errors
    assert "commitment_code" in forms[1].errors and "commitment_code" in forms[2].errors
