"""Spreadsheets staff open in Excel on the unit's Swedish computers: every CSV and XLSX export
goes through here.

- A value typed by anyone (a category name, an action taken, a message) that starts with a
  formula character would become a live formula in Excel or LibreOffice (CSV injection). The
  OWASP advice: put an apostrophe in front, so the cell shows the text as typed.
- Times are Stockholm's, as staff read them everywhere else (an item sent at 00:30 on 1 January
  belongs to that day, not to 31 December in UTC).
- CSV is as Excel with Swedish regional settings opens it by a double click: UTF-8 with a byte
  order mark (or "å" comes out as "Ã¥"), ";" between cells, since "," is the decimal comma.
"""

import csv
import datetime
import io
from contextlib import suppress

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.numberformat import format as format_number
from django.utils.text import capfirst
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
BOM = "\ufeff"
CSV_DELIMITER = ";"
DECIMAL_SEPARATOR = ","
# Excel's number formats (shown by Excel in the reader's own regional style).
XLSX_DATETIME = "yyyy-mm-dd hh:mm"
XLSX_DECIMAL = "0.0"
XLSX_PERCENT = "0.0%"


def neutralise(value):
    """The value as text a spreadsheet shows but never evaluates; other values unchanged."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def local(value: datetime.datetime) -> datetime.datetime:
    """A stored (UTC) time as Stockholm's wall clock, without a zone: what a cell holds."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def csv_number(value: float, decimals: int = 1) -> str:
    """A decimal number as a Swedish CSV cell: "22,5"."""
    return format_number(value, DECIMAL_SEPARATOR, decimal_pos=decimals)


def csv_text(rows) -> str:
    """Rows of cells (already neutralised) as the unit's CSV: BOM, ";" between cells."""
    buffer = io.StringIO()
    buffer.write(BOM)
    csv.writer(buffer, delimiter=CSV_DELIMITER).writerows(rows)
    return buffer.getvalue()


class SafeExportMixin(SpreadsheetExportMixin):
    """Wagtail's list export (CSV and XLSX) with every text cell neutralised, times in
    Stockholm's and the CSV for Swedish Excel. The CSV is written while the view runs, in the
    staff member's admin language (a streamed one would be written after it)."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: local,
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: local(value).strftime(
                "%Y-%m-%d %H:%M"
            ),
        },
    }

    def get_heading(self, queryset, field):
        """The field's name as staff read it, also for rows handed over as a list (Wagtail's
        heading needs a queryset's model, else it is the field's code)."""
        if field not in self.export_headings and getattr(self, "model", None) is not None:
            with suppress(FieldDoesNotExist):
                return capfirst(force_str(label_for_field(field, self.model)))
        return super().get_heading(queryset, field)

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        return super().generate_xlsx_row(worksheet, row_dict, date_format=XLSX_DATETIME)

    def write_csv_response(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = [
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        ]
        response = HttpResponse(csv_text([headings, *rows]), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response
