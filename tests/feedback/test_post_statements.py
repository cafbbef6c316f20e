"""A citizen's feedback POST costs a fixed, small number of SQL statements (issue #15), however
many categories, districts and items there are, and still saves everything it did; what it
keeps in memory follows staff's edits from the next submission on.

On a warm app server (the lists, the deadline policy, the closed days and the settings are kept
in memory for the content generation) the success path writes, and reads only its page:

- in one transaction (a savepoint here, in the test's own transaction): the year's reference
  number (one upsert), the item, its notifications (one insert);
- after the commit: one task row that sends both e-mails (the database task queue).

The page the form is on comes from the page directory's memory, and the receipt goes into a
signed cookie (no session row).
"""

import uuid
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Site

from feedback import intake
from feedback.models import (
    Category,
    District,
    Feedback,
    FeedbackSettings,
    Notification,
    ResponseDeadline,
)
from portal.models import ClosedDay
from tests.feedback.conftest import FORM, form_data, swedish

pytestmark = pytest.mark.django_db

MONDAY = "2026-11-23 10:15 +01:00"
POST_STATEMENTS = 6  # 4 statements, a savepoint and its release
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    """The production task queue: each task enqueued after the commit is a row."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def send(django_assert_max_num_queries, django_capture_on_commit_callbacks):
    """``send(number, budget)``: a new citizen (a browser without a session, from an address
    of its own) sends the form and its transaction commits; the browser, the answer and how many
    statements it took, the task enqueued after the commit included, at most ``budget``."""

    def sending(number: int, budget: int | None = None) -> tuple:
        data = form_data(submission_id=str(uuid.uuid4()))
        citizen = Client(HTTP_ACCEPT_LANGUAGE="sv", REMOTE_ADDR=f"192.0.2.{number}")
        counting = (
            django_assert_max_num_queries(budget) if budget else CaptureQueriesContext(connection)
        )
        with counting as statements, django_capture_on_commit_callbacks(execute=True):
            response = citizen.post(FORM, data)
        return citizen, response, len(statements)

    return sending


def more_lists_and_items(count: int) -> None:
    default = Locale.get_default()
    for n in range(count):
        Category.objects.create(locale=default, name=f"Kategori {n}", sort_order=100 + n)
        District.objects.create(locale=default, name=f"Stadsdel {n}", sort_order=100 + n)
    category = Category.objects.filter(locale=default).first()
    for n in range(count):
        intake.register(
            Feedback(kind="praise", category=category, message=f"Tack {n}", language="sv")
        )


@time_machine.travel(MONDAY, tick=False)
def test_a_submission_costs_a_fixed_number_of_statements(feedback_page, database_queue, send):
    send(1)  # the first submission after a content change fills the memory
    citizen, response, statements = send(2, budget=POST_STATEMENTS)

    assert response.status_code == 303
    item = Feedback.objects.get(reference="2026-00002")
    assert item.answer_due.isoformat() == "2026-12-07"
    notifications = list(item.notifications.order_by("pk").values_list("pk", "purpose"))
    assert [purpose for _, purpose in notifications] == ["receipt", "inbox"]
    task = DBTaskResult.objects.get(args_kwargs__args=[[pk for pk, _ in notifications]])
    assert task.task_path == "feedback.notifications.send_notifications"
    receipt = citizen.get(response["Location"]).content.decode()
    assert "2026-00002" in receipt and 'class="lookup-code"' in receipt

    more_lists_and_items(20)
    send(3)
    assert send(4, budget=POST_STATEMENTS)[2] == statements
    assert Notification.objects.filter(feedback__reference="2026-00024").count() == 2


@time_machine.travel(MONDAY, tick=False)
def test_staff_edits_apply_to_the_next_submission(feedback_page, send):
    send(1)  # the memory is filled
    rule = ResponseDeadline.objects.get(kind="complaint", category=None)
    rule.answer_within = 5
    rule.save()
    send(2)
    assert Feedback.objects.get(reference="2026-00002").answer_due == date(2026, 11, 30)
    ClosedDay.objects.create(date=date(2026, 11, 24), reason="Planeringsdag")
    send(3)
    item = Feedback.objects.get(reference="2026-00003")
    assert (item.acknowledge_due, item.answer_due) == (date(2026, 11, 26), date(2026, 12, 1))

    category = swedish(Category, "Bemötande")
    category.is_active = False
    category.save()
    _, refused, _ = send(4)
    assert refused.status_code == 200 and Feedback.objects.count() == 3

    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.submissions_per_hour = 1
    settings.save()
    category.is_active = True
    category.save()
    assert send(5)[1].status_code == 303
    assert send(5)[1].status_code == 429
