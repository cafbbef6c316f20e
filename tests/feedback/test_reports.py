"""The yearly and tertial report: known fixtures give known counts, periods in Stockholm time."""

import io
import json
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook

from feedback import intake, report_formats, report_text, reports
from feedback.models import Action, Category, District, Feedback, Meeting
from feedback.periods import Period
from portal.models import GuaranteeCommitment
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import read_csv, swedish

pytestmark = pytest.mark.django_db


def add(when, kind="suggestion", category="Information", district="Östermalm", **fields):
    received = when if when.tzinfo else when.replace(tzinfo=STOCKHOLM)
    values = {
        "kind": kind,
        "category": swedish(Category, category),
        "language": "sv",
        "district": swedish(District, district) if district else None,
        "channel": "web",
        "message": "…",
    }
    values.update(fields)
    return intake.register(Feedback(**values), received_at=received).feedback


@pytest.fixture
def year_2012():
    """The unit's 2012 annual report: Information 2, Bemötande 2, Handläggning 2,
    Insatser/verksamhet 1."""
    add(datetime(2012, 2, 3, 10), category="Information")
    add(datetime(2012, 6, 3, 10), category="Information", district="Norrmalm", channel="letter")
    add(
        datetime(2012, 3, 5, 10),
        kind="complaint",
        category="Bemötande",
        justified=True,
        action_taken="Samtal med personalen om bemötande.",
    )
    add(datetime(2012, 9, 5, 10), kind="complaint", category="Bemötande", justified=False)
    add(datetime(2012, 4, 30, 23, 30), kind="complaint", category="Handläggning")
    add(datetime(2012, 10, 1, 9), category="Handläggning", district="Kungsholmen")
    add(datetime(2012, 12, 31, 23, 30), kind="praise", category="Insatser/verksamhet")
    add(datetime(2011, 5, 1, 9))  # the year before, for comparison
    add(datetime(2013, 1, 1, 0, 30))  # 2012-12-31 23:30 UTC, but 2013 in Stockholm


def test_counts_per_category_match_the_annual_report(year_2012):
    report = reports.build(Period.year(2012), today=date(2013, 2, 1))
    assert report.by_category == [
        ("Information", 2),
        ("Bemötande", 2),
        ("Handläggning", 2),
        ("Insatser/verksamhet", 1),
    ]
    assert report.total == 7 and report.previous_year_total == 1
    assert ("Information", 2, 1) in report.by_category_with_previous_year
    assert dict(report.by_kind) == {"complaint": 3, "praise": 1, "suggestion": 3}
    assert (report.complaints, report.justified_complaints) == (3, 1)
    assert dict(report.by_channel) == {"web": 6, "letter": 1}
    assert ("Information", "Norrmalm", 1) in report.by_category_and_district
    assert report.actions == [
        (
            Feedback.objects.get(action_taken__startswith="Samtal").reference,
            "Samtal med personalen om bemötande.",
        )
    ]


def test_tertials_and_year_ends_are_counted_in_stockholm_time(year_2012):
    t1 = reports.build(Period.year(2012, 1))
    t2 = reports.build(Period.year(2012, 2))
    t3 = reports.build(Period.year(2012, 3))
    assert (t1.total, t2.total, t3.total) == (3, 1, 3)  # 30 April 23:30 is still T1
    assert reports.build(Period.year(2013)).total == 1


def test_a_period_boundary_across_daylight_saving_time():
    # 31 August 23:30 summer time is 21:30 UTC: T2. 1 September 00:30 is T3.
    add(datetime(2026, 8, 31, 21, 30, tzinfo=UTC))
    add(datetime(2026, 8, 31, 22, 30, tzinfo=UTC))
    assert reports.build(Period.year(2026, 2)).total == 1
    assert reports.build(Period.year(2026, 3)).total == 1


def test_response_times_on_working_days(year_2012):
    complaint = Feedback.objects.get(received_at=datetime(2012, 3, 5, 10, tzinfo=STOCKHOLM))
    complaint.answered_on = date(2012, 3, 12)  # 5 working days after Monday 5 March
    complaint.answer_by = "letter"
    complaint.save()
    late = Feedback.objects.get(received_at=datetime(2012, 9, 5, 10, tzinfo=STOCKHOLM))
    late.answered_on = date(2012, 10, 31)
    late.answer_by = "letter"
    late.save()
    report = reports.build(Period.year(2012), today=date(2013, 2, 1))
    assert (report.answered, report.due_for_answer, report.answered_in_time) == (2, 2, 1)
    assert report.share_answered_in_time == 0.5
    assert report.median_working_days_to_answer == (5 + 40) / 2
    assert report.still_open == 7


def test_share_answered_in_time_counts_everyone_who_asked_and_was_due():
    """The share is of the items that asked for an answer and were due (the due date has
    passed, or they were answered), not of the items that happened to be answered."""
    received = datetime(2025, 5, 2, 10)  # answer due 15 working days later: 23 May
    for _ in range(3):
        add(received, answer_by="email", answered_on=date(2025, 5, 6))
    for _ in range(20):
        add(received, answer_by="email")  # asked, never answered
    add(received, answer_by="email", answered_on=date(2025, 6, 30))  # answered late
    add(received, answered_on=date(2025, 5, 6))  # did not ask: not counted
    add(received, kind="praise", answer_by="email")  # praise has no due date: not counted
    add(datetime(2025, 6, 25, 10), answer_by="email")  # asked, not yet due on 1 July
    add(datetime(2025, 6, 25, 10), answer_by="email", answered_on=date(2025, 6, 27))
    report = reports.build(Period.year(2025), today=date(2025, 7, 1))
    assert report.answered == 6
    assert (report.due_for_answer, report.answered_in_time) == (25, 4)
    assert report.share_answered_in_time == 4 / 25
    # Before: every item answered by its due date over every item answered, 5 of 6.
    text = report_text.swedish_text(report)
    assert "16 % av dem som bad om svar fick svar inom svarstiden (4 av 25)." in text
    assert ("responses", "due_for_answer", "", 25) in report_formats.rows(report)


def test_no_share_when_no_one_was_due_for_an_answer():
    add(datetime(2025, 5, 2, 10), answered_on=date(2025, 5, 6))  # did not ask
    report = reports.build(Period.year(2025), today=date(2025, 7, 1))
    assert report.share_answered_in_time is None
    assert "svarstiden" not in report_text.swedish_text(report)


def test_counts_by_commitment():
    commitment = GuaranteeCommitment.objects.filter(code="nybesok").first()
    add(datetime(2026, 3, 1, 10), commitment=commitment)
    report = reports.build(Period.year(2026))
    assert report.by_commitment == [("nybesok", commitment.title, 1)]


def test_the_paste_ready_text_tells_the_kinds_apart(year_2012):
    """As the unit writes its annual report: what came in by kind, each category by kind (not
    everything called "synpunkter"), each district, then the answers and the actions."""
    text = report_text.swedish_text(reports.build(Period.year(2012)))
    assert text.startswith(
        "Synpunkter och klagomål 2012\n\n"
        "Under 2012 registrerades 7 synpunkter och klagomål: 3 klagomål, 3 synpunkter eller "
        "förslag och 1 beröm. Samma period föregående år: 1 st.\n"
        "År för år: 2011: 1, 2012: 7.\n\n"
        "Per kategori:\n"
        "- Information: 2 synpunkter eller förslag\n"
        "- Bemötande: 2 klagomål\n"
        "- Handläggning: 1 klagomål och 1 synpunkt eller förslag\n"
        "- Insatser/verksamhet: 1 beröm\n\n"
        "Per stadsdel:\n"
        "- Kungsholmen: 1 st. (1 synpunkt eller förslag).\n"
        "- Norrmalm: 1 st. (1 synpunkt eller förslag).\n"
        "- Östermalm: 5 st. (3 klagomål, 1 synpunkt eller förslag och 1 beröm), flest om "
        "Bemötande (2).\n\n"
    )
    assert "st. synpunkter" not in text
    assert "Av 3 klagomål bedömdes 1 som befogat." in text
    assert "- Samtal med personalen om bemötande. (2012-00003)" in text


def test_the_text_of_a_quiet_tertial_and_of_one_item():
    assert report_text.swedish_text(reports.build(Period.year(2019, 2))) == (
        "Synpunkter och klagomål 2019 T2\n\n"
        "Under tertial 2 2019 (maj–augusti) registrerades inga synpunkter eller klagomål.\n"
    )  # nothing a year earlier either, before the register began: no comparison
    add(datetime(2019, 3, 1, 10), kind="praise", district=None)
    text = report_text.swedish_text(reports.build(Period.year(2019)))
    assert "registrerades 1 synpunkt eller klagomål: 1 beröm." in text
    assert "- Utan angiven stadsdel: 1 st. (1 beröm)." in text


def test_per_district_the_answers_in_time(year_2012):
    add(datetime(2012, 5, 2, 10), district="Norrmalm", answer_by="email")
    add(
        datetime(2012, 5, 3, 10),
        district="Norrmalm",
        answer_by="email",
        answered_on=date(2012, 5, 4),
    )
    report = reports.build(Period.year(2012), today=date(2013, 2, 1))
    norrmalm = next(d for d in report.districts if d.name == "Norrmalm")
    assert (norrmalm.total, norrmalm.due_for_answer, norrmalm.answered_in_time) == (3, 2, 1)
    assert norrmalm.categories == [("Information", 3)]
    text = report_text.swedish_text(report)
    assert (
        "- Norrmalm: 3 st. (3 synpunkter eller förslag), flest om Information (3). "
        "1 av 2 som bad om svar fick svar inom svarstiden."
    ) in text


def test_the_exports_hold_the_same_figures(year_2012):
    report = reports.build(Period.year(2012))
    figures = report_formats.rows(report)
    from_csv = read_csv(report_formats.as_csv(report))[1:]
    assert [row[-1] for row in from_csv] == [
        str(report_formats.csv_value(key, value)) for _section, key, _detail, value in figures
    ]
    sheet = load_workbook(io.BytesIO(report_formats.as_xlsx(report))).active
    from_xlsx = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert from_xlsx == [None if value in ("", None) else value for *_, value in figures]
    from_json = json.loads(report_formats.as_json(report))["rows"]
    assert [tuple(r[k] for k in report_formats.HEADER) for r in from_json] == figures


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_the_command_prints_each_format(year_2012, capsys, fmt):
    call_command("feedback_report", "--year", "2012", "--tertial", "1", "--format", fmt)
    out = capsys.readouterr().out
    assert {
        "text": "- Information: 1 synpunkt eller förslag",
        "csv": ";Information;;1\r\n",
        "json": '"label": "2012 T1"',
    }[fmt] in out


def test_the_command_writes_xlsx(year_2012, tmp_path):
    path = tmp_path / "rapport.xlsx"
    call_command("feedback_report", "--year", "2012", "--format", "xlsx", "--output", str(path))
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert ("Information", None, 2) in [row[1:] for row in rows]


@pytest.fixture
def handler_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("hanna", "h@example.org", "pw-r-1")
    user.groups.add(Group.objects.get(name="Feedback handlers"))
    client.force_login(user)
    return client


def test_report_view_shows_the_figures_chart_and_text(handler_client, year_2012):
    html = handler_client.get("/admin/feedback-report/?year=2012").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "- Information: 2 synpunkter eller förslag" in html
    assert "<td>Information</td><td>Norrmalm</td><td>1</td>" in html
    assert "<td>Information</td><td>2</td><td>1</td>" in html  # beside the year before
    assert "Samtal med personalen om bemötande." in html


def test_report_view_shows_the_share_answered_in_time(handler_client):
    add(datetime(2025, 5, 2, 10), answer_by="email", answered_on=date(2025, 5, 6))
    add(datetime(2025, 5, 2, 10), answer_by="email")
    html = handler_client.get("/admin/feedback-report/?year=2025").content.decode()
    assert "<td>2</td>" in html  # asked and due
    assert "<td>1 (50 %)</td>" in html  # of those, answered in time


def test_report_view_exports_equal_the_view(handler_client, year_2012):
    response = handler_client.get("/admin/feedback-report/?year=2012&tertial=1&export=csv")
    with translation.override("sv"):  # the admin's language
        expected = report_formats.as_csv(reports.build(Period.year(2012, 1)))
        heading = str(report_formats.HEADINGS[0])
    assert response.content.decode() == expected
    xlsx = handler_client.get("/admin/feedback-report/?year=2012&export=xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active["A1"].value == heading


def test_report_for_any_range_of_days(handler_client, year_2012):
    html = handler_client.get(
        "/admin/feedback-report/?first=2012-03-01&last=2012-04-30"
    ).content.decode()
    assert "2012-03-01 – 2012-04-30: 2" in html
    bad = handler_client.get("/admin/feedback-report/?first=2012-04-30&last=2012-03-01")
    assert bad.status_code == 400


def test_report_is_for_handlers_only(client, django_user_model, demo_site):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", "e@example.org", "pw-3")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/feedback-report/").status_code == 403


def test_the_text_lists_the_workplace_meetings_actions_then_the_items(year_2012):
    meeting = Meeting.objects.create(held_on=date(2012, 3, 12), title="APT mars")
    Action.objects.create(
        meeting=meeting,
        title="Ny brevmall för beslut",
        decision="Brevmallen skrivs om.",
        category=swedish(Category, "Information"),
        due_on=date(2012, 5, 1),
    )
    report = reports.build(Period.year(2012), today=date(2013, 2, 1))
    text = report_text.swedish_text(report)
    block = text.split("Åtgärder beslutade på arbetsplatsträffar:\n\n")[1]
    assert block.startswith("Information, hela enheten:\n- Beslutat på APT 2012-03-12: Ny brevmall")
    assert "\n\nÅtgärder i enskilda ärenden:\n- Samtal med personalen om bemötande." in block
    assert any(row[0] == "meeting_action" for row in report_formats.rows(report))
