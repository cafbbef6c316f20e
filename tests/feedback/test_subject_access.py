"""A data subject's copy (GDPR art. 15) holds every field of every item about the person and
nothing about anyone else; erasure (art. 17) blanks the person's closed items; both are logged
and only for staff with the audit permission."""

import json
from datetime import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Feedback, FeedbackNote
from feedback.subject_access import NOT_IN_COPY, phone_digits
from portal.workdays import STOCKHOLM
from tests.conftest import choose_admin_language
from tests.feedback.test_reports import add

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(django_user_model):
    user = django_user_model.objects.create_user("dso", "dso@example.org", "pw-d-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    user.user_permissions.add(Permission.objects.get(codename="audit_feedback"))
    return choose_admin_language(user, "en")  # the copy's words asserted as written


@pytest.fixture
def register(demo_site):
    kims = [
        add(datetime(2025, 3, 2, 10), name="Kim Andersson", email="Kim@Example.org",
            message="Lång väntan i telefon.", answer_by="email"),
        add(datetime(2026, 2, 2, 10), phone="+46 70-123 45 67", message="Ingen ringde tillbaka.",
            postal_address="Box 1\n112 01 Stockholm", answer_by="letter"),
    ]  # fmt: skip
    FeedbackNote.objects.create(feedback=kims[0], text="Ringt upp, lämnat besked.")
    other = add(datetime(2026, 2, 3, 10), name="Alex Berg", email="alex@example.org",
                phone="08-508 000 00", message="Alex skriver om sitt ärende.")  # fmt: skip
    return kims, other


def test_phone_numbers_compare_in_any_writing():
    assert phone_digits("070-123 45 67") == phone_digits("+46 70 123 45 67") == "0701234567"
    assert phone_digits("0046701234567") == "0701234567"


PERSON = {"email": "kim@example.org", "phone": "0701234567", "name": ""}


def test_the_search_ticks_nothing_and_puts_no_details_in_a_url(client, auditor, register):
    kims, other = register
    namesake = add(datetime(2026, 3, 1, 10), name="Kim Andersson", email="kim.a@example.org")
    client.force_login(auditor)
    page = client.post("/admin/feedback-subject/", {**PERSON, "name": "Kim Andersson"})
    html = page.content.decode()
    for item in (*kims, namesake):
        assert f'name="item" value="{item.pk}"' in html
    assert f'value="{other.pk}"' not in html
    assert " checked" not in html.split("<table", 1)[1].split("</table>")[0]
    assert "kim%40example.org" not in html and "?email=" not in html


def test_the_copy_holds_every_field_of_the_ticked_items_and_nothing_else(client, auditor, register):
    kims, other = register
    namesake = add(datetime(2026, 3, 1, 10), name="Kim Andersson", email="kim.a@example.org",
                   message="Någon annans ärende.")  # fmt: skip
    client.force_login(auditor)
    ticked = {**PERSON, "name": "Kim Andersson", "item": [k.pk for k in kims] + [other.pk]}
    response = client.post("/admin/feedback-subject/", {**ticked, "action": "json"})
    assert response["Content-Type"].startswith("application/json")
    copy = json.loads(response.content)
    assert [item["reference"] for item in copy["items"]] == [k.reference for k in kims]
    for item, original in zip(copy["items"], kims, strict=True):
        values = {field["field"]: field["value"] for field in item["fields"]}
        expected = {
            field.name for field in Feedback._meta.concrete_fields if field.name not in NOT_IN_COPY
        }
        assert set(values) == expected
        assert values["message"] == original.message
        assert values["email"] == original.email
        assert values["postal_address"] == original.postal_address
        assert values["kind"] == "Opinion or suggestion"  # words, not the stored code
        assert values["received_at"] == original.received_at.astimezone(STOCKHOLM).strftime(
            "%Y-%m-%d %H:%M"
        )
    assert copy["items"][0]["notes"][0]["text"] == "Ringt upp, lämnat besked."
    text = response.content.decode()
    for trace in ("Alex", other.reference, "alex@example.org", "508 000", namesake.reference,
                  "Någon annans"):  # fmt: skip
        assert trace not in text

    page = client.post("/admin/feedback-subject/", {**ticked, "action": "copy"}).content.decode()
    assert "Lång väntan i telefon." in page and "Box 1<br>112 01 Stockholm" in page
    assert "Alex" not in page and "Någon annans" not in page and "IMY" in page
    logged = ModelLogEntry.objects.filter(action="feedback.subject_copy", user=auditor)
    assert sorted(logged.values_list("label", flat=True)) == sorted([k.reference for k in kims] * 2)


def test_erasure_blanks_only_the_ticked_closed_items(client, auditor, register):
    kims, other = register
    Feedback.objects.filter(pk=kims[0].pk).update(status="closed")
    client.force_login(auditor)
    ticked = {**PERSON, "item": [kims[0].pk, kims[1].pk, other.pk], "action": "erase"}
    unconfirmed = client.post("/admin/feedback-subject/", ticked)
    assert unconfirmed.status_code == 302
    kims[0].refresh_from_db()
    assert kims[0].email

    client.post("/admin/feedback-subject/", {**ticked, "confirm": "yes"})
    for item in (*kims, other):
        item.refresh_from_db()
    assert (kims[0].email, kims[0].message, kims[0].name) == ("", "", "")
    assert kims[0].personal_data_removed_on is not None
    assert kims[1].phone and other.email  # open, and someone else's
    assert not FeedbackNote.objects.filter(feedback=kims[0]).exists()
    entry = ModelLogEntry.objects.get(action="feedback.erase")
    assert (entry.label, entry.user) == (kims[0].reference, auditor)


def test_only_the_data_protection_role_may(client, django_user_model, register):
    handler = django_user_model.objects.create_user("handler", "h@example.org", "pw-h-1")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    client.force_login(handler)
    kims, _other = register
    assert client.get("/admin/feedback-subject/").status_code == 403
    for action in ("find", "json", "copy", "erase"):
        answer = client.post(
            "/admin/feedback-subject/",
            {**PERSON, "item": [kims[0].pk], "action": action, "confirm": "yes"},
        )
        assert answer.status_code == 403
