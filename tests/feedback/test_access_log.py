"""Every admin view and export that shows a feedback item's personal data writes an access row:
the admin's URL list is walked, so a new view that shows personal data without logging fails.
The data-protection officer reads the log in its own report; handlers cannot."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from feedback import access_log
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Notification
from tests.conftest import choose_admin_language
from tests.feedback.conftest import read_csv
from tests.feedback.test_admin_access import admin_urls, fill
from tests.feedback.test_admin_access import item as item  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
# Query strings under which a route shows more (a search, an export, a person's details).
VARIANTS = {
    "admin/feedback/": ["?q=illa", "?export=csv&purpose=report", "?export=xlsx&purpose=audit"],
    "admin/feedback/results/": ["?q=illa"],
}
# Routes that show personal data only to a POST (a person's details never go in a URL).
POSTS = {
    "admin/feedback-subject/": [
        {"email": "kim@example.org", "action": "find"},
        {"email": "kim@example.org", "action": "copy", "item": "ITEM"},
        {"email": "kim@example.org", "action": "json", "item": "ITEM"},
    ],
}


def rows_for(item):
    return ModelLogEntry.objects.filter(object_id=str(item.pk), label=item.reference)


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


@pytest.fixture
def auditor(django_user_model):
    user = django_user_model.objects.create_user("dso", "dso@example.org", "pw-d-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    user.user_permissions.add(Permission.objects.get(codename="audit_feedback"))
    return choose_admin_language(user, "en")  # so the report's words are asserted as written


@pytest.fixture
def handler(django_user_model):
    user = django_user_model.objects.create_user("handler", "h@example.org", "pw-h-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return choose_admin_language(user, "en")


def test_every_view_that_shows_personal_data_logs_it(client, admin_user, item):
    client.force_login(admin_user)
    shown, unlogged = [], []
    notification = Notification.objects.filter(feedback=item, recipient="kim@example.org").first()
    for route in sorted(set(admin_urls())):
        path = fill(route, notification.pk if "notification" in route else item.pk)
        if "<" in path or "(?P" in path or "delete" in path:
            continue
        key = route.replace("^", "").replace("$", "")
        requests = [("get", ""), *(("get", q) for q in VARIANTS.get(key, []))]
        requests += [("post", data) for data in POSTS.get(key, [])]
        for method, query in requests:
            before = rows_for(item).count()
            if method == "get":
                response = client.get(path + query)
            else:
                data = {k: item.pk if v == "ITEM" else v for k, v in query.items()}
                response = client.post(path, data)
                query = f" POST {query['action']}"
            body = body_of(response)
            if response.status_code == 200 and ("kim@example.org" in body or "illa" in body):
                shown.append(path + query)
                if rows_for(item).count() == before:
                    unlogged.append(path + query)
    assert unlogged == []
    # The walk did reach the views that show the data.
    assert len(shown) >= 7, shown


def test_a_search_is_logged_per_item_without_its_words(client, handler, item):
    client.force_login(handler)
    assert client.get("/admin/feedback/?q=illa").status_code == 200
    row = rows_for(item).get(action="feedback.search")
    assert row.user == handler
    assert "illa" not in str(row.data)


def test_an_export_asks_its_purpose_first(client, handler, item):
    client.force_login(handler)
    response = client.get("/admin/feedback/?export=csv&status=received")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert 'name="purpose"' in page and 'name="status" value="received"' in page
    assert not rows_for(item).filter(action="feedback.export").exists()

    response = client.get("/admin/feedback/?export=csv&status=received&purpose=public_document")
    assert item.reference in body_of(response)
    row = rows_for(item).get(action="feedback.export")
    assert (row.user, row.data) == (handler, {"purpose": "public_document", "format": "csv"})


def test_the_access_report_is_for_the_data_protection_officer(client, handler, auditor, item):
    client.force_login(handler)
    client.get(f"/admin/feedback/edit/{item.pk}/")
    client.get("/admin/feedback/?export=csv&purpose=case")
    assert client.get("/admin/feedback-access/").status_code == 403

    client.force_login(auditor)
    page = client.get(f"/admin/feedback-access/?reference={item.reference}").content.decode()
    assert page.count(item.reference) >= 3
    assert "handler" in page and "Handling the feedback" in page

    by_user = client.get(f"/admin/feedback-access/?user={handler.pk}&action=feedback.export")
    assert by_user.content.decode().count(f">{item.reference}<") == 1

    export = client.get(f"/admin/feedback-access/?reference={item.reference}&export=csv")
    rows = read_csv(body_of(export))
    assert rows[0] == ["Time", "Staff member", "Act", "Reference", "Purpose"]
    assert ["Export", item.reference, "Handling the feedback"] in [r[2:] for r in rows]


def test_the_item_page_says_when_its_data_goes_and_links_its_log(client, auditor, item, settings):
    settings.FEEDBACK_RETENTION_MONTHS = 18
    client.force_login(auditor)
    page = client.get(f"/admin/feedback/inspect/{item.pk}/").content.decode()
    assert "18 months after the item is closed" in page
    assert f"/admin/feedback-access/?reference={item.reference}" in page


def test_the_log_is_kept_for_its_own_period(item, settings):
    access_log.record([item], "feedback.view", None)
    old = rows_for(item).get(action="feedback.view")
    old.timestamp = timezone.now() - timedelta(days=3 * 366)
    old.save()
    access_log.record([item], "feedback.view", None)
    assert access_log.remove_expired(date.today(), months=36) == 1
    assert rows_for(item).filter(action="feedback.view").count() == 1


def test_the_report_works_in_a_fresh_process(client, auditor, item, monkeypatch):
    """A new worker has not loaded the log actions yet: the report must not depend on some
    other page having done it first."""
    monkeypatch.setattr(registry, "has_scanned_for_actions", False)
    monkeypatch.setattr(registry, "formatters", {})
    monkeypatch.setattr(registry, "choices", [])
    client.force_login(auditor)
    assert client.get("/admin/feedback-access/").status_code == 200
