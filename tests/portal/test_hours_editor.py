"""The hours editor through the real admin form: a new dated exception comes with one empty
hours row, and leaving it empty ("closed all day", as the help text says) saves a draft and
publishes; a half-filled row comes back with a message, never a 500."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.models import OpeningHoursPage

pytestmark = pytest.mark.django_db


def listed(items):
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "deleted": "", "order": str(index), "id": ""}
    return data


def days_as_checkboxes(data):
    """nested_form_data spells a list as numbered fields; the day checkboxes post one name
    with several values, as a browser does."""
    posted = {}
    for key, value in data.items():
        name, _sep, index = key.rpartition("-")
        if name.endswith("-weekdays") and index.isdigit():
            posted.setdefault(name, []).append(value)
        else:
            posted[key] = value
    return posted


def hours_form(page, exception_row, **extra):
    service = {
        "name": "Reception",
        "description": "",
        "regular_hours": listed(
            [{"weekdays": ["0", "1", "2"], "opens": "08:30", "closes": "12:00"}]
        ),
        "seasons": listed([]),
        "exceptions": listed(
            [{"date": "2026-12-09", "note": "Personaldag", "hours": listed([exception_row])}]
        ),
    }
    return days_as_checkboxes(
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": rich_text(""),
                "services": streamfield([("service", service)]),
                **extra,
            }
        )
    )


@pytest.fixture
def editor(client, django_user_model, demo_site):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw-ed-1")
    user.groups.add(Group.objects.get(name="Moderators"))  # may publish
    client.force_login(user)
    return client


def test_an_exception_left_empty_saves_and_publishes_as_closed(editor):
    page = OpeningHoursPage.objects.get(locale__language_code="sv")
    empty = {"opens": "", "closes": ""}
    draft = editor.post(f"/admin/pages/{page.pk}/edit/", hours_form(page, empty))
    assert draft.status_code == 302
    published = editor.post(
        f"/admin/pages/{page.pk}/edit/", hours_form(page, empty, **{"action-publish": "publish"})
    )
    assert published.status_code == 302
    page.refresh_from_db()
    hours = page.schedules()[0].hours_on(date(2026, 12, 9))
    assert (hours.is_open, hours.note) == (False, "Personaldag")
    # One row gave Monday to Wednesday their hours; Thursday has none.
    opens = {day: page.schedules()[0].hours_on(date(2026, 11, day)).is_open for day in (30,)}
    opens.update(
        {day: page.schedules()[0].hours_on(date(2026, 12, day)).is_open for day in (1, 2, 3)}
    )
    assert opens == {30: True, 1: True, 2: True, 3: False}


@pytest.mark.parametrize("publish", [False, True])
def test_a_half_filled_row_comes_back_with_a_message(editor, publish):
    page = OpeningHoursPage.objects.get(locale__language_code="sv")
    extra = {"action-publish": "publish"} if publish else {}
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/",
        hours_form(page, {"opens": "09:00", "closes": ""}, **extra),
    )
    assert response.status_code == 200
    # The block's errors travel as JSON to the editor's script (non-ASCII escaped).
    html = response.content.decode()
    assert "Ange b\\u00e5de \\u00f6ppnings- och st\\u00e4ngningstid" in html
