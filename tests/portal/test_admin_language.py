"""Staff get the admin in Swedish whatever their browser asks for, and English (or Swedish) when
they choose it in their account; public pages keep the language of their URL."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.conftest import choose_admin_language

pytestmark = pytest.mark.django_db
AMERICAN_BROWSER = "en-US,en;q=0.9"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def browser():
    return Client(HTTP_ACCEPT_LANGUAGE=AMERICAN_BROWSER)


@pytest.fixture
def editor(django_user_model, demo_site):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw-ed-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_an_english_browser_gets_the_swedish_admin(browser, editor):
    assert html_lang(browser.get("/admin/login/")) == "sv"
    browser.force_login(editor)
    home = browser.get("/admin/")
    assert html_lang(home) == "sv"
    assert "Sidor" in home.content.decode()  # the menu's "Pages"


def test_a_staff_member_who_chose_english_gets_english(browser, editor):
    browser.force_login(choose_admin_language(editor, "en"))
    home = browser.get("/admin/")
    assert html_lang(home) == "en"
    assert '"label": "Pages"' in home.content.decode()


def test_swedish_chosen_in_an_english_admin_stays_swedish(editor):
    english_only = Client(HTTP_ACCEPT_LANGUAGE="en")
    english_only.force_login(choose_admin_language(editor, "sv"))
    assert html_lang(english_only.get("/admin/")) == "sv"


def test_the_account_offers_swedish_and_english(browser, editor):
    browser.force_login(editor)
    html = browser.get("/admin/account/").content.decode()
    select = re.search(r'<select name="locale-preferred_language".*?</select>', html, re.S)
    assert re.findall(r'value="([^"]*)"', select.group(0)) == ["", "en", "sv"]


def test_public_pages_keep_the_language_of_their_address(browser, demo_site):
    assert html_lang(browser.get("/sv/")) == "sv"
    assert html_lang(Client(HTTP_ACCEPT_LANGUAGE="sv").get("/en/")) == "en"
    assert browser.get("/")["Location"] == "/en/"
