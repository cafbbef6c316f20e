"""The appeal guard: feedback that may be an appeal is flagged at intake, the handler sees the
last day to appeal, forwards it once, and the citizen is told in their language."""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import ModelLogEntry

from feedback import intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import AppealWord, Category, Feedback, Notification
from feedback.notifications import build_message
from portal.appeals import last_day_to_appeal
from portal.templatetags.portal_tags import local_date
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import FORM, form_data, swedish
from tests.feedback.test_triage_admin import opened

pytestmark = pytest.mark.django_db


def register(message, language="sv", category="Bemötande", **fields):
    values = {
        "kind": "complaint",
        "category": swedish(Category, category),
        "language": language,
        "channel": "web",
        "message": message,
        "name": "Kim",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(
        Feedback(**values), received_at=datetime(2026, 12, 15, 10, 0, tzinfo=STOCKHOLM)
    ).feedback


def test_the_public_form_flags_a_swedish_appeal(client, feedback_page):
    message = "Jag vill Överklaga beslutet om försörjningsstöd."
    assert client.post(FORM, form_data(message=message)).status_code == 303
    assert Feedback.objects.get().may_be_appeal


@pytest.mark.parametrize(
    "message, language",
    [
        ("Överklagandet skickade jag i går.", "sv"),
        ("They REJECTED my application for support.", "en"),
        ("Haluan tehdä valituksen päätöksestä.", "fi"),
        # Arabic letter forms (ي) match the Persian word (تصمیم).
        ("من با این تصميم موافق نیستم", "fa"),
    ],
)
def test_appeal_words_flag_feedback_in_any_language(demo_site, message, language):
    assert register(message, language=language).may_be_appeal


@pytest.mark.parametrize(
    "message",
    [
        "Receptionen var stängd och ingen svarade i telefon.",
        "The waiting room is unappealing and cold.",  # "appeal" inside another word
        "Personalen verkade obeslutsam.",  # "beslut" inside another word
    ],
)
def test_ordinary_feedback_is_not_flagged(demo_site, message):
    assert not register(message).may_be_appeal


def test_a_category_can_flag_every_item_in_it(demo_site):
    Category.objects.filter(name="Handläggning").update(suggests_appeal=True)
    assert register("Det tog lång tid.", category="Handläggning").may_be_appeal
    assert not register("Det tog lång tid.", category="Bemötande").may_be_appeal


def test_editors_extend_the_list_and_it_is_read_once_per_content_generation(demo_site):
    message = "Jag har skrivit till förvaltningsrätten."
    assert not register(message).may_be_appeal
    AppealWord.objects.create(word="förvaltningsrätt", language="sv")
    assert register(message).may_be_appeal
    with CaptureQueriesContext(connection) as captured:
        register("Ännu ett överklagande.")
    assert not [q for q in captured.captured_queries if "feedback_appealword" in q["sql"]]


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user("handler", "handler@example.org", "pw-h-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def triage(client, item, **fields):
    data = {
        "opened": opened(item),
        "language": item.language,
        "assigned_to": "",
        "status": item.status,
        "answer_text": "",
        "answered_on": "",
        "answer_channel": "",
        "justified": "unknown",
        "action_taken": "",
        "note": "",
        "may_be_appeal": "on",
        "decision_told_on": "",
        "appeal_arrived_on": "",
    }
    data.update(fields)
    return client.post(f"/admin/feedback/edit/{item.pk}/", data)


@time_machine.travel(datetime(2026, 12, 20, 12, 0, tzinfo=STOCKHOLM), tick=False)
def test_the_handler_sees_the_last_day_to_appeal_and_the_days_left(client, handler):
    item = register("Jag vill överklaga beslutet.")
    client.force_login(handler)
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert "Kan vara ett överklagande" in page or "May be an appeal of a decision" in page
    assert 'name="decision_told_on"' in page

    assert triage(client, item, decision_told_on="2026-12-10").status_code == 302
    # Three weeks end on nyårsafton; 1 January is a holiday, then a weekend: Monday 4 January.
    last_day = last_day_to_appeal(date(2026, 12, 10))
    assert last_day == date(2027, 1, 4)
    for url in (f"/admin/feedback/edit/{item.pk}/", f"/admin/feedback/inspect/{item.pk}/"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
        with translation.override("sv"):
            assert f"<strong>{local_date(last_day)}</strong>" in page
        assert "15 days left." in page or "15 dagar kvar." in page


def test_an_unflagged_item_shows_no_appeal_fields(client, handler):
    item = register("Receptionen var stängd.")
    client.force_login(handler)
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert 'name="decision_told_on"' not in page and "appeal-heading" not in page


@time_machine.travel(datetime(2026, 12, 21, 9, 0, tzinfo=STOCKHOLM), tick=False)
def test_forwarding_as_an_appeal_is_logged_and_told_to_the_citizen_once(
    client, handler, django_capture_on_commit_callbacks
):
    item = register("I want to appeal the decision.", language="en")
    client.force_login(handler)
    mail.outbox.clear()
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = triage(
                client,
                item,
                decision_told_on="2026-12-10",
                appeal_arrived_on="2026-12-15",
                forward_as_appeal="on",
            )
        assert response.status_code == 302

    item.refresh_from_db()
    assert item.appeal_arrived_on == date(2026, 12, 15)
    assert item.appeal_forwarded_on == date(2026, 12, 21)
    (entry,) = ModelLogEntry.objects.filter(
        object_id=str(item.pk), action="feedback.appeal_forwarded"
    )
    assert entry.user == handler
    assert entry.data == {"arrived_on": "2026-12-15", "last_day": "2027-01-04", "in_time": True}
    (notification,) = Notification.objects.filter(feedback=item, purpose="appeal")
    assert notification.state == Notification.State.SENT
    (sent,) = mail.outbox
    assert sent.to == ["kim@example.org"]
    assert sent.subject == f"Your feedback was forwarded as an appeal ({item.reference})"
    with translation.override("en"):  # the citizen's language, not the handler's Swedish
        assert local_date(date(2026, 12, 15)) in sent.body


def test_forwarding_needs_the_arrival_date(client, handler):
    item = register("Jag överklagar.")
    client.force_login(handler)
    response = triage(client, item, forward_as_appeal="on", appeal_arrived_on="")
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.appeal_forwarded_on is None
    assert not Notification.objects.filter(feedback=item, purpose="appeal").exists()


def test_the_list_filters_items_that_may_be_appeals(client, handler):
    flagged = register("Jag vill överklaga.")
    ordinary = register("Receptionen var stängd.")
    client.force_login(handler)
    page = client.get("/admin/feedback/?may_be_appeal=true").content.decode()
    assert flagged.reference in page and ordinary.reference not in page


def test_the_inbox_and_the_dashboard_point_to_possible_appeals(client, handler):
    """Nobody has to open the item to see it: the inbox notice says so, and the admin home
    counts the open ones not yet forwarded."""
    flagged = register("Jag vill överklaga beslutet.")
    register("Receptionen var stängd.")
    inbox = Notification.objects.get(feedback=flagged, purpose=Notification.Purpose.INBOX)
    body = build_message(inbox).body  # the unit's inbox gets Swedish
    assert "Kan vara ett överklagande av ett beslut" in body and "Jag vill" not in body
    client.force_login(handler)
    home = client.get("/admin/").content.decode()
    assert "?may_be_appeal=true" in home
    assert "1 öppet ärende kan vara ett överklagande" in home
