"""The accessibility statement's "report a problem" (lag 2018:1937): the statement says within
how many working days it answers and links to the feedback form with the website's category
chosen; what is sent there is an ordinary item of the register, due within the statement's
working days, reminded, escalated and reported like the rest."""

import re
from datetime import date, datetime
from html import unescape

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from feedback import escalation, intake, reports
from feedback.deadlines import due_dates
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Escalation, Feedback, ResponseDeadline
from feedback.periods import Period
from feedback.reminders import send_reminders
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.models import AccessibilityStatementPage, ClosedDay
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import form_data, swedish

pytestmark = pytest.mark.django_db

MONDAY = "2026-11-23 10:15 +01:00"
WEBSITE = "Webbplatsens tillgänglighet"
# The demo statement promises an answer within 5 working days; other complaints have 10.
STATEMENT_DAYS = 5


@pytest.fixture
def website(demo_site):
    return swedish(Category, WEBSITE)


@pytest.fixture
def statement(demo_site):
    return AccessibilityStatementPage.objects.get(locale=Locale.get_default())


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def checked(html: str, name: str) -> list[str]:
    """The values of the checked radio buttons called ``name``."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag]


def report(client, path="/sv/synpunkter/?om=webbplatsen", **overrides):
    """A person sends the form the statement's link opened: anonymous, no answer wanted."""
    website = swedish(Category, WEBSITE)
    values = {
        "category": website.pk,
        "message": "Kartan på sidan Öppettider går inte att använda med tangentbordet.",
        "answer_by": "",
        "name": "",
        "email": "",
        **overrides,
    }
    return client.post(path, form_data(**values))


def working_days_after(day: date, days: int) -> date:
    return ClosedDay.objects.calendar().add_working_days(day, days)


# --- The statement -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, answer_time, link_text",
    [
        ("sv", "Vi svarar på rapporter inom 5 arbetsdagar.", "Rapportera brister på webbplatsen"),
        ("ar", "نرد على البلاغات خلال 5 أيام عمل.", "أبلغ عن مشكلة في الموقع الإلكتروني"),
    ],
)
def test_the_statement_says_its_answer_time_and_links_to_the_form_ready_for_a_report(
    client, website, language, answer_time, link_text
):
    html = client.get(f"/{language}/tillganglighet/").content.decode()
    start = html.index('aria-labelledby="report"')
    report_section = html[start : html.index("</section>", start)]
    assert answer_time in text_of(report_section)
    form_url = f"/{language}/synpunkter/?om=webbplatsen"
    assert f'<a href="{form_url}">{link_text}</a>' in report_section

    form = client.get(form_url).content.decode()
    assert f'<html lang="{language}"' in form
    assert checked(form, "category") == [str(website.pk)]
    assert checked(form, "kind") == ["complaint"]


def test_the_form_opened_from_the_statement_asks_which_page_and_what_format(client, website):
    opened = text_of(client.get("/sv/synpunkter/?om=webbplatsen").content.decode())
    assert "Berätta vilken sida det gäller och vad som inte fungerade" in opened
    assert "Du kan vara anonym." in opened  # no contact details needed
    # Sent with an error, it comes back the same way: the link's address is the form's.
    again = report(client, message="").content.decode()
    assert "Berätta vilken sida det gäller" in text_of(again)
    assert checked(again, "category") == [str(website.pk)]
    assert not Feedback.objects.exists()
    plain = client.get("/sv/synpunkter/").content.decode()
    assert "Berätta vilken sida det gäller" not in text_of(plain)
    assert checked(plain, "category") == []


def test_without_an_active_website_category_the_link_opens_a_plain_form(client, website):
    Category.objects.filter(translation_key=website.translation_key).update(is_active=False)
    html = client.get("/sv/synpunkter/?om=webbplatsen").content.decode()
    assert checked(html, "category") == [] and checked(html, "kind") == []
    assert "Berätta vilken sida det gäller" not in text_of(html)


def test_every_language_of_the_statement_promises_the_swedish_statements_number(statement):
    english = AccessibilityStatementPage.objects.get(locale__language_code="en")
    english.answer_within = 20  # a translation's own copy, not yet synchronised
    assert english.answer_days() == statement.answer_days() == STATEMENT_DAYS
    statement.answer_within = 3  # the Swedish page previewed with a new number
    assert statement.answer_days() == 3


def test_a_new_number_published_on_the_statement_is_the_registers_number_too(
    client, statement, website
):
    statement.answer_within = 2
    statement.save_revision().publish()
    assert "Vi svarar på rapporter inom 2 arbetsdagar." in text_of(
        client.get("/sv/tillganglighet/").content.decode()
    )
    assert "نرد على البلاغات خلال 2 يومي عمل." in text_of(
        client.get("/ar/tillganglighet/").content.decode()
    )
    received = datetime(2026, 11, 23, 10, tzinfo=STOCKHOLM)
    assert due_dates("complaint", website, received)[1] == date(2026, 11, 25)


# --- The register ------------------------------------------------------------------------------


@time_machine.travel(MONDAY, tick=False)
def test_a_report_through_the_link_is_due_within_the_statements_working_days(client, website):
    response = report(client)
    assert response.status_code == 303
    item = Feedback.objects.get()
    assert (item.category, item.kind, item.channel) == (website, "complaint", "web")
    assert item.is_anonymous and not item.wants_answer
    monday = date(2026, 11, 23)
    assert item.answer_due == working_days_after(monday, STATEMENT_DAYS) == date(2026, 11, 30)
    # Acknowledging follows the kind's rule, as for every category.
    assert item.acknowledge_due == working_days_after(monday, 2)
    # Another category's complaint keeps the policy's 10 working days.
    other = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Bemötande"),
            message="…",
            language="sv",
            channel="web",
        )
    ).feedback
    assert other.answer_due == working_days_after(monday, 10) == date(2026, 12, 7)

    receipt = text_of(client.get(response["Location"]).content.decode())
    assert item.reference in receipt


@time_machine.travel("2026-12-22 11:00 +01:00", tick=False)
def test_the_statements_days_skip_christmas_and_new_year(client, website):
    report(client, answer_by="email", email="kim@example.org")
    item = Feedback.objects.get()
    # 23 Dec; 24–27 closed; 28, 29, 30 Dec; 31 Dec–3 Jan closed; 4 Jan.
    assert item.answer_due == working_days_after(date(2026, 12, 22), 5) == date(2027, 1, 4)
    assert item.promised_answer_date == date(2027, 1, 4)
    assert "Vi svarar dig senast måndag 4 januari 2027." in text_of(
        client.get(f"/sv/synpunkter/kvitto/{item.reference}/").content.decode()
    )


@time_machine.travel(MONDAY, tick=False)
def test_a_report_in_arabic_lands_in_the_register_in_the_same_category(client, website):
    assert report(client, path="/ar/synpunkter/?om=webbplatsen").status_code == 303
    item = Feedback.objects.get()
    assert (item.language, item.category, item.answer_due) == ("ar", website, date(2026, 11, 30))


def test_praise_in_the_website_category_needs_no_answer(website):
    received = datetime(2026, 11, 23, 10, tzinfo=STOCKHOLM)
    assert due_dates("praise", website, received) == (date(2026, 11, 25), None)


def test_without_a_live_statement_the_kinds_rule_applies(statement, website):
    statement.unpublish()
    received = datetime(2026, 11, 23, 10, tzinfo=STOCKHOLM)
    assert due_dates("complaint", website, received)[1] == date(2026, 12, 7)


def test_the_website_category_has_no_deadline_of_its_own(website):
    rule = ResponseDeadline(kind="complaint", category=website, answer_within=20)
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    assert "category" in refused.value.message_dict


def test_staff_adding_a_deadline_for_the_website_category_are_sent_to_the_statement(
    client, django_user_model, website
):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    response = client.post(
        "/admin/snippets/feedback/responsedeadline/add/",
        {"kind": "complaint", "category": website.pk, "answer_within": "20"},
    )
    assert response.status_code == 200
    assert "ändra antalet där" in text_of(response.content.decode())
    assert not ResponseDeadline.objects.filter(category=website).exists()


def test_one_category_at_most_takes_the_websites_reports(website):
    other = swedish(Category, "Tillgänglighet")
    other.website_accessibility = True
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert "website_accessibility" in refused.value.message_dict
    # Its own entries in the other languages are the same category, not another one.
    arabic = Category.objects.get(
        translation_key=website.translation_key, locale__language_code="ar"
    )
    arabic.full_clean()


def test_a_category_with_deadlines_of_its_own_cannot_take_the_websites_reports(website):
    Category.objects.filter(translation_key=website.translation_key).update(
        website_accessibility=False
    )
    other = swedish(Category, "Tillgänglighet")
    ResponseDeadline.objects.create(kind="complaint", category=other, answer_within=5)
    other.website_accessibility = True
    with pytest.raises(ValidationError):
        other.full_clean()


# --- Reminded, escalated and reported like the rest --------------------------------------------


@pytest.fixture
def staff(django_user_model, demo_site):
    handler = django_user_model.objects.create_user("hedda", "hedda@example.org", "pw-h-1")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    head = django_user_model.objects.create_user("karin", "chef@example.org", "pw-k-1")
    head.groups.add(Group.objects.get(name=UNIT_HEADS_GROUP))
    return {"handler": handler, "head": head}


def two_reports(client) -> tuple[Feedback, Feedback]:
    """Sent on Monday 23 November: one about the website, one about how someone was treated."""
    with time_machine.travel(MONDAY, tick=False):
        report(client)
        client.post(
            "/sv/synpunkter/",
            form_data(submission_id="0d3c1f0e-1111-4d43-9b7c-1f2a3b4c5d6e"),
        )
    return (
        Feedback.objects.get(category__name=WEBSITE),
        Feedback.objects.get(category__name="Bemötande"),
    )


def test_the_report_is_in_its_handlers_reminders_by_the_statements_date(client, staff):
    about_website, other = two_reports(client)
    Feedback.objects.update(status="acknowledged", assigned_to=staff["handler"])
    # Thursday: the report is due on Monday (two working days away), the other in December.
    with time_machine.travel("2026-11-26 07:00 +01:00", tick=False):
        assert send_reminders() == 1
    [digest] = [m for m in mail.outbox if m.to == ["hedda@example.org"]]
    assert about_website.reference in digest.body
    assert other.reference not in digest.body


def test_an_unassigned_report_reaches_the_unit_head_at_half_the_statements_time(client, staff):
    about_website, other = two_reports(client)
    # Half the working hours from Monday 10:15 to Monday 30 November 16:30 have passed on
    # Thursday morning; the other complaint's half comes next week.
    escalation.escalate(datetime(2026, 11, 26, 10, tzinfo=STOCKHOLM))
    to_unit_head = Escalation.objects.filter(level=Escalation.Level.UNIT_HEAD)
    assert list(to_unit_head.values_list("feedback", flat=True)) == [about_website.pk]
    assert other.pk not in to_unit_head.values_list("feedback", flat=True)


def test_the_yearly_report_counts_it_by_its_category_and_its_due_date(client, staff):
    with time_machine.travel(MONDAY, tick=False):
        report(client, answer_by="email", email="kim@example.org")
        client.post(
            "/sv/synpunkter/", form_data(submission_id="0d3c1f0e-2222-4d43-9b7c-1f2a3b4c5d6e")
        )
    # Both answered on Tuesday 1 December: in time for the 10 days, late for the statement's 5.
    Feedback.objects.update(answered_on=date(2026, 12, 1), status="answered")
    built = reports.build(Period.year(2026), today=date(2027, 1, 15))
    assert dict(built.by_category) == {WEBSITE: 1, "Bemötande": 1}
    assert (WEBSITE, "Östermalm", 1) in built.by_category_and_district
    assert (built.due_for_answer, built.answered_in_time) == (2, 1)
    assert built.late_without_notice == 1

    client.force_login(staff["handler"])
    html = client.get("/admin/feedback-report/?year=2026").content.decode()
    assert f"<td>{WEBSITE}</td><td>Östermalm</td><td>1</td>" in html


def test_a_report_about_the_website_needs_no_district(client, feedback_page):
    form = client.get("/sv/synpunkter/?om=webbplatsen").content.decode()
    assert "Var bor du? (frivilligt)" in form
    response = report(client, district="")
    assert response.status_code == 303
    assert Feedback.objects.get().district is None
    # The plain form still asks for it.
    assert "Var bor du? (frivilligt)" not in client.get("/sv/synpunkter/").content.decode()
