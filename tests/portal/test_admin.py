"""Editors manage every page type and the site settings in the Wagtail admin."""

from datetime import time

import pytest
from django.contrib.auth.models import Group
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.blocks import IntervalBlock, SeasonBlock
from portal.models import ClosedDay, GuaranteeIndexPage, GuaranteePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw-for-tests-1")
    client.force_login(user)
    return client


def test_every_demo_page_opens_in_the_editor(editor_client, demo_site):
    for page in Page.objects.filter(depth__gt=1):
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


def test_contact_settings_open_in_the_admin(editor_client, demo_site):
    response = editor_client.get("/admin/settings/portal/contactsettings/")
    # The settings of the one site: Wagtail sends the editor to that site's form.
    assert response.status_code == 302
    assert editor_client.get(response["Location"]).status_code == 200


def guarantee_form(valid_from, valid_to, codes):
    return nested_form_data(
        {
            "title": "Kvalitetsgaranti 2027",
            "slug": "kvalitetsgaranti-2027",
            "valid_from": valid_from,
            "valid_to": valid_to,
            "mission": rich_text("<p>Vi utreder och beslutar om ekonomiskt bistånd.</p>"),
            "about_unit": rich_text(""),
            "how_we_keep": rich_text(""),
            "if_we_fail": rich_text("<p>Kontakta enhetschefen.</p>"),
            "approved_by": "",
            "approved_on": "",
            "signed_by_name": "",
            "signed_by_role": "",
            "commitments": inline_formset(
                [
                    {
                        "code": code,
                        "title": f"Åtagande {code}",
                        "explanation": "",
                        "target_value": "14",
                        "target_unit": "calendar_days",
                        "target_measures": "",
                    }
                    for code in codes
                ]
            ),
            "action-publish": "publish",
        }
    )


def add_guarantee(client, index, data):
    return client.post(f"/admin/pages/add/portal/guaranteepage/{index.pk}/", data)


def test_editor_publishes_a_guarantee_with_commitments(editor_client, demo_site):
    index = GuaranteeIndexPage.objects.get(locale__language_code="sv")
    response = add_guarantee(
        editor_client, index, guarantee_form("2027-01-01", "2027-12-31", ["a", "b"])
    )
    assert response.status_code == 302
    page = GuaranteePage.objects.get(slug="kvalitetsgaranti-2027", locale__language_code="sv")
    assert page.live
    # wagtail-localize keeps the other locales in step: the new page exists there as an alias.
    assert GuaranteePage.objects.filter(alias_of=page).count() == 6
    assert [c.code for c in page.commitments.all()] == ["a", "b"]
    html = editor_client.get(page.url).content.decode()
    assert "14 kalenderdagar" in html


def test_a_guarantee_cannot_end_before_it_starts(editor_client, demo_site):
    index = GuaranteeIndexPage.objects.get(locale__language_code="sv")
    response = add_guarantee(
        editor_client, index, guarantee_form("2027-12-31", "2027-01-01", ["a"])
    )
    assert response.status_code == 200
    assert "Garantin kan inte sluta gälla innan den börjar gälla." in response.content.decode()
    assert not GuaranteePage.objects.filter(slug="kvalitetsgaranti-2027").exists()


def test_two_commitments_cannot_share_a_code(editor_client, demo_site):
    index = GuaranteeIndexPage.objects.get(locale__language_code="sv")
    response = add_guarantee(
        editor_client, index, guarantee_form("2027-01-01", "2027-12-31", ["a", "a"])
    )
    assert response.status_code == 200
    # The unique constraint on (page, code) is checked by the inline formset.
    assert "Korrigera duplikatdata för page och code" in response.content.decode()
    assert not GuaranteePage.objects.filter(slug="kvalitetsgaranti-2027").exists()


def test_opening_hours_must_close_after_they_open():
    with pytest.raises(StructBlockValidationError) as error:
        IntervalBlock().clean({"opens": time(11), "closes": time(10)})
    assert "closes" in error.value.block_errors


def test_a_season_cannot_end_before_it_starts():
    from datetime import date

    with pytest.raises(StructBlockValidationError):
        SeasonBlock().clean(
            {"name": "Sommar", "starts": date(2026, 8, 1), "ends": date(2026, 6, 1), "hours": []}
        )


def test_the_admin_loads_nothing_from_gravatar(client, django_user_model, demo_site):
    user = django_user_model.objects.create_superuser("g", "someone@example.org", "pw-g-1")
    client.force_login(user)
    for url in ("/admin/", f"/admin/users/{user.pk}/", "/admin/account/"):
        assert "gravatar" not in client.get(url).content.decode(), url


def test_editors_keep_the_unit_wide_closed_days(client, django_user_model, demo_site):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw-ed-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/portal/closedday/add/", {"date": "2026-12-09", "reason": "Personaldag"}
    )
    assert response.status_code == 302
    assert ClosedDay.objects.get(date="2026-12-09").reason == "Personaldag"


def test_collapsed_hours_blocks_show_their_times_and_dates(client, django_user_model, demo_site):
    """A collapsed row reads "Måndag, Tisdag 08:30–12:00", a season "Sommartider: 2026-06-22 – …",
    not only its first field (Wagtail fills the label_format from the fields)."""
    client.force_login(django_user_model.objects.create_superuser("h", "h@example.org", "pw-h-1"))
    hours = Page.objects.get(slug="oppettider", locale__language_code="sv")
    html = client.get(f"/admin/pages/{hours.pk}/edit/").content.decode()
    for label in ("{weekdays} {opens}", "{name}: {starts}", "{date} {note}"):
        assert label in html, label
