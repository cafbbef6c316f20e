"""Names and texts staff type never become live formulas in a spreadsheet export."""

import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from feedback import intake, report_formats, reports
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback
from feedback.periods import Period
from feedback.spreadsheets import neutralise
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import read_csv, swedish

pytestmark = pytest.mark.django_db
HOSTILE = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", " =1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_is_shown_as_text(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Bemötande", "2026-001", "", "a=b", 5, -5, None])
def test_other_values_are_unchanged(value):
    assert neutralise(value) == value


@pytest.fixture
def hostile_item(demo_site):
    category = swedish(Category, "Bemötande")
    category.name = "=cmd|' /C calc'!A0"
    category.save()
    return intake.register(
        Feedback(
            kind="complaint",
            category=category,
            language="sv",
            channel="web",
            message="…",
            action_taken="@SUM(1+1)*cmd|' /C calc'!A0",
        ),
        received_at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM),
    ).feedback


def no_formulas(cells):
    for value in cells:
        if isinstance(value, str):
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@")), value


def test_the_report_exports_neutralise_staff_typed_names(hostile_item):
    report = reports.build(Period.year(2026))
    rows = read_csv(report_formats.as_csv(report))
    no_formulas(value for row in rows for value in row)
    assert ["'=cmd|' /C calc'!A0", "", "1"] in [row[1:] for row in rows]
    sheet = load_workbook(io.BytesIO(report_formats.as_xlsx(report))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    no_formulas(cell.value for cell in cells)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_admin_list_export_neutralises_too(client, django_user_model, hostile_item, fmt):
    handler = django_user_model.objects.create_user("handler", "h@example.org", "pw-h-1")
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    client.force_login(handler)
    response = client.get(f"/admin/feedback/?export={fmt}&purpose=report")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        cells = [value for row in read_csv(body.decode()) for value in row]
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    no_formulas(cells)
