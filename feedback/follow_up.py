"""The follow-up's admin form and the figures it takes from the register.

Every save from the form (a draft or a submission for approval) fills in each commitment's
feedback count from the register, so the count published is the one the unit head approved.
"""

from wagtail.admin.forms import WagtailAdminModelForm

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


class FollowUpForm(WagtailAdminModelForm):
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
