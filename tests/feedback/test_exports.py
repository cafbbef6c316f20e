"""Exports a unit head can use: the register's list and the report read as staff read them
(labels in the admin's language, Swedish headings, Stockholm time, the handler by name, the
answer's due date), as Swedish Excel opens a CSV (byte order mark, ";", decimal comma), with
XLSX numbers left as numbers."""

import io
from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from openpyxl import load_workbook

from feedback import report_formats
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Feedback
from portal.workdays import STOCKHOLM
from tests.conftest import choose_admin_language
from tests.feedback.conftest import read_csv
from tests.feedback.test_reports import add

pytestmark = pytest.mark.django_db
BOM = b"\xef\xbb\xbf"
LIST_HEADINGS = [
    "Referensnummer",
    "Mottagen",
    "Typ",
    "Kategori",
    "Stadsdel",
    "Kanal",
    "Status",
    "Handläggare",
    "Svara senast",
    "Besvarad den",
]


@pytest.fixture
def handler(client, django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    client.force_login(user)
    return user


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def list_export(client, fmt: str) -> bytes:
    response = client.get("/admin/feedback/", {"export": fmt, "purpose": "report"})
    assert response.status_code == 200
    return body(response)


@pytest.fixture
def new_year_call(handler):
    """A phone complaint taken at 00:30 on New Year's Day (31 December in UTC), answered late
    after a delay notice."""
    item = add(
        datetime(2026, 1, 1, 0, 30, tzinfo=STOCKHOLM),
        kind="complaint",
        category="Bemötande",
        channel="phone",
        answer_by="phone",
        assigned_to=handler,
    )
    Feedback.objects.filter(pk=item.pk).update(
        delayed_answer_due=date(2026, 2, 20), answered_on=date(2026, 2, 18), status="answered"
    )
    return Feedback.objects.get(pk=item.pk)


def test_the_list_csv_reads_as_staff_read_the_item(client, new_year_call):
    content = list_export(client, "csv")
    assert content.startswith(BOM)
    headings, row = read_csv(content.decode())
    assert headings == LIST_HEADINGS
    assert row == [
        new_year_call.reference,
        "2026-01-01 00:30",  # Stockholm's time: the day it came in
        "Klagomål",
        "Bemötande",
        "Östermalm",
        "Telefon",
        "Besvarad",
        "Hedda Lind",
        "2026-02-20",  # the date after the delay notice
        "2026-02-18",
    ]


def test_the_list_xlsx_has_stockholm_time_and_dates(client, new_year_call):
    sheet = load_workbook(io.BytesIO(list_export(client, "xlsx"))).active
    headings, row = list(sheet.iter_rows(values_only=True))
    assert list(headings) == LIST_HEADINGS
    assert row[1] == datetime(2026, 1, 1, 0, 30)
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert row[2:8] == ("Klagomål", "Bemötande", "Östermalm", "Telefon", "Besvarad", "Hedda Lind")
    assert (row[8], row[9]) == (date(2026, 2, 20), date(2026, 2, 18))  # dates, not text


def test_an_unassigned_item_without_district_has_empty_cells(client, handler):
    add(datetime(2026, 3, 2, 10), district=None, kind="praise")
    (row,) = read_csv(list_export(client, "csv").decode())[1:]
    assert (row[4], row[7], row[8], row[9]) == ("", "", "", "")


@pytest.fixture
def year_2025(handler):
    """Four asked for an answer and were due: two answered in time (after 2 and 3 working
    days), two never: half answered in time, a median of 2.5 working days."""
    received = datetime(2025, 5, 2, 10)  # a Friday
    add(received, answer_by="email", answered_on=date(2025, 5, 6))
    add(received, answer_by="email", answered_on=date(2025, 5, 7))
    add(received, answer_by="email")
    add(received, answer_by="email")


def report_export(client, fmt: str) -> bytes:
    response = client.get("/admin/feedback-report/", {"year": 2025, "export": fmt})
    assert response.status_code == 200
    return response.content


def figure(rows, label) -> list:
    (found,) = [row for row in rows if row[1] == str(label)]
    return found


def test_the_report_csv_is_for_swedish_excel(client, year_2025):
    content = report_export(client, "csv")
    assert content.startswith(BOM)
    rows = read_csv(content.decode())
    with translation.override("sv"):
        headings = [str(heading) for heading in report_formats.HEADINGS]
        share = figure(rows, report_formats.FIGURES["share_answered_in_time"])
    assert rows[0] == headings != list(report_formats.HEADER)
    assert share[0] == "Svar" and share[-1] == "50,0"
    assert figure(rows, "Median antal arbetsdagar till svar") == [
        "Svar",
        "Median antal arbetsdagar till svar",
        "",
        "2,5",
    ]
    assert figure(rows, "Besvarade inom svarstiden")[-1] == "2"
    assert ["Typ", "Synpunkt eller förslag", "", "4"] in rows
    assert ["Kanal", "Webbformulär", "", "4"] in rows
    assert ["Kategori", "Information", "", "4"] in rows


def test_the_report_xlsx_keeps_numbers_as_numbers(client, year_2025):
    sheet = load_workbook(io.BytesIO(report_export(client, "xlsx"))).active
    rows = {row[0].value + "/" + str(row[1].value): row[3] for row in sheet.iter_rows(min_row=2)}
    with translation.override("sv"):
        share = rows["Svar/" + str(report_formats.FIGURES["share_answered_in_time"])]
        assert sheet["A1"].value == str(report_formats.HEADINGS[0])
    assert share.value == 0.5 and share.data_type == "n" and share.number_format == "0.0%"
    median = rows["Svar/Median antal arbetsdagar till svar"]
    assert median.value == 2.5 and median.number_format == "0.0"
    count = rows["Kategori/Information"]
    assert count.value == 4 and count.data_type == "n"


def test_a_staff_member_who_chose_english_reads_english_labels(client, handler, year_2025):
    choose_admin_language(handler, "en")
    rows = read_csv(report_export(client, "csv").decode())
    assert rows[0] == ["Section", "Figure", "Detail", "Value"]
    assert ["Kind", "Opinion or suggestion", "", "4"] in rows
    assert figure(rows, "Share answered within the deadline (%)")[-1] == "50,0"
    headings = read_csv(list_export(client, "csv").decode())[0]
    assert headings[:3] == ["Reference", "Received", "Kind"]
