"""Years counted before the register: the demo imports the unit's published 2012 and 2013 counts
(feedback/data/earlier_counts_2012_2013.csv), which the public statistics show marked as
imported; a handler checks and imports the file again from the admin."""

import re

from tests.e2e.conftest import axe_violations, sign_in
from tests.e2e.test_triage import ADMIN_CONTENT

EXAMPLE = "feedback/data/earlier_counts_2012_2013.csv"
HANDLER = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user("edvin", "edvin@example.org", "edvin-e2e-password")
user.groups.add(Group.objects.get(name="Feedback handlers"))
"""


def test_imported_years_on_the_public_statistics_page(site_url, new_page):
    page = new_page()
    for path, marked in (("/sv/statistik/", 0), ("/ar/statistik/", 1)):
        page.goto(site_url + path)
        years = page.locator("main h2").all_inner_texts()
        assert years[-2:] == ["2013", "2012"], path  # after the register's years
        for year in (2012, 2013):
            section = page.locator(f'section[aria-labelledby="year-{year}"]')
            assert f"Verksamhetsberättelse {year}" in section.inner_text()
            # The source is in Swedish: marked as such on pages in other languages.
            assert section.locator('span[lang="sv"]').count() == marked
            assert section.locator("td").count() > 0
        # 2012's report gave no kinds: one table, by subject.
        assert page.locator('section[aria-labelledby="year-2012"] table').count() == 1
        assert page.locator('section[aria-labelledby="year-2013"] table').count() == 2
        assert axe_violations(page) == [], path


def test_a_handler_checks_and_imports_the_example_again(site_url, manage, new_page):
    manage("shell", "-c", HANDLER)
    page = sign_in(new_page, site_url, "edvin")
    page.goto(f"{site_url}/admin/feedback-report/?year=2014")
    assert "Verksamhetsberättelse 2012" in page.locator("main").inner_text()  # year by year
    page.click('a[href="/admin/feedback-report/earlier-years/"]')
    page.wait_for_url(re.compile(r"/earlier-years/$"))
    assert axe_violations(page, ADMIN_CONTENT) == []

    page.set_input_files('input[type="file"]', EXAMPLE)
    with page.expect_navigation():
        page.click('button[value="check"]')
    preview = page.locator("main").inner_text()
    assert "Insatser/verksamhet" in preview and "2012: 7" in preview
    assert axe_violations(page, ADMIN_CONTENT) == []

    with page.expect_navigation():
        page.click('button[value="import"]')
    assert page.url.endswith("/admin/feedback-report/earlier-years/")
    assert "2013: 3" in page.locator(".messages").inner_text()
    assert axe_violations(page, ADMIN_CONTENT) == []
