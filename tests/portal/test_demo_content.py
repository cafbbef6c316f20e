import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal.models import ContactSettings, GuaranteeCommitment, HomePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "commitments": GuaranteeCommitment.objects.count(),
        "sites": Site.objects.count(),
        "settings": ContactSettings.objects.count(),
    }


def test_running_the_demo_loader_twice_changes_nothing():
    call_command("load_demo_content", stdout=None)
    first = counts()
    call_command("load_demo_content")
    assert counts() == first
    # The tree root, then home and thirteen pages below it in each of the seven languages.
    assert first["pages"] == 1 + 14 * 7


def test_demo_home_is_the_default_site_root_and_the_welcome_page_is_gone(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert HomePage.objects.filter(locale__language_code="sv").count() == 1


def test_staff_edits_survive_a_second_run(demo_site):
    demo_site.title = "Ekonomiskt bistånd i innerstaden"
    demo_site.save_revision().publish()
    call_command("load_demo_content")
    demo_site.refresh_from_db()
    assert demo_site.title == "Ekonomiskt bistånd i innerstaden"


def test_demo_staff_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", "a-long-demo-password-42")
    call_command("ensure_demo_staff")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-demo-password-42")
    assert "a-long-demo-password-42" not in capsys.readouterr().out


def test_generated_demo_password_is_printed_once(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    call_command("ensure_demo_staff")
    first = capsys.readouterr().out
    password = first.split("password ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_demo_staff")
    assert password not in capsys.readouterr().out
