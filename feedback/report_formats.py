"""The report as rows, and as CSV, XLSX and JSON: the same figures in every format.

``rows`` names each figure by a machine key (the JSON, for programs); the spreadsheets, for
people, carry the same rows under the labels staff read on the report page, in their admin
language, with Swedish number formats (see ``feedback.spreadsheets``)."""

import io
import json

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from feedback.choices import Channel, Helped, Kind
from feedback.reports import Report
from feedback.spreadsheets import (
    XLSX_DECIMAL,
    XLSX_PERCENT,
    csv_number,
    csv_text,
    neutralise,
)

# Figures that are shares (0 to 1): per cent in a CSV cell, a percentage format in XLSX.
SHARES = {"share_answered_in_time"}

SECTIONS = {
    "total": _("Feedback"),
    "category": _("Category"),
    "category_district": _("By category and district"),
    "kind": _("Kind"),
    "channel": _("Channel"),
    "commitment": _("By guarantee commitment not kept"),
    "responses": _("Responses"),
    "complaints": _("Complaints"),
    "previous_year": _("Same period a year earlier"),
    "helped": _("Did our answer help?"),
    "action": _("Actions taken"),
    "meeting_action": _("Actions decided at workplace meetings"),
}
FIGURES = {
    "": _("Count"),
    "total": _("Count"),
    "category": _("Category"),
    "answered": _("Answered"),
    "due_for_answer": _("Asked for an answer and due (due date passed, or answered)"),
    "answered_in_time": _("Answered within the deadline"),
    "share_answered_in_time": _("Share answered within the deadline (%)"),
    "late_with_notice": _("Late, with a delay notice in time (FL 11 §)"),
    "late_without_notice": _("Late, without a delay notice in time"),
    "median_working_days": _("Median working days to an answer"),
    "still_open": _("Still open"),
    "overdue": _("Overdue"),
    "justified": _("Justified complaints"),
    "asked": _("Asked"),
    **dict(Helped.choices),
}
# Sections whose key is a stored code, shown by its label.
CODE_LABELS = {"kind": Kind, "channel": Channel}
HEADER = ("section", "key", "detail", "value")
HEADINGS = (_("Section"), _("Figure"), _("Detail"), _("Value"))


def rows(report: Report) -> list[tuple]:
    """(section, key, detail, value) rows: every figure of the report once."""
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
        ("responses", "share_answered_in_time", "", report.share_answered_in_time),
        ("responses", "late_with_notice", "", report.late_with_notice),
        ("responses", "late_without_notice", "", report.late_without_notice),
        ("responses", "median_working_days", "", report.median_working_days_to_answer),
        ("responses", "still_open", "", report.still_open),
        ("responses", "overdue", "", report.overdue),
        ("complaints", "total", "", report.complaints),
        ("complaints", "justified", "", report.justified_complaints),
    ]
    out.append(("helped", "asked", "", report.help_asked))
    out += [("helped", answer, "", report.helped.get(answer, 0)) for answer in Helped.values]
    if report.previous_year_total is not None:
        out.append(("previous_year", "total", "", report.previous_year_total))
        out += [
            ("previous_year", "category", name, n)
            for name, n in sorted(report.previous_year_by_category.items())
        ]
    out += [
        ("meeting_action", group.heading, action.sentence, "")
        for group in report.meeting_actions
        for action in group.actions
    ]
    out += [("action", reference, action, "") for reference, action in report.actions]
    return out


def code_label(choices, code: str) -> str:
    """A stored code (a kind, a channel) as its label in the reader's language."""
    return str(dict(choices.choices).get(code, code))


def labelled(section: str, key: str, detail: str) -> tuple[str, str, str]:
    """A row's section, figure and detail as the reader reads them: a commitment by its title,
    a kind or channel by its label, a count or a figure by its name on the report page."""
    if section == "commitment":
        return str(SECTIONS[section]), detail, ""
    if section in CODE_LABELS:
        return str(SECTIONS[section]), code_label(CODE_LABELS[section], key), detail
    if section in ("total", "responses", "complaints", "previous_year", "helped"):
        return str(SECTIONS[section]), str(FIGURES[key]), detail
    return str(SECTIONS[section]), key, detail


def sheet_rows(report: Report) -> list[tuple]:
    """The rows as spreadsheet cells, labelled (``labelled``), numbers left as numbers, and
    names and actions staff typed never formulas: (cells, row key) pairs."""
    return [
        (
            [*(neutralise(text) for text in labelled(section, key, detail)), neutralise(value)],
            key,
        )
        for section, key, detail, value in rows(report)
    ]


def csv_value(key: str, value):
    if key in SHARES and value is not None:
        return csv_number(value * 100)
    if isinstance(value, float):
        return csv_number(value)
    return "" if value is None else value


def as_csv(report: Report) -> str:
    """For Excel on a Swedish computer: BOM, ";" between cells, the decimal comma, a share in
    per cent ("50,0")."""
    cells = [[*row[:-1], csv_value(key, row[-1])] for row, key in sheet_rows(report)]
    return csv_text([[str(heading) for heading in HEADINGS], *cells])


def as_xlsx(report: Report) -> bytes:
    """Numbers stay numbers (Excel computes with them); a share is a fraction shown in per
    cent."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = report.period.label.replace(" ", "_")[:31]
    sheet.append([str(heading) for heading in HEADINGS])
    for cells, key in sheet_rows(report):
        sheet.append(cells)
        value = sheet.cell(row=sheet.max_row, column=len(cells))
        if key in SHARES:
            value.number_format = XLSX_PERCENT
        elif isinstance(value.value, float):
            value.number_format = XLSX_DECIMAL
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
