"""Editors are warned on the admin home while next year's guarantee would not be live on its
first day: none scheduled within 30 days, or scheduled for another day than it starts."""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import translation

from portal.guarantee_warnings import guarantee_warnings
from portal.models import GuaranteePage
from portal.workdays import STOCKHOLM
from tests.conftest import choose_admin_language

pytestmark = pytest.mark.django_db
EARLY_DECEMBER = "2026-12-05 09:00 +01:00"


def schedule_2027(go_live: datetime):
    current = GuaranteePage.objects.get(slug="kvalitetsgaranti-2026", locale__language_code="sv")
    new = current.copy(
        update_attrs={"title": "Kvalitetsgaranti 2027", "slug": "kvalitetsgaranti-2027"}
    )
    new = GuaranteePage.objects.get(pk=new.pk)
    new.valid_from, new.valid_to = date(2027, 1, 1), date(2027, 12, 31)
    new.save_revision(approved_go_live_at=go_live)
    return new


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_with_nothing_for_next_year_editors_are_told(client, django_user_model, demo_site):
    assert guarantee_warnings(date(2026, 11, 25)) == []  # 25 December is still 2026
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw-ed-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(choose_admin_language(editor, "en"))
    home = client.get("/admin/").content.decode()
    assert "No published guarantee will be valid on 2027-01-04." in home


@time_machine.travel(EARLY_DECEMBER, tick=False)
def test_a_guarantee_scheduled_for_its_first_day_is_enough(demo_site):
    schedule_2027(datetime(2027, 1, 1, 0, 0, tzinfo=STOCKHOLM))
    assert guarantee_warnings(date(2026, 12, 5)) == []


@time_machine.travel(EARLY_DECEMBER, tick=False)
@translation.override("en")  # the warning's words as written, whatever a test before activated
def test_a_go_live_day_other_than_the_first_valid_day_is_flagged(demo_site):
    schedule_2027(datetime(2027, 1, 4, 8, 0, tzinfo=STOCKHOLM))
    (warning,) = [w for w in guarantee_warnings(date(2026, 12, 5)) if "goes live" in w]
    assert "2027-01-04" in warning and "2027-01-01" in warning
