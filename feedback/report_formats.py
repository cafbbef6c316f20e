"""The report as rows, and as CSV, XLSX and JSON: the same figures in every format."""

import csv
import io
import json

from openpyxl import Workbook

from feedback.reports import Report
from feedback.spreadsheets import neutralise


def rows(report: Report) -> list[tuple]:
    """(section, key, detail, value) rows: what the CSV and XLSX exports contain."""
    out = [("total", "", "", report.total)]
    out += [("category", name, "", n) for name, n in report.by_category]
    out += [("category_district", c, d, n) for c, d, n in report.by_category_and_district]
    out += [("kind", name, "", n) for name, n in report.by_kind]
    out += [("channel", name, "", n) for name, n in report.by_channel]
    out += [("commitment", code, title, n) for code, title, n in report.by_commitment]
    out += [
        ("responses", "answered", "", report.answered),
        ("responses", "due_for_answer", "", report.due_for_answer),
        ("responses", "answered_in_time", "", report.answered_in_time),
        ("responses", "late_with_notice", "", report.late_with_notice),
        ("responses", "late_without_notice", "", report.late_without_notice),
        ("responses", "median_working_days", "", report.median_working_days_to_answer),
        ("responses", "still_open", "", report.still_open),
        ("responses", "overdue", "", report.overdue),
        ("complaints", "total", "", report.complaints),
        ("complaints", "justified", "", report.justified_complaints),
    ]
    if report.previous_year_total is not None:
        out.append(("previous_year", "total", "", report.previous_year_total))
        out += [
            ("previous_year", "category", name, n)
            for name, n in sorted(report.previous_year_by_category.items())
        ]
    out += [("action", reference, action, "") for reference, action in report.actions]
    return out


HEADER = ("section", "key", "detail", "value")


def safe_rows(report: Report) -> list[list]:
    """The rows as spreadsheet cells: names and actions staff typed never become formulas."""
    return [[neutralise(value) for value in row] for row in rows(report)]


def as_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(safe_rows(report))
    return buffer.getvalue()


def as_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = report.period.label.replace(" ", "_")[:31]
    sheet.append(HEADER)
    for row in safe_rows(report):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_json(report: Report) -> str:
    return json.dumps(
        {
            "period": {
                "label": report.period.label,
                "start": report.period.start.isoformat(),
                "end": report.period.end.isoformat(),
            },
            "rows": [dict(zip(HEADER, row, strict=True)) for row in rows(report)],
        },
        ensure_ascii=False,
        indent=2,
    )
