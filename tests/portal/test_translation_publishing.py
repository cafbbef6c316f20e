"""Publishing a translation follows the same permissions as any page: "Sync translated pages →
Publish immediately" publishes only for staff who may publish the pages."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.portal.test_translation_workflow import translate_with_po_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(client, django_user_model, demo_site):
    """The budget page translated into English and published by an administrator, then
    changed in Swedish: the translation has an update waiting to be synced."""
    admin = django_user_model.objects.create_superuser("boss", "b@example.org", "pw-b-1")
    client.force_login(admin)
    page = Page.objects.get(slug="budget-och-skuldradgivning", locale__language_code="sv").specific
    english = translate_with_po_file(
        client, page, "en", {"Budget- och skuldrådgivning": "Budget and debt counselling"}
    )
    client.logout()
    page.title = "Budget- och skuldrådgivning (ny)"
    page.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english.locale
    )
    return english, translation


def sync(client, translation, **data):
    # wagtail-localize publishes once the transaction commits: run that here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/admin/localize/update/{translation.source.pk}/", data)


def editor(django_user_model, username="ed"):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw-e-1")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    return user


def public_heading(client, page) -> str:
    html = client.get(page.url).content.decode()
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def test_an_editor_cannot_publish_a_translation_past_moderation(
    client, django_user_model, translated
):
    target, translation = translated
    client.force_login(editor(django_user_model))
    response = sync(client, translation, publish_translations="on")
    assert response.status_code == 302
    client.logout()
    # The citizen still reads the published translation; the update is not published.
    assert public_heading(client, target) == "Budget and debt counselling"


def test_staff_who_may_publish_still_can(client, django_user_model, translated):
    target, translation = translated
    client.force_login(django_user_model.objects.get(username="boss"))
    sync(client, translation, publish_translations="on")
    client.logout()
    assert public_heading(client, target) == "Budget- och skuldrådgivning (ny)"
