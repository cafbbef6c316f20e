"""Cells a spreadsheet program will not run: every CSV and XLSX export goes through here.

A value typed by anyone (a category name, an action taken, a message) that starts with a
formula character would become a live formula in Excel or LibreOffice (CSV injection). The
OWASP advice: put an apostrophe in front, so the cell shows the text as typed."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(value):
    """The value as text a spreadsheet shows but never evaluates; other values unchanged."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeExportMixin(SpreadsheetExportMixin):
    """Wagtail's list export (CSV and XLSX) with every text cell neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
