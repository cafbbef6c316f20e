"""Abuse that must not get through: forged X-Forwarded-For does not lift the per-address limit,
parallel requests cannot exceed it, mistakes do not count, and staff sign-in locks after five
wrong passwords."""

import uuid

import pytest

from feedback.models import Feedback
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db


def send(client, **headers):
    return client.post(FORM, form_data(submission_id=str(uuid.uuid4())), **headers)


def test_a_forged_forwarded_for_does_not_lift_the_limit_behind_one_proxy(
    client, feedback_page, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    answers = [
        # nginx appends the real client (10.0.0.5) to whatever the client wrote.
        send(client, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 10.0.0.5").status_code
        for n in range(8)
    ]
    assert answers == [303] * 5 + [429] * 3
    assert Feedback.objects.count() == 5
    # Another client behind the same proxy has its own allowance.
    assert send(client, HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.6").status_code == 303


def test_without_a_trusted_proxy_the_header_is_ignored(client, feedback_page, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    answers = [send(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(6)]
    assert answers == [303] * 5 + [429]


def test_a_form_with_mistakes_does_not_use_up_the_allowance(client, feedback_page):
    for _ in range(8):
        assert client.post(FORM, form_data(message="")).status_code == 200
    assert [send(client).status_code for _ in range(6)] == [303] * 5 + [429]


def test_status_lookups_are_limited_per_address(client, feedback_page):
    answers = [
        client.post("/sv/synpunkter/status/", {"reference": "2026-00001", "code": "X"}).status_code
        for _ in range(31)
    ]
    assert answers[:30] == [200] * 30 and answers[30] == 429


def test_sign_in_locks_after_five_wrong_passwords(client, django_user_model, demo_site):
    django_user_model.objects.create_user("hedda", "h@example.org", "the-right-pw-1")
    wrong = {"username": "hedda", "password": "wrong"}
    answers = [client.post("/admin/login/", wrong).status_code for _ in range(6)]
    assert answers[:4] == [200] * 4  # the form again, with its error
    assert answers[5] == 429
    # Locked: even the right password does not get in now.
    right = client.post("/admin/login/", {"username": "hedda", "password": "the-right-pw-1"})
    assert right.status_code == 429
    assert "För många misslyckade inloggningsförsök" in right.content.decode()


def test_behind_nginx_the_lockout_is_per_client_not_for_everyone(
    client, django_user_model, demo_site, settings
):
    """nginx appends the client to X-Forwarded-For: five wrong passwords from one client (who
    also forges the header) lock that client out, not a colleague behind the same proxy."""
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_user("hedda", "h@example.org", "the-right-pw-1")
    for n in range(6):
        client.post(
            "/admin/login/",
            {"username": f"guess{n}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.9",
            REMOTE_ADDR="127.0.0.1",
        )
    right = {"username": "hedda", "password": "the-right-pw-1"}
    locked = client.post(
        "/admin/login/", right, HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="127.0.0.1"
    )
    assert locked.status_code == 429
    colleague = client.post(
        "/admin/login/", right, HTTP_X_FORWARDED_FOR="198.51.100.7", REMOTE_ADDR="127.0.0.1"
    )
    assert colleague.status_code == 302
