"""A personnummer or samordningsnummer in any free-text field, however it is written, is refused
with a clear message at that field and nothing is saved: on the public form, when staff register
feedback, and when staff triage it (notes, answers, action taken)."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from feedback.handlers_group import HANDLERS_GROUP
from feedback.identity_numbers import luhn_valid
from feedback.models import Category, Feedback, FeedbackNote
from tests.feedback.conftest import FORM, form_data, swedish
from tests.feedback.test_triage_admin import new_item, triage

pytestmark = pytest.mark.django_db

ASCII = "0123456789-"
FULL_WIDTH = str.maketrans(ASCII, "０１２３４５６７８９－")
ARABIC_INDIC = str.maketrans(ASCII, "٠١٢٣٤٥٦٧٨٩-")
PERSIAN = str.maketrans(ASCII, "۰۱۲۳۴۵۶۷۸۹–")


def valid_number(yymmdd: str, serial: str) -> tuple[str, str]:
    """The date and the four last digits (``serial`` and the Luhn check digit) of a valid
    number, e.g. ("811218", "9876")."""
    digit = next(d for d in "0123456789" if luhn_valid(yymmdd + serial + d))
    return yymmdd, serial + digit


DATE, LAST = valid_number("811218", "987")
CO_DATE, CO_LAST = valid_number("701063", "239")  # samordningsnummer: day 03 + 60
PLAIN = f"{DATE}-{LAST}"
assert PLAIN == "811218-9876"

# (how it is typed, how the message gives it back)
DISGUISES = {
    "plain": (PLAIN, PLAIN),
    "twelve digits": (f"19{PLAIN}", f"19{PLAIN}"),
    "no separator": (DATE + LAST, DATE + LAST),
    "samordningsnummer": (f"{CO_DATE}-{CO_LAST}", f"{CO_DATE}-{CO_LAST}"),
    "en dash": (f"{DATE}–{LAST}", PLAIN),
    "minus sign": (f"{DATE}−{LAST}", PLAIN),
    "zero-width spaces": ("\u200b".join(PLAIN), PLAIN),
    "zero-width joiners": ("\u200d".join(DATE) + "\u200c-" + LAST, PLAIN),
    "soft hyphen": (f"{DATE}\u00ad{LAST}", DATE + LAST),
    "bidi marks": (f"\u200f{DATE}\u200e-{LAST}\u2069", PLAIN),
    "full-width": (f"19{PLAIN}".translate(FULL_WIDTH), f"19{PLAIN}"),
    "Arabic-Indic": (f"19{PLAIN}".translate(ARABIC_INDIC), f"19{PLAIN}"),
    "Persian, en dash": (f"19{PLAIN}".translate(PERSIAN), f"19{PLAIN}"),
}
PUBLIC_FIELDS = {
    "message": "Jag heter Kim, {}, och vill klaga.",
    "name": "Kim Andersson {}",
    "email": "{}@example.org",
    "phone": "{}",
    "postal_address": "Storgatan 1\n{}\n114 55 Stockholm",
}


def swedish_message(number):
    return f"Ta bort personnumret {number} från fältet."


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("field", PUBLIC_FIELDS)
def test_the_public_form_refuses_a_personnummer_in_any_field(
    client, feedback_page, field, disguise
):
    typed, shown = DISGUISES[disguise]
    value = PUBLIC_FIELDS[field].format(typed)
    response = client.post(FORM, form_data(**{field: value}))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(swedish_message(shown) in error for error in form.errors[field]), form.errors
    assert swedish_message(shown) in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()  # the error summary links to it
    assert form[field].value() == value  # what they wrote is kept for them to correct
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/en/synpunkter/", f"Please remove the personal identity number 19{PLAIN} from this"),
        ("/ar/synpunkter/", f"يرجى حذف الرقم الشخصي 19{PLAIN}"),
    ],
)
def test_the_message_is_in_the_readers_language(client, feedback_page, path, expected):
    typed = f"19{PLAIN}".translate(ARABIC_INDIC)
    response = client.post(path, form_data(postal_address=f"Storgatan 1, {typed}"))
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "postal_address" in response.context["form"].errors
    assert Feedback.objects.count() == 0


def test_several_fields_and_numbers_are_reported_each_at_its_field(client, feedback_page):
    response = client.post(
        FORM,
        form_data(
            name=f"Kim {DATE}–{LAST}",
            phone="\u200b".join(PLAIN),
            message=f"{PLAIN} och {CO_DATE}−{CO_LAST}",
        ),
    )
    errors = response.context["form"].errors
    assert set(errors) == {"name", "phone", "message"}
    html = response.content.decode()
    assert f"Ta bort personnumren {PLAIN}, {CO_DATE}-{CO_LAST} från fältet." in html
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize(
    "phone", ["070-123 45 67", "0701234567", "070–123\u00a045\u00a067", "+46 70 123 45 67"]
)
def test_phone_numbers_are_not_personnummer(client, feedback_page, phone):
    response = client.post(FORM, form_data(phone=phone, answer_by="phone"))
    assert response.status_code == 303
    assert Feedback.objects.get().phone == phone


# Staff


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user("handler", "handler@example.org", "pw-h-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def registration(**overrides):
    data = {
        "channel": "phone",
        "received_on": timezone.localdate().isoformat(),
        "kind": "complaint",
        "category": swedish(Category, "Information").pk,
        "district": "",
        "commitment": "",
        "message": "Ringde och klagade på informationen.",
        "language": "sv",
        "name": "",
        "email": "",
        "phone": "070-123 45 67",
        "postal_address": "",
        "answer_by": "phone",
    }
    data.update(overrides)
    return data


STAFF_FIELDS = {
    "message": "Ringde och uppgav personnummer {}.",
    "name": "Kim {}",
    "email": "{}@example.org",
    "phone": "{}",
    "postal_address": "Storgatan 1, {}",
}


def test_staff_register_feedback_without_personnummer(client, handler):
    client.force_login(handler)
    assert client.post("/admin/feedback/new/", registration()).status_code == 302
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("field", STAFF_FIELDS)
def test_registering_feedback_refuses_a_personnummer_in_any_field(client, handler, field, disguise):
    client.force_login(handler)
    typed, shown = DISGUISES[disguise]
    response = client.post(
        "/admin/feedback/new/", registration(**{field: STAFF_FIELDS[field].format(typed)})
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(swedish_message(shown) in error for error in errors[field]), errors
    assert swedish_message(shown) in response.content.decode()
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize("disguise", ["plain", "en dash", "zero-width spaces", "Arabic-Indic"])
@pytest.mark.parametrize("field", ["note", "answer_text", "action_taken"])
def test_triage_refuses_a_personnummer_in_notes_answers_and_actions(
    client, handler, field, disguise
):
    item = new_item()
    client.force_login(handler)
    typed, shown = DISGUISES[disguise]
    response = triage(client, item, status="in_progress", **{field: f"Kim, {typed}."})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert swedish_message(shown) in errors[field][0]
    item.refresh_from_db()
    assert (item.status, item.answer_text, item.action_taken) == ("received", "", "")
    assert not FeedbackNote.objects.exists()


def test_an_answer_with_a_personnummer_gets_only_that_error(client, handler):
    """Closing with an answer that holds a number: the answer is there, so the rule that an
    answer must be recorded does not add a second, misleading error."""
    item = new_item()
    client.force_login(handler)
    response = triage(
        client,
        item,
        status="closed",
        answer_text=f"Hej! Vi har ditt ärende ({DATE}–{LAST}).",
        answered_on="2026-11-20",
        answer_channel="letter",
        justified="true",
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["answer_text"]
    item.refresh_from_db()
    assert item.status == "received" and item.answer_text == ""
