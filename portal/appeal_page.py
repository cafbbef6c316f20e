"""The public page "When is my last day to appeal?": a GET form that works without JavaScript
and the answer of portal.appeals in the reader's language."""

import re
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal import appeals
from portal.page_cache import next_midnight

ISO_DATE = "%Y-%m-%d"
# The only value an <input type="date"> may hold (HTML's "valid date string", years 1000-9999).
DATE_VALUE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Further back the time to appeal has long run out: the page says so instead of counting.
OLDEST = timedelta(days=365)


class DateField(forms.DateField):
    """A date field where only spaces count as nothing typed, not as a wrong date."""

    def to_python(self, value):
        return super().to_python(value.strip() if isinstance(value, str) else value)


class AppealDateForm(forms.Form):
    told_on = DateField(
        label=_("The day you were told of the decision"),
        # What a date field sends, and what a browser without one is asked to type.
        input_formats=[ISO_DATE],
        error_messages={
            "required": _("Enter the day you were told of the decision."),
            "invalid": _("Enter a real date as year-month-day, for example 2026-06-01."),
        },
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    @property
    def earliest(self) -> date:
        return self.today - OLDEST

    @property
    def typed_date(self) -> str:
        """What was sent, shown again in the date field if the field can hold it (a date field
        holds only a year-month-day date)."""
        value = self["told_on"].value() if self.is_bound else None
        if not isinstance(value, str) or not DATE_VALUE.fullmatch(value):
            return ""
        try:
            date.fromisoformat(value)
        except ValueError:
            return ""
        return value

    def clean_told_on(self) -> date:
        told_on = self.cleaned_data["told_on"]
        if told_on > self.today:
            raise ValidationError(_("The day you were told cannot be later than today."))
        if told_on < self.earliest:
            raise ValidationError(
                _(
                    "Enter a day within the last year. For a decision you were told of "
                    "earlier, the time to appeal has run out."
                )
            )
        return told_on


@require_safe
def last_day_view(request):
    """``/<language>/sista-dagen-att-overklaga/?told_on=2026-06-01``."""
    now = timezone.now()
    today = timezone.localdate(now)
    form = AppealDateForm(request.GET if "told_on" in request.GET else None, today=today)
    context = {"form": form, "today": today}
    if form.is_bound and form.is_valid():
        told_on = form.cleaned_data["told_on"]
        context["three_weeks_after"] = appeals.three_weeks_after(told_on)
        context["last_day"] = appeals.last_day_to_appeal(told_on)
        context["told_on"] = told_on
    response = TemplateResponse(request, "portal/last_day_to_appeal.html", context)
    # The same answer for every visitor until the date changes ("today is the last day"), and
    # no longer than a kept page (PAGE_CACHE_SECONDS); staff, with a session, see their userbar.
    until_midnight = int((next_midnight(now) - now).total_seconds())
    shared = settings.SESSION_COOKIE_NAME not in request.COOKIES
    visibility = {"public": True} if shared else {"private": True}
    patch_cache_control(
        response, max_age=min(settings.PAGE_CACHE_SECONDS, until_midnight), **visibility
    )
    return response
