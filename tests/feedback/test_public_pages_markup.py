"""The public feedback pages as a browser builds them: one form per button, errors that name
their field, the right input types, the privacy text before the button, the route kept when the
language changes, and a form started from a commitment's link."""

import re

import pytest
import time_machine

from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db

STATUS = "/sv/synpunkter/status/"


def html_of(response) -> str:
    return response.content.decode()


def forms_in(html: str) -> list[str]:
    return re.findall(r"<form\b[^>]*>", html)


@pytest.mark.parametrize("path", [FORM, STATUS, "/ar/synpunkter/", "/ar/synpunkter/status/"])
def test_each_public_form_is_one_form_with_one_token_and_no_empty_action(
    client, feedback_page, path
):
    html = html_of(client.get(path))
    main = html[html.index("<main") : html.index("</main>")]
    assert len(forms_in(main)) == 1  # the header has its own search form
    assert html.count('name="csrfmiddlewaretoken"') == 1
    assert 'action=""' not in html
    # The button is inside the form, so pressing it sends the form.
    form = main[main.index("<form") : main.index("</form>")]
    assert '<button type="submit"' in form


def test_status_lookup_errors_are_summarised_with_their_field_names(client, feedback_page):
    html = html_of(client.post(STATUS, {"reference": "", "code": ""}))
    assert '<a href="#id_reference">Referensnummer: Det här fältet är obligatoriskt</a>' in html
    assert '<a href="#id_code">Kod: Det här fältet är obligatoriskt</a>' in html


def test_form_errors_name_each_field_and_link_radio_groups_to_their_first_option(
    client, feedback_page
):
    html = html_of(client.post(FORM, form_data(kind="", category="", message="")))
    start = html.index('id="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert '<a href="#id_kind_0">Vad vill du berätta för oss?: ' in summary
    assert '<a href="#id_category_0">Vad handlar det om?: ' in summary
    assert '<a href="#id_message">Ditt meddelande: ' in summary
    assert 'href="#_0"' not in html
    assert 'id="id_kind_0"' in html
    # A radio group's error comes before its options, not on the line of the last one.
    group = html[html.index('id="div_id_kind"') :]
    assert group.index("invalid-feedback") < group.index('id="id_kind_0"')


def test_phone_field_is_a_telephone_input_once(client, feedback_page):
    html = html_of(client.get(FORM))
    phone = re.search(r'<input[^>]*name="phone"[^>]*>', html).group(0)
    assert phone.count("type=") == 1
    assert 'type="tel"' in phone


@pytest.mark.parametrize(
    ("code", "heading"), [("sv", "Dina personuppgifter"), ("ar", "بياناتك الشخصية")]
)
def test_privacy_text_is_in_the_readers_language_before_the_button(
    client, feedback_page, code, heading
):
    html = html_of(client.get(f"/{code}/synpunkter/"))
    assert heading in html
    assert html.index(heading) < html.index('<button type="submit"')


@time_machine.travel("2026-11-23 10:15 +01:00", tick=False)  # the reference's year
@pytest.mark.parametrize("route", ["status/", "kvitto/2026-00001/"])
def test_language_switcher_keeps_the_route(client, feedback_page, route):
    client.post(FORM, form_data())  # the receipt is shown to the browser that sent it
    html = html_of(client.get(f"/sv/synpunkter/{route}"))
    switcher = html[html.index('class="language-nav"') : html.index("</nav>")]
    for code in ("en", "ar", "fi"):
        assert f'href="/{code}/synpunkter/{route}"' in switcher


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_a_commitment_link_opens_the_form_with_that_commitment_chosen(client, feedback_page, code):
    html = html_of(client.get(f"/{code}/synpunkter/?commitment=nybesok"))
    assert re.search(r'<option value="nybesok" selected>', html)
    assert re.search(r'<input type="radio"[^>]*value="complaint"[^>]*checked', html)


def test_an_unknown_commitment_in_the_link_starts_a_plain_form(client, feedback_page):
    html = html_of(client.get(f"{FORM}?commitment=finns-inte"))
    options = html.split('name="commitment"')[1].split("</select>")[0]
    assert re.findall(r'<option value="([^"]*)" selected>', options) == [""]
    assert not re.search(r'value="complaint"[^>]*checked', html)
