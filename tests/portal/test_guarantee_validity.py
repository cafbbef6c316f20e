"""Only one guarantee can be in force on a day: a guarantee whose validity overlaps a published
or scheduled one in the same language is refused at the field, while a fresh copy (a draft no
one scheduled) does not block editing this year's."""

from datetime import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.models import GuaranteePage
from portal.workdays import STOCKHOLM
from tests.conftest import choose_admin_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model, demo_site):
    user = django_user_model.objects.create_superuser("red", "r@x.org", "pw-1x")
    client.force_login(choose_admin_language(user, "en"))  # messages asserted as written
    return client


@pytest.fixture
def current():
    return GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")


def copy_of(editor, current, slug="kvalitetsgaranti-2027"):
    response = editor.post(
        f"/admin/pages/{current.pk}/copy/",
        {"new_title": slug, "new_slug": slug, "new_parent_page": current.get_parent().pk},
    )
    assert response.status_code == 302
    return GuaranteePage.objects.get(slug=slug, locale__language_code="sv")


def edit(editor, page, valid_from, valid_to, **extra):
    commitments = [
        {
            "id": commitment.pk,
            "title": commitment.title,
            "code": commitment.code,
            "explanation": commitment.explanation,
            "target_value": commitment.target_value or "",
            "target_unit": commitment.target_unit,
            "target_measures": commitment.target_measures,
        }
        for commitment in page.commitments.all()
    ]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "mission": rich_text(page.mission),
            "about_unit": rich_text(page.about_unit),
            "how_we_keep": rich_text(page.how_we_keep),
            "if_we_fail": rich_text(page.if_we_fail),
            "commitments": inline_formset(commitments, initial=len(commitments)),
            "approved_by": page.approved_by,
            "approved_on": "",
            "signed_by_name": page.signed_by_name,
            "signed_by_role": page.signed_by_role,
            **extra,
        }
    )
    return editor.post(f"/admin/pages/{page.pk}/edit/", data)


def test_a_validity_overlapping_the_published_guarantee_is_refused(editor, current):
    copy = copy_of(editor, current)
    response = edit(editor, copy, "2026-12-01", "2027-11-30")
    assert response.status_code == 200
    expected = f"The validity overlaps {current.title} (2026-01-01 – 2026-12-31)."
    assert expected in response.content.decode()


def test_the_next_years_dates_are_accepted_and_a_fresh_copy_blocks_nothing(editor, current):
    copy = copy_of(editor, current)  # still carries 2026's dates, unpublished
    assert edit(editor, current, "2026-01-01", "2026-12-31").status_code == 302
    assert edit(editor, copy, "2027-01-01", "2027-12-31").status_code == 302


def test_a_scheduled_guarantee_counts_as_one_citizens_will_see(editor, current):
    scheduled = copy_of(editor, current)
    scheduled.valid_from, scheduled.valid_to = datetime(2027, 1, 1), datetime(2027, 12, 31)
    scheduled.save_revision(approved_go_live_at=datetime(2027, 1, 1, tzinfo=STOCKHOLM))
    another = copy_of(editor, current, slug="kvalitetsgaranti-2027-b")
    response = edit(editor, another, "2027-06-01", "2028-05-31")
    assert response.status_code == 200
    assert "The validity overlaps kvalitetsgaranti-2027" in response.content.decode()
