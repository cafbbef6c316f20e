"""Delay notice (FL 11 §): a handler who will not answer by the due date records a new date and
the reason; the citizen is told in their language and sees both on the status page; the audit
log records it; a notice recorded after the due date still counts as late without notice."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import ModelLogEntry

from feedback import intake, report_text, reports, triage
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Feedback, FeedbackPage, Notification
from feedback.notifications import build_message
from feedback.periods import Period
from portal.models import ClosedDay
from portal.templatetags.portal_tags import local_date
from portal.workdays import STOCKHOLM
from tests.feedback.test_triage_admin import new_item
from tests.feedback.test_triage_admin import triage as post_triage

pytestmark = pytest.mark.django_db
REASON = "Vi väntar på ett yttrande från en annan enhet."


def on(day):
    return time_machine.travel(
        datetime.combine(day, datetime.min.time()).replace(hour=9, tzinfo=STOCKHOLM), tick=False
    )


def give_notice(client, item, new_date, reason=REASON):
    return post_triage(client, item, delayed_answer_due=new_date.isoformat(), delay_reason=reason)


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user("hedda", "hedda@example.org", "pw-h-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler)
    return client


def being_handled(item) -> Feedback:
    """Acknowledged and in progress: the answer is what is due next."""
    Feedback.objects.filter(pk=item.pk).update(status="in_progress")
    item.refresh_from_db()
    return item


@pytest.fixture
def item(handler):
    return being_handled(new_item(language="en"))


def test_a_notice_before_the_due_date_is_recorded_told_and_shown(
    handler_client, item, django_capture_on_commit_callbacks
):
    first_due = item.answer_due
    new_date = first_due + timedelta(days=14)
    with on(first_due - timedelta(days=1)):
        with django_capture_on_commit_callbacks(execute=False):
            assert give_notice(handler_client, item, new_date).status_code == 302
        item.refresh_from_db()
        assert (item.delayed_answer_due, item.delay_noticed_on) == (
            new_date,
            first_due - timedelta(days=1),
        )
        assert triage.delay_noticed_in_time(item)
        assert item.promised_answer_date == new_date

        notice = Notification.objects.get(feedback=item, purpose=Notification.Purpose.DELAY)
        assert notice.recipient == item.email
        entry = ModelLogEntry.objects.get(action="feedback.delay_notice", object_id=str(item.pk))
        assert entry.data["new_answer_date"] == new_date.isoformat() and entry.data["in_time"]

    # Past the first date the item is not overdue: the new date is what is due now.
    with on(first_due + timedelta(days=3)):
        assert not Feedback.objects.filter(
            triage.overdue_filter(first_due + timedelta(days=3)), pk=item.pk
        ).exists()
    with on(new_date + timedelta(days=1)):
        assert Feedback.objects.filter(
            triage.overdue_filter(new_date + timedelta(days=1)), pk=item.pk
        ).exists()


def test_the_citizen_reads_the_new_date_and_the_reason_in_their_language(client, handler):
    registered = intake.register(
        Feedback(
            kind="complaint",
            category=new_item().category,
            language="en",
            channel="web",
            message="No answer yet.",
            email="kim@example.org",
            answer_by="email",
        )
    )
    item = being_handled(registered.feedback)
    new_date = item.answer_due + timedelta(days=10)
    with on(item.answer_due):  # signed in then: the staff session ends after 30 idle minutes
        client.force_login(handler)
        assert give_notice(client, item, new_date).status_code == 302
    client.logout()
    html = client.post(
        FeedbackPage.status_url_in("en"),
        {"reference": item.reference, "code": registered.lookup_code},
    ).content.decode()
    assert "We need more time." in html and REASON in html
    with translation.override("en"):
        assert f"no later than {local_date(new_date)}" in html


def test_the_e_mail_tells_the_new_date_in_the_citizens_language(handler_client, item):
    new_date = item.answer_due + timedelta(days=7)
    with on(item.answer_due):
        give_notice(handler_client, item, new_date)
    notice = Notification.objects.get(feedback=item, purpose=Notification.Purpose.DELAY)
    message = build_message(notice)
    assert message.subject == f"New answer date for your feedback ({item.reference})"
    assert "We need more time to answer" in message.body
    assert REASON not in message.body  # the reason is read behind the lookup code


def test_a_notice_after_the_due_date_counts_as_late_without_notice(handler_client):
    told_in_time, told_late = being_handled(new_item()), being_handled(new_item())
    with on(told_in_time.answer_due):
        give_notice(handler_client, told_in_time, told_in_time.answer_due + timedelta(days=7))
    with on(told_late.answer_due + timedelta(days=2)):
        give_notice(handler_client, told_late, told_late.answer_due + timedelta(days=7))
    told_late.refresh_from_db()
    assert not triage.delay_noticed_in_time(told_late)

    later = told_late.answer_due + timedelta(days=20)
    with on(later):
        report = reports.build(Period.year(told_late.received_at.year), today=later)
    assert (report.late_with_notice, report.late_without_notice) == (1, 1)
    text = report_text.swedish_text(report)
    assert "2 st. fick svar för sent eller väntar ännu; 1 av dem" in text


def test_a_notice_needs_a_later_date_and_a_reason_and_cannot_be_taken_back(handler_client, item):
    with on(item.answer_due - timedelta(days=1)):
        early = give_notice(handler_client, item, item.answer_due)
        assert "delayed_answer_due" in early.context["form"].errors
        unexplained = give_notice(handler_client, item, item.answer_due + timedelta(days=5), "")
        assert "delay_reason" in unexplained.context["form"].errors
        assert (
            give_notice(handler_client, item, item.answer_due + timedelta(days=5)).status_code
            == 302
        )
        item.refresh_from_db()
        taken_back = post_triage(handler_client, item, delayed_answer_due="", delay_reason="")
        assert "delayed_answer_due" in taken_back.context["form"].errors
        # Saving again without a change gives no second notice.
        give_notice(handler_client, item, item.answer_due + timedelta(days=5))
    assert Notification.objects.filter(purpose=Notification.Purpose.DELAY).count() == 1


def test_the_dashboard_asks_before_the_due_date(handler_client, item):
    with on(item.answer_due - timedelta(days=1)):
        today = item.answer_due - timedelta(days=1)
        asked = triage.delay_notice_asked_filter(today, ClosedDay.objects.calendar())
        assert Feedback.objects.filter(asked, pk=item.pk).exists()
        home = handler_client.get("/admin/").content.decode()
        assert "?delay_notice_asked=true" in home
        listed = handler_client.get("/admin/feedback/?delay_notice_asked=true").content.decode()
        assert item.reference in listed
        give_notice(handler_client, item, item.answer_due + timedelta(days=5))
        assert not Feedback.objects.filter(asked, pk=item.pk).exists()


def test_a_later_new_date_is_told_but_the_first_notice_stays_in_time(handler_client, handler, item):
    """Extended after the first date: the citizen is told again, and the item still counts
    as told in time; rewording the reason alone sends nothing."""
    first = item.answer_due
    with on(first - timedelta(days=1)):
        give_notice(handler_client, item, first + timedelta(days=7))
    item.refresh_from_db()
    with on(first + timedelta(days=8)):
        handler_client.force_login(handler)  # the staff session would have ended meanwhile
        give_notice(handler_client, item, first + timedelta(days=21))
        item.refresh_from_db()
        give_notice(handler_client, item, first + timedelta(days=21), "Vi väntar fortfarande.")
    item.refresh_from_db()
    assert item.delayed_answer_due == first + timedelta(days=21)
    assert item.delay_reason == "Vi väntar fortfarande."
    assert item.delay_noticed_on == first - timedelta(days=1) and triage.delay_noticed_in_time(item)
    assert Notification.objects.filter(purpose=Notification.Purpose.DELAY).count() == 2
