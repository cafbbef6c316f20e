"""The admin's screen for earlier years' counts (``feedback.earlier_counts_import``): upload a
CSV, read what it will do (or what is wrong, line by line), confirm; for those who may see the
report. The confirmation carries the checked text back, and it is checked again when saved."""

import logging

from django import forms
from django.contrib import messages
from django.db.models import Count, Max, Sum
from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from feedback import earlier_counts_import
from feedback.earlier_counts_import import EXAMPLE
from feedback.models import EarlierCount
from feedback.permissions import forbidden, is_handler

MOST_BYTES = 200_000  # thousands of lines: far more than years of a unit's counts
logger = logging.getLogger(__name__)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, cells separated by ; or , with the header "
            "year;category;district;kind;count;source."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MOST_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(most)d kB.") % {"most": MOST_BYTES // 1000}
            )
        return upload


def imported_years() -> list[dict]:
    """The years counted before the register, with their rows, total, sources and when."""
    sources: dict[int, list[str]] = {}
    for year, source in (
        EarlierCount.objects.values_list("year", "source").distinct().order_by("year", "source")
    ):
        sources.setdefault(year, []).append(source)
    return [
        {**row, "sources": "; ".join(sources.get(row["year"], []))}
        for row in EarlierCount.objects.values("year")
        .annotate(rows=Count("id"), total=Sum("count"), imported_at=Max("imported_at"))
        .order_by("year")
    ]


def earlier_counts_view(request):
    if not is_handler(request.user):
        return forbidden(request)
    if request.GET.get("example"):
        return FileResponse(
            EXAMPLE.open("rb"), as_attachment=True, filename=EXAMPLE.name, content_type="text/csv"
        )
    context = {
        "page_title": _("Earlier years' counts"),
        "header_icon": "upload",
        "form": UploadForm(),
        "imported_years": imported_years(),
        "example_name": EXAMPLE.name,
    }
    if request.method != "POST":
        return TemplateResponse(request, "feedback/admin/earlier_counts.html", context)
    if request.POST.get("action") == "import":
        text = request.POST.get("csv", "")
        if len(text.encode()) > MOST_BYTES:  # the checked file comes back as it went
            return HttpResponseBadRequest()
        outcome = earlier_counts_import.import_counts(text, save=True)
        if outcome.saved:
            # Who replaced which years' published counts (the user's id, never a name).
            logger.info(
                "event=earlier_counts_imported user=%s years=%s",
                request.user.pk,
                ",".join(str(year.year) for year in outcome.years),
            )
            messages.success(
                request,
                " ".join([_("Imported."), *earlier_counts_import.summary(outcome)]),
            )
            return redirect("feedback_earlier_counts")
    else:
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(
                request, "feedback/admin/earlier_counts.html", context, status=400
            )
        text = form.cleaned_data["file"].read()
        outcome = earlier_counts_import.import_counts(text, save=False)
        if not outcome.errors:
            text = text.decode("utf-8")
    context["outcome"] = outcome
    if outcome.errors:
        return TemplateResponse(request, "feedback/admin/earlier_counts.html", context, status=400)
    context["csv"] = text
    context["summary"] = earlier_counts_import.summary(outcome)
    return TemplateResponse(request, "feedback/admin/earlier_counts.html", context)
