"""Twenty people press Send at the same moment: twenty distinct, consecutive references; a
handler double-clicks Save on an answer: one e-mail.

Runs on whichever database the suite uses (SQLite or PostgreSQL), with real commits from
twenty threads, each on its own connection. As a transactional test it runs after the other
database tests and the database is emptied after it.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from threading import Barrier

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import Locale

from feedback import intake
from feedback.admin_forms import TriageForm
from feedback.models import Category, Feedback, FeedbackNote, Notification
from portal.workdays import STOCKHOLM

YEAR = 2031  # a year no other test uses
THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_get_twenty_consecutive_references():
    category = Category.objects.filter(locale=Locale.get_default()).first()
    start = Barrier(THREADS)

    def submit(n):
        try:
            start.wait()
            registered = intake.register(
                Feedback(
                    kind="suggestion",
                    category=category,
                    message=f"Förslag {n}",
                    language="sv",
                    channel="web",
                ),
                received_at=datetime(YEAR, 3, 2, 10, 0, tzinfo=STOCKHOLM),
            )
            return registered.feedback.reference
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        references = list(pool.map(submit, range(THREADS)))

    assert sorted(references) == [f"{YEAR}-{n:05d}" for n in range(1, THREADS + 1)]
    assert Feedback.objects.filter(year=YEAR).count() == THREADS


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_send_e_mails_the_answer_once(django_user_model):
    """Two POSTs of one triage form at the same moment (a double click on Save with "send the
    answer" ticked): one answer e-mail, one save. Runs after the test above has emptied the
    database, so it makes what it needs."""
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    category = Category.objects.filter(locale=locale).first() or Category.objects.create(
        name="Bemötande", locale=locale
    )
    handler = django_user_model.objects.create_superuser("hedda", "hedda@example.org", "pw-1")
    item = intake.register(
        Feedback(
            kind="complaint",
            category=category,
            message="Jag blev illa bemött.",
            language="sv",
            channel="web",
            name="Kim",
            email="kim@example.org",
            answer_by="email",
        )
    ).feedback
    mail.outbox.clear()
    data = {
        "opened": TriageForm(instance=item)["opened"].value(),
        "language": item.language,
        "assigned_to": "",
        "status": "received",
        "answer_text": "Tack, vi har ändrat våra rutiner i receptionen.",
        "answered_on": "",
        "answer_channel": "",
        "justified": "unknown",
        "action_taken": "",
        "note": "Svarat per e-post.",
        "send_answer_by_email": "on",
    }
    clients = [Client(HTTP_ACCEPT_LANGUAGE="sv") for _n in range(2)]
    for client in clients:
        client.force_login(handler)
    start = Barrier(2)

    def save(client):
        try:
            start.wait()
            return client.post(f"/admin/feedback/edit/{item.pk}/", data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(save, clients))

    assert statuses == [302, 302]  # one saved, the other recognised as the same form
    assert Notification.objects.filter(feedback=item, purpose="answer").count() == 1
    assert [m.to for m in mail.outbox] == [["kim@example.org"]]
    assert FeedbackNote.objects.filter(feedback=item).count() == 1
    item.refresh_from_db()
    assert (item.status, item.version) == ("answered", 2)
