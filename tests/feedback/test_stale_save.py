"""Two handlers on one item: a save on top of a newer version is refused, nothing of it is
saved, the handler reads what changed since they opened the form, and saving again keeps both
handlers' changes. Every writer makes a new version, the bulk assignment and gallring too."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from feedback import retention
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Feedback, FeedbackNote
from tests.feedback import test_triage_admin
from tests.feedback.test_triage_admin import new_item, opened, triage

pytestmark = pytest.mark.django_db
users = test_triage_admin.users  # the fixture: a handler, an editor, a superuser


@pytest.fixture
def colleague(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "bo", "bo@example.org", "pw-b-1", first_name="Bo", last_name="Berg"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def stale_error(response) -> list[str]:
    assert response.status_code == 200
    return response.context["form"].non_field_errors()


def test_a_stale_save_is_refused_and_the_other_handlers_change_stays(client, users, colleague):
    item = new_item()
    hedda_opened = opened(item)  # Hedda opens the item ...
    client.force_login(colleague)  # ... Bo opens it too, takes it and starts on it.
    assert triage(client, item, assigned_to=colleague.pk, status="in_progress").status_code == 302

    client.force_login(users["handler"])
    refused = triage(
        client, item, opened=hedda_opened, justified="true", note="Ringde den sökande."
    )
    errors = stale_error(refused)
    assert "– → Bo Berg" in " ".join(errors)  # the handler, as it was and as it is now
    assert len(errors) == 4  # nothing saved; handler; status; what to do now
    item.refresh_from_db()
    assert (item.assigned_to, item.status, item.justified) == (colleague, "in_progress", None)
    assert not FeedbackNote.objects.filter(feedback=item).exists()

    # The form now shows Bo's changes with Hedda's: saved again, it keeps both.
    form = refused.context["form"]
    assert form.data["assigned_to"] == str(colleague.pk) and form.data["status"] == "in_progress"
    assert form.data["justified"] == "true" and form.data["note"] == "Ringde den sökande."
    assert client.post(f"/admin/feedback/edit/{item.pk}/", form.data).status_code == 302
    item.refresh_from_db()
    assert (item.assigned_to, item.status, item.justified) == (colleague, "in_progress", True)
    assert FeedbackNote.objects.get(feedback=item).text == "Ringde den sökande."


def test_a_change_both_made_keeps_the_refused_handlers_value_to_decide(client, users, colleague):
    item = new_item()
    hedda_opened = opened(item)
    client.force_login(colleague)
    triage(client, item, assigned_to=colleague.pk)
    client.force_login(users["handler"])
    refused = triage(client, item, opened=hedda_opened, assigned_to=users["handler"].pk)
    assert "– → Bo Berg" in " ".join(stale_error(refused))
    assert refused.context["form"].data["assigned_to"] == str(users["handler"].pk)
    assert Feedback.objects.get(pk=item.pk).assigned_to == colleague


def test_the_bulk_assignment_makes_open_forms_stale(client, users, colleague):
    item = new_item()
    hedda_opened = opened(item)
    client.force_login(colleague)
    assign = {"items": [item.pk], "action": "assign", "handler": colleague.pk}
    assert client.post("/admin/feedback/bulk/", assign).status_code == 302
    client.force_login(users["handler"])
    stale_error(triage(client, item, opened=hedda_opened, assigned_to=users["handler"].pk))
    assert Feedback.objects.get(pk=item.pk).assigned_to == colleague


def test_every_save_makes_a_new_version(users):
    item = new_item()
    first = item.version
    stale = Feedback.objects.get(pk=item.pk)  # loaded before the save below
    item.assigned_to = users["handler"]
    item.save(update_fields=["assigned_to"])
    assert item.version == first + 1
    stale.status = "acknowledged"
    stale.save(update_fields=["status"])  # counted by the database, not from the stale copy
    assert stale.version == first + 2 == Feedback.objects.get(pk=item.pk).version

    Feedback.objects.filter(pk=item.pk).update(status="closed", closed_on=date(2020, 1, 1))
    retention.remove_personal_data(
        Feedback.objects.filter(pk=item.pk), action="feedback.gallring", today=date(2026, 1, 1)
    )
    assert Feedback.objects.get(pk=item.pk).version == first + 3


def test_the_same_form_sent_twice_saves_once(client, users):
    item = new_item()
    client.force_login(users["handler"])
    form = opened(item)
    for _twice in range(2):
        response = triage(client, item, opened=form, status="acknowledged", note="Bekräftad.")
        assert response.status_code == 302
    assert FeedbackNote.objects.filter(feedback=item).count() == 1
    saves = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.triage")
    assert saves.count() == 1


def test_an_old_form_sent_again_with_other_contents_is_refused(client, users):
    item = new_item()
    client.force_login(users["handler"])
    form = opened(item)
    assert triage(client, item, opened=form, status="acknowledged").status_code == 302
    # Back in the browser's history, the same form is changed and saved again.
    stale_error(triage(client, item, opened=form, status="acknowledged", note="Och en sak till."))
    assert not FeedbackNote.objects.filter(feedback=item).exists()


def test_a_form_not_from_this_server_is_refused(client, users):
    item = new_item()
    client.force_login(users["handler"])
    assert stale_error(triage(client, item, opened="forged", status="acknowledged"))
    assert Feedback.objects.get(pk=item.pk).status == "received"
