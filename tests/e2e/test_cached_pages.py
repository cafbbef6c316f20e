"""Cached pages as a citizen meets them (portal/page_cache.py): a second visit comes from the
cache, and a change a moderator publishes in the admin is there on the next reload."""

from tests.e2e.conftest import axe_violations, sign_in

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user("mia", "mia@example.org", "mia-e2e-password")
user.groups.add(Group.objects.get(name="Moderators"))
from portal.models import GuidancePage
print(GuidancePage.objects.get(locale__language_code="sv", slug="overklaga-ett-beslut").pk)
"""
ADDRESS = "/sv/ekonomiskt-bistand/"
ADDED = "Vi har förlängt våra telefontider för frågor om överklagande."


def test_a_published_change_is_on_the_next_reload(site_url, manage, new_page):
    page_pk = manage("shell", "-c", SETUP).split()[-1]
    citizen = new_page()
    citizen.goto(site_url + ADDRESS)
    assert ADDED not in citizen.content()
    # The page is kept now: the next visitor (without the browser's own cache) gets it from
    # the cache, and a reload asks with the ETag (a 304 while nothing changed).
    assert kept_page_header(citizen, site_url) == "hit"

    moderator = sign_in(new_page, site_url, "mia")
    moderator.goto(f"{site_url}/admin/pages/{page_pk}/edit/")
    summary = moderator.locator("#id_summary")
    summary.press("End")
    summary.type(" " + ADDED)
    moderator.locator("footer .w-dropdown__toggle").click()
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Publicera").click()

    after = citizen.reload()
    assert after.request.header_value("if-none-match")
    assert ADDED in citizen.locator("main").inner_text()
    assert kept_page_header(citizen, site_url) == "hit"
    assert axe_violations(citizen) == []


def kept_page_header(page, site_url: str) -> str | None:
    """X-Page-Cache for a fresh request of the address, outside the browser's HTTP cache."""
    return page.context.request.get(site_url + ADDRESS).headers.get("x-page-cache")
