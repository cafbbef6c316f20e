"""A guarantee goes live when the unit head approves it: guarantee pages in every language have
their own workflow step, separate from the moderation of other pages; approving records who and
when on the page citizens see, and any later edit or copy starts without an approval."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from portal.guarantee_approval import TASK_NAME, UNIT_HEADS_GROUP, WORKFLOW_NAME
from portal.models import GuaranteePage, OpeningHoursPage
from tests.conftest import choose_admin_language
from tests.portal.test_guarantee_validity import edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def current():
    return GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")


def staff(django_user_model, name, group, **names):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-x-1", **names)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_guarantees_in_every_language_use_the_unit_heads_step(demo_site, code):
    guarantee = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code=code)
    workflow = guarantee.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert [task.name for task in workflow.tasks] == [TASK_NAME]
    hours = OpeningHoursPage.objects.get(locale__language_code=code)
    assert hours.get_workflow().name != WORKFLOW_NAME


@pytest.fixture
def submitted_2027(client, django_user_model, demo_site, current):
    """An Editors-only user copies this year's guarantee, gives it next year's dates and
    submits it for approval, as editors do."""
    client.force_login(staff(django_user_model, "ed", "Editors"))
    copied = client.post(
        f"/admin/pages/{current.pk}/copy/",
        {
            "new_title": "Kvalitetsgaranti 2027",
            "new_slug": "kvalitetsgaranti-2027",
            "new_parent_page": current.get_parent().pk,
        },
    )
    assert copied.status_code == 302
    page = GuaranteePage.objects.get(slug="kvalitetsgaranti-2027", locale__language_code="sv")
    submitted = edit(client, page, "2027-01-01", "2027-12-31", **{"action-submit": "submit"})
    assert submitted.status_code == 302
    client.logout()
    return GuaranteePage.objects.get(pk=page.pk)


def test_an_editor_submits_and_the_page_waits_for_the_unit_head(submitted_2027, current):
    assert not submitted_2027.live
    state = submitted_2027.current_workflow_state
    assert state.current_task_state.task.name == TASK_NAME
    # The copy does not carry this year's approval.
    assert current.unit_head_approved_at is not None
    assert (submitted_2027.unit_head_approved_by, submitted_2027.unit_head_approved_at) == (
        "",
        None,
    )


def approve(client, page, user):
    client.force_login(user)
    task_state = page.current_workflow_state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    return client.post(url, {"comment": ""})


def test_a_moderator_can_neither_approve_nor_publish_in_the_unit_heads_place(
    client, django_user_model, submitted_2027
):
    moderator = staff(django_user_model, "mod", "Moderators")
    approve(client, submitted_2027, moderator)
    assert not GuaranteePage.objects.get(pk=submitted_2027.pk).live
    form = client.get(f"/admin/pages/{submitted_2027.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in form
    edit(client, submitted_2027, "2027-01-01", "2027-12-31", **{"action-publish": "publish"})
    assert not GuaranteePage.objects.get(pk=submitted_2027.pk).live
    # Other pages they still publish themselves.
    hours = OpeningHoursPage.objects.get(locale__language_code="sv")
    assert 'name="action-publish"' in client.get(f"/admin/pages/{hours.pk}/edit/").content.decode()


def test_the_unit_heads_approval_publishes_and_is_recorded(
    client, django_user_model, submitted_2027
):
    head = staff(
        django_user_model, "chef", UNIT_HEADS_GROUP, first_name="Karin", last_name="Enhetschef"
    )
    response = approve(client, submitted_2027, head)
    assert response.status_code == 302
    page = GuaranteePage.objects.get(pk=submitted_2027.pk)
    assert page.live and page.valid_from == date(2027, 1, 1)
    assert page.unit_head_approved_by == "Karin Enhetschef"
    public = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    day = timezone.localdate(page.unit_head_approved_at)  # Stockholm's day, as the page says
    assert f"Enhetschefen godkände den här versionen den {day.day}" in public


def test_an_edit_after_approval_is_not_approved(client, django_user_model, current):
    moderator = staff(django_user_model, "mod", "Moderators")
    client.force_login(moderator)
    assert edit(client, current, "2026-01-01", "2026-12-31").status_code == 302
    draft = Page.objects.get(pk=current.pk).get_latest_revision_as_object()
    assert (draft.unit_head_approved_by, draft.unit_head_approved_at) == ("", None)


def test_the_unit_head_publishes_only_by_approving(client, django_user_model, current):
    head = staff(django_user_model, "chef", UNIT_HEADS_GROUP)
    client.force_login(head)
    form = client.get(f"/admin/pages/{current.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in form
    edit(client, current, "2026-01-01", "2026-12-31", **{"action-publish": "publish"})
    assert Page.objects.get(pk=current.pk).has_unpublished_changes  # saved, not published


@pytest.mark.parametrize("how", [{"publish_copies": "on"}, {"alias": "on"}])
def test_a_moderator_cannot_publish_a_guarantee_by_copying_it(
    client, django_user_model, current, how
):
    client.force_login(staff(django_user_model, "mod", "Moderators"))
    client.post(
        f"/admin/pages/{current.pk}/copy/",
        {
            "new_title": "Kopia",
            "new_slug": "kopia",
            "new_parent_page": current.get_parent().pk,
            **how,
        },
    )
    assert not GuaranteePage.objects.filter(slug="kopia", live=True).exists()


def test_a_moderator_cannot_take_the_valid_guarantee_down(client, django_user_model, current):
    client.force_login(staff(django_user_model, "mod", "Moderators"))
    client.post(f"/admin/pages/{current.pk}/unpublish/")
    client.post(f"/admin/pages/{current.pk}/delete/")
    assert GuaranteePage.objects.get(pk=current.pk).live


def test_a_guarantee_waiting_for_approval_blocks_another_for_the_same_year(
    client, django_user_model, submitted_2027, current
):
    editor = staff(django_user_model, "ed2", "Editors")
    client.force_login(choose_admin_language(editor, "en"))  # the message asserted as written
    client.post(
        f"/admin/pages/{current.pk}/copy/",
        {"new_title": "B", "new_slug": "b-2027", "new_parent_page": current.get_parent().pk},
    )
    second = GuaranteePage.objects.get(slug="b-2027", locale__language_code="sv")
    response = edit(client, second, "2027-01-01", "2027-12-31", **{"action-submit": "submit"})
    assert response.status_code == 200
    assert "The validity overlaps Kvalitetsgaranti 2027" in response.content.decode()


def test_approving_from_the_editor_with_a_change_records_it_on_what_goes_live(
    client, django_user_model, submitted_2027
):
    head = staff(django_user_model, "chef", UNIT_HEADS_GROUP, first_name="Karin", last_name="E")
    client.force_login(head)
    task_state = submitted_2027.current_workflow_state.current_task_state
    response = edit(
        client,
        submitted_2027,
        "2027-01-01",
        "2027-12-30",
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        },
    )
    assert response.status_code == 302, task_state
    page = GuaranteePage.objects.get(pk=submitted_2027.pk)
    assert page.live and str(page.valid_to) == "2027-12-30"
    assert page.unit_head_approved_by == "Karin E"
    assert page.live_revision.as_object().unit_head_approved_by == "Karin E"


APPROVE = {
    "action-workflow-action": "true",
    "workflow-action-name": "approve",
    "workflow-action-extra-data": "{}",
}


def autosave(user, page, **data):
    """The edit form posted as Wagtail's autosave posts it: asking for JSON."""
    autosaver = Client(HTTP_ACCEPT="application/json")
    autosaver.force_login(user)
    latest = page.get_latest_revision()
    loaded = {
        "loaded_revision_id": latest.pk,
        "loaded_revision_created_at": latest.created_at.isoformat(),
    }
    return edit(autosaver, page, "2027-01-01", "2027-12-31", **loaded, **data)


def test_an_autosave_carrying_the_approval_changes_nothing(
    client, django_user_model, submitted_2027
):
    """The footer's approve button puts its action into the form, and Wagtail's autosave
    posted the form again while the approval ran: that post saved the page as loaded, not
    live, over the publication and then failed on the finished workflow (issue #14)."""
    head = staff(django_user_model, "chef", UNIT_HEADS_GROUP, first_name="Karin", last_name="E")
    latest = submitted_2027.get_latest_revision()
    response = autosave(head, submitted_2027, **APPROVE)
    assert response.status_code == 400 and response.json()["success"] is False
    page = GuaranteePage.objects.get(pk=submitted_2027.pk)
    assert not page.live and page.get_latest_revision() == latest
    assert page.current_workflow_state.current_task_state.task.name == TASK_NAME
    # The form's own post, the one the button sends, approves and publishes.
    client.force_login(head)
    assert edit(client, page, "2027-01-01", "2027-12-31", **APPROVE).status_code == 302
    page = GuaranteePage.objects.get(pk=submitted_2027.pk)
    assert page.live and page.unit_head_approved_by == "Karin E"


def test_an_autosave_without_an_action_still_saves(django_user_model, submitted_2027):
    head = staff(django_user_model, "chef", UNIT_HEADS_GROUP)
    response = autosave(head, submitted_2027, signed_by_role="Enhetschef")
    assert response.status_code == 200 and response.json()["success"] is True
    page = GuaranteePage.objects.get(pk=submitted_2027.pk)
    assert page.get_latest_revision_as_object().signed_by_role == "Enhetschef"
    assert not page.live
