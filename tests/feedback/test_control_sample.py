"""The internal-control sample: N closed items per district and period, drawn again from its
seed, prefilled from the register's own answered-in-time rule, summed up per district and
written into the guarantee's follow-up."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from feedback import access_log, control_sample, intake, reports
from feedback.follow_up_setup import FOLLOW_UP_EDITORS
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import (
    Category,
    Check,
    ControlSample,
    District,
    Feedback,
    FollowUp,
    FollowUpResult,
)
from portal.models import GuaranteePage
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db


def item(district="Östermalm", status="closed", when=datetime(2026, 3, 2, 10), **fields):
    """A registered item, then moved to ``status`` and given ``fields`` as the register has them."""
    registered = intake.register(
        Feedback(
            kind=fields.pop("kind", "complaint"),
            category=swedish(Category, "Handläggning"),
            district=swedish(District, district) if district else None,
            language="sv",
            channel=fields.pop("channel", "web"),
            message="Jag fick inget svar.",
            answer_by=fields.pop("answer_by", "email"),
            email="kim@example.org",
        )
    ).feedback
    Feedback.objects.filter(pk=registered.pk).update(
        status=status, received_at=when.replace(tzinfo=STOCKHOLM), **fields
    )
    return Feedback.objects.get(pk=registered.pk)


def picked(sample):
    return {(i.district.name, i.feedback_id) for i in sample.items.select_related("district")}


@pytest.fixture
def register(demo_site):
    return {
        "Östermalm": [item("Östermalm", when=datetime(2026, 1, 5 + n, 9)).pk for n in range(15)],
        "Kungsholmen": [item("Kungsholmen", status="answered").pk for _n in range(12)],
        "Norrmalm": [item("Norrmalm").pk for _n in range(3)],
    }


def test_the_same_seed_draws_the_same_items_and_another_seed_others(register):
    first = control_sample.draw(2026, seed=20140101)
    again = control_sample.draw(2026, seed=20140101)
    other = control_sample.draw(2026, seed=42)
    assert picked(first) == picked(again)
    assert picked(first) != picked(other)
    assert ControlSample.objects.get(pk=first.pk).seed == 20140101


def test_n_per_district_or_all_where_fewer(register):
    sample = control_sample.draw(2026, seed=1)
    counts = {}
    for district, pk in picked(sample):
        assert pk in register[district]
        counts[district] = counts.get(district, 0) + 1
    assert counts == {"Östermalm": 10, "Kungsholmen": 10, "Norrmalm": 3}
    assert len(picked(control_sample.draw(2026, per_district=2, seed=1))) == 6


def test_only_closed_items_of_the_period_with_a_district(demo_site):
    wanted = {
        item(when=datetime(2026, 5, 4, 9)).pk,
        item(status="answered", when=datetime(2026, 8, 31, 23, 30)).pk,  # Stockholm time
    }
    item(status="in_progress", when=datetime(2026, 5, 4, 9))
    item(status="received", when=datetime(2026, 6, 4, 9))
    item(when=datetime(2026, 4, 30, 23, 30))  # T1
    item(when=datetime(2026, 9, 1, 0, 10))  # T3
    item(when=datetime(2025, 6, 1, 9))
    item(district=None, when=datetime(2026, 6, 1, 9))
    sample = control_sample.draw(2026, tertial=2, per_district=100, seed=3)
    assert {pk for _d, pk in picked(sample)} == wanted
    assert sample.period.label == "2026 T2"


def test_the_deadline_is_prefilled_with_the_registers_answered_in_time_rule(demo_site):
    on_time = item(answer_due=date(2026, 3, 20), answered_on=date(2026, 3, 20))
    late = item(answer_due=date(2026, 3, 20), answered_on=date(2026, 3, 23))
    never = item(answer_due=date(2026, 3, 20), answered_on=None)
    no_answer_wanted = item(kind="praise", answer_by="", answer_due=None)
    by_phone = item(channel="phone", answer_due=date(2026, 3, 20), answered_on=date(2026, 3, 2))
    sample = control_sample.draw(2026, per_district=100, seed=9)
    found = {i.feedback_id: i for i in sample.items.all()}
    assert {pk: i.deadline_kept for pk, i in found.items()} == {
        on_time.pk: Check.YES,
        late.pk: Check.NO,
        never.pk: Check.NO,
        no_answer_wanted.pk: Check.UNSET,
        by_phone.pk: Check.YES,
    }
    today = timezone.localdate()
    in_time = set(
        Feedback.objects.filter(reports.answered_in_time_filter(today)).values_list("pk", flat=True)
    )
    assert {pk for pk, i in found.items() if i.deadline_kept == Check.YES} == in_time
    # Written complaints must be answered in writing: the reviewer checks; others do not apply.
    assert found[on_time.pk].written_answer_kept == Check.UNSET
    assert found[by_phone.pk].written_answer_kept == Check.NOT_APPLICABLE
    assert found[no_answer_wanted.pk].written_answer_kept == Check.NOT_APPLICABLE


def review(sample_item, deadline, written):
    sample_item.deadline_kept, sample_item.written_answer_kept = deadline, written
    sample_item.reviewed_at = timezone.now()
    sample_item.save()


@pytest.fixture
def reviewed_sample(demo_site):
    for _n in range(4):
        item("Östermalm")
    for _n in range(2):
        item("Kungsholmen")
    sample = control_sample.draw(2026, seed=5)
    ostermalm = list(sample.items.filter(district__name="Östermalm"))
    review(ostermalm[0], Check.YES, Check.YES)
    review(ostermalm[1], Check.YES, Check.NO)
    review(ostermalm[2], Check.NO, Check.YES)
    # ostermalm[3] not reviewed yet
    kungsholmen = list(sample.items.filter(district__name="Kungsholmen"))
    review(kungsholmen[0], Check.YES, Check.NOT_APPLICABLE)
    return sample


def test_the_summary_counts_per_district(reviewed_sample):
    figures = {s.district.name: s for s in control_sample.summary(reviewed_sample)}
    ostermalm, kungsholmen = figures["Östermalm"], figures["Kungsholmen"]
    assert (ostermalm.drawn, ostermalm.reviewed, ostermalm.deadline_kept) == (4, 3, 2)
    assert (ostermalm.written_answer_due, ostermalm.written_answer_kept, ostermalm.kept) == (
        3,
        2,
        1,
    )
    assert (kungsholmen.drawn, kungsholmen.reviewed, kungsholmen.kept) == (2, 1, 1)
    assert (kungsholmen.written_answer_due, kungsholmen.written_answer_kept) == (0, 0)


def test_the_figures_go_into_the_follow_up_draft_of_the_year_and_district(
    reviewed_sample, settings
):
    settings.FEEDBACK_CONTROL_SAMPLE_COMMITMENT = "synpunkter"
    FollowUp.objects.all().delete()  # the demo's example
    guarantee = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")
    follow_up = FollowUp(
        guarantee=guarantee, year=2026, district=swedish(District, "Östermalm"), live=False
    )
    follow_up.results = [FollowUpResult(commitment_code="bemotande", verdict="kept")]
    follow_up.save()

    # No result for the commitment yet: nothing is added without the editor's verdict.
    fed = control_sample.feed_follow_up(reviewed_sample)
    assert {(f.district.name, f.follow_up, f.refused) for f in fed} == {
        ("Östermalm", follow_up, "no_result"),
        ("Kungsholmen", None, ""),  # no follow-up written yet: said, not created
    }
    assert [r.commitment_code for r in FollowUp.objects.get().results.all()] == ["bemotande"]

    follow_up.results.add(FollowUpResult(commitment_code="synpunkter", verdict="partly"))
    follow_up.save()
    fed = control_sample.feed_follow_up(reviewed_sample)
    assert [(f.district.name, f.refused) for f in fed if f.follow_up] == [("Östermalm", "")]
    draft = FollowUp.objects.get(pk=follow_up.pk)
    for version in (draft, draft.get_latest_revision_as_object()):
        figures = {r.commitment_code: (r.sample_size, r.sample_kept) for r in version.results.all()}
        assert figures == {"bemotande": (None, None), "synpunkter": (3, 1)}


def test_the_command_draws_the_same_items_as_the_seed(register):
    out = StringIO()
    call_command("draw_control_sample", "--year", "2026", "--seed", "77", stdout=out)
    from_command = ControlSample.objects.order_by("-pk").first()
    assert "seed 77" in out.getvalue()
    assert picked(from_command) == picked(control_sample.draw(2026, seed=77))
    assert from_command.items.count() == 23


@pytest.fixture
def admin_client(client, django_user_model):
    """A feedback handler, who draws and reviews, and writes the follow-up too."""
    user = django_user_model.objects.create_user("granskare", "g@example.org", "pw-x-1")
    user.groups.add(
        Group.objects.get(name=HANDLERS_GROUP), Group.objects.get(name=FOLLOW_UP_EDITORS)
    )
    client.force_login(user)
    return client


def test_a_reviewer_draws_reviews_and_feeds_the_follow_up_in_the_admin(register, admin_client):
    response = admin_client.post(
        "/admin/control_sample/new/", {"year": 2026, "tertial": "", "per_district": 2, "seed": 11}
    )
    sample = ControlSample.objects.get()
    assert response.status_code == 302
    assert picked(sample) == picked(control_sample.draw(2026, per_district=2, seed=11))

    listing = admin_client.get(f"/admin/control_sample_item/?sample={sample.pk}")
    first = sample.items.select_related("feedback").first()
    assert first.feedback.reference in listing.content.decode()
    assert "Jag fick inget svar." not in listing.content.decode()  # no free text in the list

    opened = admin_client.get(f"/admin/control_sample_item/edit/{first.pk}/")
    assert "Jag fick inget svar." in opened.content.decode()
    assert first.feedback.pk in [
        int(e.object_id) for e in access_log.entries().filter(action="feedback.view")
    ]

    admin_client.post(
        f"/admin/control_sample_item/edit/{first.pk}/",
        {"deadline_kept": "yes", "written_answer_kept": "no", "note": "Svar per telefon."},
    )
    first.refresh_from_db()
    assert (first.written_answer_kept, first.reviewed_by.username) == ("no", "granskare")

    page = admin_client.get(f"/admin/control_sample/inspect/{sample.pk}/")
    assert [(s.reviewed, s.kept) for s in page.context["summary"] if s.reviewed] == [(1, 0)]
    fed = admin_client.post(f"/admin/control_sample/{sample.pk}/feed/", follow=True)
    assert fed.status_code == 200
