"""The report in the admin: pick a period, read the figures and the chart, copy the Swedish
text, download the same figures as CSV or XLSX."""

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback import report_formats, report_text, reports
from feedback.choices import Channel, Helped, Kind
from feedback.periods import TERTIAL_LABELS, Period
from feedback.permissions import forbidden, is_handler

CHART_BAR_HEIGHT = 28
CHART_WIDTH = 480


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    tertial = forms.TypedChoiceField(
        label=_("Tertial"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Whole year")), *TERTIAL_LABELS.items()],
    )
    first = forms.DateField(
        label=_("Or from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=_("to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if bool(first) != bool(last):
            raise forms.ValidationError(_("Give both dates of the range, or a year."))
        if first and last and last < first:
            raise forms.ValidationError(_("The range ends before it starts."))
        return cleaned

    def period(self) -> Period:
        data = self.cleaned_data
        if data.get("first"):
            return Period.between(data["first"], data["last"])
        return Period.year(data.get("year") or timezone.localdate().year, data["tertial"])


def chart(rows: list[tuple[str, int]]) -> dict:
    """Bar geometry for the server-rendered SVG chart (the table below it has the numbers)."""
    biggest = max((count for _name, count in rows), default=0) or 1
    bars = [
        {
            "label": name,
            "count": count,
            "y": index * CHART_BAR_HEIGHT,
            "width": round(count / biggest * (CHART_WIDTH - 200)),
        }
        for index, (name, count) in enumerate(rows)
    ]
    return {"bars": bars, "height": len(bars) * CHART_BAR_HEIGHT, "width": CHART_WIDTH}


def labelled(rows: list[tuple[str, int]], choices) -> list[tuple[str, int]]:
    """The report counts by stored code; staff read the label in their language."""
    return [(report_formats.code_label(choices, code), count) for code, count in rows]


def report_view(request):
    if not is_handler(request.user):
        return forbidden(request)
    form = PeriodForm(request.GET or None)
    if request.GET and not form.is_valid():
        return TemplateResponse(request, "feedback/admin/report.html", {"form": form}, status=400)
    if not request.GET:
        form = PeriodForm({"year": timezone.localdate().year})
        form.is_valid()
    report = reports.build(form.period())
    export = request.GET.get("export")
    if export == "csv":
        response = HttpResponse(
            report_formats.as_csv(report), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="synpunkter.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            report_formats.as_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="synpunkter.xlsx"'
        return response
    query = request.GET.copy()
    query.pop("export", None)
    year = report.year_on_year and report.year_on_year.row(report.period.start.year)
    return TemplateResponse(
        request,
        "feedback/admin/report.html",
        {
            "form": form,
            "report": report,
            "text": report_text.swedish_text(report),
            "chart": chart(report.by_category),
            "kinds_and_channels": labelled(report.by_kind, Kind)
            + labelled(report.by_channel, Channel),
            "helped": [(report.helped.get(code, 0), label) for code, label in Helped.choices],
            "query": query.urlencode(),
            "imported_year": year if year and year.imported else None,
        },
    )
