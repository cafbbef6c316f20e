"""The follow-up's admin form and the figures it takes from the register.

Every save from the form (a draft or a submission for approval) fills in each commitment's
feedback count from the register, so the count published is the one the unit head approved.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from feedback.forms import IdentityNumberGuard, identity_number_error
from feedback.identity_numbers import find_identity_numbers
from feedback.models import Feedback
from feedback.periods import Period
from portal.commitments import commitments


def feedback_count(code: str, year: int, district_id: int | None) -> int:
    """Feedback received in ``year`` (Stockholm time) that named the commitment ``code``
    (under any of its codes), in one district or in all."""
    period = Period.year(year)
    items = Feedback.objects.filter(
        received_at__gte=period.start,
        received_at__lt=period.end,
        commitment__code__in=commitments().codes_of(code),
    )
    if district_id is not None:
        items = items.filter(district_id=district_id)
    return items.count()


class FollowUpForm(IdentityNumberGuard, WagtailAdminModelForm):
    """What a follow-up editor writes, published on the guarantee page: no personnummer in
    any text, and each commitment of the chosen guarantee at most once."""

    identity_number_fields = ("summary",)
    result_texts = ("evidence", "action")

    def clean(self):
        cleaned = super().clean()
        results = self.formsets["results"]
        results.is_valid()  # the rows' own cleaning, so their values can be checked here
        guarantee = cleaned.get("guarantee")
        codes = set(guarantee.commitments.values_list("code", flat=True)) if guarantee else None
        seen = set()
        for form in results.forms:
            values = getattr(form, "cleaned_data", {})
            if not values or values.get("DELETE"):
                continue
            for name in self.result_texts:
                numbers = find_identity_numbers(form[name].data or "")
                if numbers:
                    form.add_error(name, identity_number_error(numbers))
            code = values.get("commitment_code")
            if codes is not None and code and code not in codes:
                form.add_error("commitment_code", _("Not a commitment of this guarantee."))
            elif code in seen:
                form.add_error("commitment_code", _("This commitment is in the follow-up already."))
            seen.add(code)
        return cleaned

    def save(self, commit=True):
        """Counts from the register; an edited follow-up is no longer the one approved."""
        follow_up = self.instance
        follow_up.unit_head_approved_by = ""
        follow_up.unit_head_approved_at = None
        for form in self.formsets["results"].forms:
            result = form.instance
            if result.commitment_code and follow_up.year:
                result.feedback_count = feedback_count(
                    result.commitment_code, follow_up.year, follow_up.district_id
                )
        return super().save(commit=commit)
