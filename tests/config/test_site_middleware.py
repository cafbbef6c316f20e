"""What every response carries (security headers, request id), the health endpoints, and the
page a citizen gets when the database is out of reach."""

import json
from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from feedback.models import Notification
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db


def csp(response) -> dict:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_public_pages_forbid_inline_script_and_style_and_other_hosts(client, demo_site):
    response = client.get("/sv/")
    policy = csp(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy_and_is_never_stored(client, django_user_model, demo_site):
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.org", "pw-1"))
    response = client.get("/admin/")
    assert "'unsafe-inline'" in csp(response)["script-src"]
    assert "no-store" in response["Cache-Control"]


def test_receipt_and_status_are_never_stored(client, feedback_page):
    receipt = client.get(client.post(FORM, form_data())["Location"])
    assert receipt.status_code == 200 and "no-store" in receipt["Cache-Control"]
    assert "no-store" in client.get("/sv/synpunkter/status/")["Cache-Control"]
    assert "no-store" not in client.get(FORM).get("Cache-Control", "")


def test_each_response_has_a_request_id_and_keeps_a_well_formed_one(client, demo_site):
    assert len(client.get("/sv/")["X-Request-ID"]) == 32
    given = "abc123-def456-7890"
    assert client.get("/sv/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    assert client.get("/sv/", HTTP_X_REQUEST_ID="bad id <x>")["X-Request-ID"] != "bad id <x>"


def test_healthz_and_readyz_answer_in_json(client, demo_site):
    assert json.loads(client.get("/healthz").content) == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = json.loads(ready.content)
    assert body["status"] == "ok"
    assert body["checks"] == {
        "database": "ok",
        "migrations": "ok",
        "task_queue": "ok",
        "notifications": "ok",
    }


def test_readyz_fails_when_e_mail_waits_longer_than_the_limit(client, feedback_page):
    client.post(FORM, form_data())
    Notification.objects.update(state="pending", created_at=timezone.now() - timedelta(minutes=20))
    ready = client.get("/readyz")
    assert ready.status_code == 503
    body = json.loads(ready.content)
    assert body["checks"]["notifications"].startswith("oldest waiting")
    assert "kim@example.org" not in ready.content.decode()


def database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_a_database_outage_gives_a_503_in_the_readers_language_with_the_text_kept(
    client, feedback_page
):
    form = client.get("/ar/synpunkter/")  # the CSRF cookie, while the database is up
    assert form.status_code == 200
    data = form_data(message="رسالتي المهمة <b>لا تضيع</b>")
    with connection.execute_wrapper(database_down):
        response = client.post("/ar/synpunkter/", data)
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لم تُرسل رسالتك" in html
    # What they typed is there to send again, escaped.
    assert "رسالتي المهمة &lt;b&gt;لا تضيع&lt;/b&gt;</textarea>" in html
    assert 'name="kind" value="complaint"' in html
    assert 'action="/ar/synpunkter/"' in html
    assert "no-store" in response["Cache-Control"]


def test_no_log_line_of_a_submission_carries_personal_data(
    client, feedback_page, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    data = form_data(
        name="Kim Andersson", phone="070-123 45 67", message="Min handläggare Sara svarar aldrig."
    )
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.get(client.post(FORM, data)["Location"])
    assert receipt.status_code == 200
    lines = "\n".join(record.getMessage() for record in caplog.records)
    assert "feedback=" in lines  # the mail log lines are there, by reference
    for personal in ("Kim Andersson", "kim@example.org", "070-123 45 67", "Sara svarar"):
        assert personal not in lines


@pytest.mark.parametrize(
    "path, lang, title", [("/sv/synpunkter/", "sv", "Formuläret hade gått ut"),
                          ("/ar/synpunkter/", "ar", "انتهت صلاحية النموذج")]
)  # fmt: skip
def test_an_expired_form_keeps_what_was_typed_in_the_readers_language(
    feedback_page, path, lang, title
):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(path, form_data(message="Jag väntade i två timmar."))
    assert response.status_code == 403
    page = response.content.decode()
    assert f'<html lang="{lang}"' in page and title in page
    assert "Jag väntade i två timmar.</textarea>" in page
    assert 'name="csrfmiddlewaretoken"' in page  # a fresh form to send it again
    assert "no-store" in response["Cache-Control"]


def test_an_expired_admin_form_gives_back_no_password(demo_site):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/admin/login/", {"username": "a", "password": "hemligt-lösen"})
    assert response.status_code == 403
    assert "hemligt-lösen" not in response.content.decode()
