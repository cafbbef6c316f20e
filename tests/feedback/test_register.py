"""Registering feedback that came by phone, visit, letter or e-mail (/admin/feedback/new/): the
date it arrived first, the guarantee's commitments once, the language from a list, and the new
item opened, assigned to whoever registered it."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback
from portal.commitments import in_force_page
from portal.models import GuaranteeCommitment
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
NEW = "/admin/feedback/new/"


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture
def colleague(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "olle", "olle@example.org", "pw-o-1", first_name="Olle", last_name="Berg"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def registration(**overrides):
    data = {
        "received_on": timezone.localdate().isoformat(),
        "channel": "phone",
        "kind": "complaint",
        "category": swedish(Category, "Information").pk,
        "district": "",
        "commitment": "",
        "message": "Ringde och klagade på informationen.",
        "language": "sv",
        "name": "Kim",
        "email": "",
        "phone": "070-123 45 67",
        "postal_address": "",
        "answer_by": "phone",
        "assigned_to": "",
    }
    data.update(overrides)
    return data


def test_the_date_it_arrived_and_how_come_first(client, handler):
    client.force_login(handler)
    response = client.get(NEW)
    assert list(response.context["form"].fields)[:3] == ["received_on", "channel", "kind"]
    html = response.content.decode()
    positions = [html.index(f'id="id_{name}"') for name in ("received_on", "channel", "kind")]
    assert positions == sorted(positions)
    assert html.index('id="id_received_on"') < html.index('id="id_message"')


def test_the_commitments_are_the_swedish_guarantee_in_force_once(client, handler):
    client.force_login(handler)
    field = client.get(NEW).context["form"].fields["commitment"]
    offered = list(field.queryset)
    guarantee = in_force_page()
    assert guarantee.locale.language_code == "sv"
    assert offered == list(guarantee.commitments.all())
    assert len({row.code for row in offered}) == len(offered) > 0
    assert [label for value, label in field.choices if value] == [row.title for row in offered]
    # Every language's copy and every alias of every guarantee was offered before.
    assert GuaranteeCommitment.objects.count() > 2 * len(offered)


def test_a_commitment_from_another_language_is_refused(client, handler):
    client.force_login(handler)
    swedish_codes = set(in_force_page().commitments.values_list("code", flat=True))
    copy = GuaranteeCommitment.objects.exclude(page__locale__language_code="sv").first()
    assert copy.code in swedish_codes  # the same commitment, translated
    response = client.post(NEW, registration(commitment=copy.pk))
    assert response.status_code == 200 and "commitment" in response.context["form"].errors
    chosen = in_force_page().commitments.get(code=copy.code)
    assert client.post(NEW, registration(commitment=chosen.pk)).status_code == 302
    assert Feedback.objects.get().commitment == chosen


def test_the_language_is_one_of_the_sites_or_another(client, handler):
    client.force_login(handler)
    field = client.get(NEW).context["form"].fields["language"]
    names = dict(field.choices)
    assert list(names) == [*settings.PORTAL_LANGUAGES, "und"]
    assert (names["sv"], names["en"], names["ti"]) == ("Svenska", "Engelska", "Tigrinja")
    refused = client.post(NEW, registration(language="polska"))
    assert "language" in refused.context["form"].errors
    assert not Feedback.objects.exists()


def test_feedback_in_another_language_is_written_to_in_swedish(
    client, handler, django_capture_on_commit_callbacks
):
    client.force_login(handler)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW, registration(language="und", email="kim@example.org", answer_by="email")
        )
    assert response.status_code == 302
    item = Feedback.objects.get()
    assert item.language == "und"
    (receipt,) = [message for message in mail.outbox if message.to == ["kim@example.org"]]
    assert receipt.subject == f"Vi har tagit emot din synpunkt ({item.reference})"
    month = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"]
    month += ["september", "oktober", "november", "december"]
    assert f"{month[timezone.localdate().month - 1]} {timezone.localdate().year}" in receipt.body
    assert re.search(r"http://\S+/sv/", receipt.body)


def test_saving_opens_the_new_item_assigned_to_who_registered_it(client, handler, colleague):
    client.force_login(handler)
    assert client.get(NEW).context["form"]["assigned_to"].value() == handler.pk
    response = client.post(NEW, registration(assigned_to=handler.pk))
    item = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/feedback/edit/{item.pk}/"
    assert item.assigned_to == handler
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("choice", ["colleague", "nobody"])
def test_the_one_who_registers_may_assign_another_or_none(client, handler, colleague, choice):
    client.force_login(handler)
    chosen = colleague if choice == "colleague" else None
    response = client.post(NEW, registration(assigned_to=chosen.pk if chosen else ""))
    assert response.status_code == 302
    assert Feedback.objects.get().assigned_to == chosen
