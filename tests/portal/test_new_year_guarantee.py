"""Next year's guarantee is made as editors make it, by copying this year's: it exists in every
language at once, and on 1 January it is the one in force in Swedish, English and Arabic, with
its commitments on the form in each language."""

from datetime import date

import pytest
import time_machine
from wagtail.models import Locale, Page

from portal.models import GuaranteePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def copied_2027(client, django_user_model, demo_site):
    editor = django_user_model.objects.create_superuser("red", "r@example.org", "pw-1x")
    client.force_login(editor)
    current = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")
    response = client.post(
        f"/admin/pages/{current.pk}/copy/",
        {
            "new_title": "Kvalitetsgaranti 2027",
            "new_slug": "kvalitetsgaranti-2027",
            "new_parent_page": current.get_parent().pk,
        },
    )
    assert response.status_code == 302
    new = GuaranteePage.objects.get(slug="kvalitetsgaranti-2027", locale__language_code="sv")
    new.valid_from, new.valid_to = date(2027, 1, 1), date(2027, 12, 31)
    new.commitments.filter(code="nybesok").update(title="Du får en första tid inom tio dagar.")
    new.save_revision(user=editor).publish()
    client.logout()
    return new


def test_a_copied_page_exists_in_every_language_at_once(copied_2027):
    others = Locale.objects.exclude(language_code="sv")
    aliases = Page.objects.filter(alias_of=copied_2027)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == sorted(
        others.values_list("language_code", flat=True)
    )
    assert all(alias.live for alias in aliases)


@time_machine.travel("2027-01-01 08:00 +01:00", tick=False)
@pytest.mark.parametrize("code", ["sv", "en", "ar"])
def test_on_new_years_day_the_new_guarantee_is_in_force_in_every_language(
    client, copied_2027, code
):
    index = client.get(f"/{code}/kvalitetsgaranti/").content.decode()
    assert f'href="/{code}/kvalitetsgaranti/kvalitetsgaranti-2027/"' in index
    form = client.get(f"/{code}/synpunkter/").content.decode()
    assert "Du får en första tid inom tio dagar." in form
