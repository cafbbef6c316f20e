"""Gallring: closed items lose their personal data and free text after the retention period,
every report of earlier years keeps its figures, and the access log says what was done."""

import io
from datetime import date, datetime

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from feedback import report_formats, reports, retention
from feedback.models import Feedback, FeedbackNote, MeetingTopic, Notification
from feedback.periods import Period
from tests.feedback.test_reports import add, year_2012  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
PERSONAL = {"name": "Kim Andersson", "email": "kim@example.org", "phone": "070-123 45 67",
            "postal_address": "Box 1, 112 01 Stockholm", "answer_by": "email"}  # fmt: skip


def close(item, on: date, **fields):
    Feedback.objects.filter(pk=item.pk).update(status="closed", closed_on=on, **fields)


def test_closing_dates_the_item_and_reopening_clears_it(demo_site):
    item = add(datetime(2026, 3, 2, 10), **PERSONAL)
    assert item.closed_on is None
    item.status = "answered"
    item.save()
    closed_on = item.closed_on
    assert closed_on is not None
    item.status = "closed"
    item.save()
    assert item.closed_on == closed_on  # answered, then closed: the first day counts
    item.status = "in_progress"
    item.save(update_fields=["status"])
    item.refresh_from_db()
    assert item.closed_on is None


def test_gallring_keeps_every_figure_of_the_2012_report(year_2012, settings):  # noqa: F811
    settings.FEEDBACK_RETENTION_MONTHS = 24
    for item in Feedback.objects.all():
        close(
            item,
            date(2013, 3, 1),
            answer_text="Svar till Kim.",
            delay_reason="Kim var sjuk.",
            **PERSONAL,
        )
        FeedbackNote.objects.create(feedback=item, text="Ringde Kim.")
    period = Period.year(2012)

    def figures():
        """Every counted row of the report (the action texts are free text, and go)."""
        rows = report_formats.rows(reports.build(period, today=date(2026, 1, 1)))
        return [row for row in rows if row[0] != "action"]

    before = figures()
    assert len(before) > 20

    out = io.StringIO()
    call_command("gallra_feedback", stdout=out)

    assert "9 item(s)" in out.getvalue()
    assert figures() == before
    for item in Feedback.objects.all():
        blanked = ("name", "email", "phone", "postal_address", "message", "answer_text")
        for field in (*blanked, "action_taken", "delay_reason"):
            assert getattr(item, field) == "", field
        assert item.personal_data_removed_on is not None
        assert item.lookup_code_hash == ""
    assert not FeedbackNote.objects.exists()
    assert not Notification.objects.exclude(recipient="").exists()
    entries = ModelLogEntry.objects.filter(action="feedback.gallring")
    assert entries.count() == 9
    assert entries.first().data == {"retention_months": 24}


def test_only_items_closed_longer_than_the_period_are_touched(demo_site, settings):
    settings.FEEDBACK_RETENTION_MONTHS = 24
    today = date(2026, 11, 25)
    old = add(datetime(2024, 1, 10, 10), **PERSONAL)
    close(old, date(2024, 11, 25))
    recent = add(datetime(2024, 1, 10, 10), **PERSONAL)
    close(recent, date(2024, 11, 26))
    still_open = add(datetime(2020, 1, 10, 10), **PERSONAL)
    assert list(retention.due(today)) == [old]
    retention.remove_personal_data(retention.due(today), action="feedback.gallring", today=today)
    for item, kept in ((old, False), (recent, True), (still_open, True)):
        item.refresh_from_db()
        assert (item.email == PERSONAL["email"]) is kept
    recent.refresh_from_db()
    assert retention.removal_date(recent) == date(2026, 11, 26)
    assert list(retention.due(today)) == []  # a second run has nothing left


def test_the_retention_period_comes_from_the_setting(demo_site, settings):
    item = add(datetime(2026, 1, 10, 10), **PERSONAL)
    close(item, date(2026, 5, 31))
    item.refresh_from_db()
    settings.FEEDBACK_RETENTION_MONTHS = 9
    assert retention.removal_date(item) == date(2027, 2, 28)
    settings.FEEDBACK_RETENTION_MONTHS = 36
    assert retention.removal_date(item) == date(2029, 5, 31)


def test_the_dry_run_changes_nothing(demo_site, settings):
    item = add(datetime(2020, 1, 10, 10), **PERSONAL)
    close(item, date(2020, 2, 1))
    out = io.StringIO()
    call_command("gallra_feedback", "--dry-run", stdout=out)
    assert "1 item(s) are due" in out.getvalue()
    item.refresh_from_db()
    assert item.email == PERSONAL["email"]


def test_gallring_blanks_why_an_item_was_put_on_the_meeting_list(demo_site, settings):
    settings.FEEDBACK_RETENTION_MONTHS = 24
    old, recent = (add(datetime(2024, 1, 10, 10), **PERSONAL) for _each in range(2))
    close(old, date(2024, 1, 20))
    for item in (old, recent):
        MeetingTopic.objects.create(feedback=item, note="Kim Andersson ringer ofta")
    retention.remove_personal_data(
        retention.due(date(2026, 11, 25)), action="feedback.gallring", today=date(2026, 11, 25)
    )
    assert MeetingTopic.objects.get(feedback=old).note == ""
    assert MeetingTopic.objects.get(feedback=recent).note == "Kim Andersson ringer ofta"
