"""Drawing, prefilling and summing up the internal-control sample, and writing its figures into
the guarantee's follow-up.

The draw is reproducible: per district, ``random.Random(f"{seed}:{district pk}")`` picks from
the closed items of the period ordered by pk, so the same seed and register give the same items,
and one district's items do not change when another district gets more.

The deadline is prefilled from the register with the report's own rule (``reports.
answered_in_time_filter``); items that asked for no answer are left for the reviewer. The
written-answer rule applies to complaints that came in writing (web form, letter, e-mail); for
every other item it is prefilled as not applicable.
"""

import random
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from feedback import reports, triage
from feedback.choices import Channel, Kind
from feedback.models import (
    Check,
    ControlSample,
    ControlSampleItem,
    District,
    Feedback,
    FollowUp,
)
from portal.commitments import commitments

WRITTEN_CHANNELS = (Channel.WEB, Channel.LETTER, Channel.EMAIL)
DEFAULT_PER_DISTRICT = 10  # as the unit's 2014 internal control: 10 + 10 cases


def new_seed() -> int:
    return secrets.randbelow(2**31)


def closed_items(year: int, tertial: int | None):
    """The closed items of the period that name a district: what a sample is drawn from."""
    period = ControlSample(year=year, tertial=tertial).period
    return reports.items_in(period).exclude(triage.open_filter()).filter(district__isnull=False)


def drawn_pks(items, district_id: int, seed: int, size: int) -> list[int]:
    pks = list(items.filter(district_id=district_id).order_by("pk").values_list("pk", flat=True))
    picked = random.Random(f"{seed}:{district_id}").sample(pks, min(size, len(pks)))
    return sorted(picked)


def draw(
    year: int,
    tertial: int | None = None,
    per_district: int = DEFAULT_PER_DISTRICT,
    seed: int | None = None,
    user=None,
) -> ControlSample:
    """Draw and store a sample, each item prefilled from the register."""
    seed = new_seed() if seed is None else seed
    items = closed_items(year, tertial)
    districts = items.values_list("district_id", flat=True).distinct().order_by("district_id")
    with transaction.atomic():
        sample = ControlSample.objects.create(
            year=year, tertial=tertial, seed=seed, per_district=per_district, created_by=user
        )
        chosen = {
            pk: district_id
            for district_id in districts
            for pk in drawn_pks(items, district_id, seed, per_district)
        }
        ControlSampleItem.objects.bulk_create(
            [
                ControlSampleItem(sample=sample, feedback=item, district_id=chosen[item.pk], **p)
                for item, p in prefilled(chosen)
            ]
        )
    return sample


def prefilled(pks):
    """(item, field values) for the items ``pks``, from the register's own rules."""
    today = timezone.localdate()
    chosen = Feedback.objects.filter(pk__in=pks)
    in_time = set(
        chosen.filter(reports.answered_in_time_filter(today)).values_list("pk", flat=True)
    )
    due = set(chosen.filter(reports.due_for_answer_filter(today)).values_list("pk", flat=True))
    for item in chosen.order_by("pk"):
        deadline = Check.YES if item.pk in in_time else Check.NO if item.pk in due else Check.UNSET
        written = item.kind == Kind.COMPLAINT and item.channel in WRITTEN_CHANNELS
        yield (
            item,
            {
                "deadline_kept": deadline,
                "written_answer_kept": Check.UNSET if written else Check.NOT_APPLICABLE,
            },
        )


@dataclass(frozen=True)
class DistrictSummary:
    """One district's figures. ``kept`` counts the reviewed items where both rules held (the
    deadline kept, and the written answer kept or not applicable): the follow-up's figure."""

    district: District
    drawn: int
    reviewed: int
    deadline_kept: int
    written_answer_due: int  # reviewed written complaints (the rule applied)
    written_answer_kept: int
    kept: int


def summary(sample: ControlSample) -> list[DistrictSummary]:
    reviewed = Q(reviewed_at__isnull=False)
    deadline = reviewed & Q(deadline_kept=Check.YES)
    written_ok = ~Q(written_answer_kept=Check.NO)
    # Counted under other names: an annotation named like a field would shadow it.
    counts = {
        "drawn": Q(),
        "reviewed": reviewed,
        "deadline_kept": deadline,
        "written_answer_due": reviewed & Q(written_answer_kept__in=[Check.YES, Check.NO]),
        "written_answer_kept": reviewed & Q(written_answer_kept=Check.YES),
        "kept": deadline & written_ok,
    }
    rows = (
        sample.items.values("district_id")
        .annotate(**{f"n_{name}": Count("id", filter=q) for name, q in counts.items()})
        .order_by()
    )
    districts = District.objects.in_bulk([row["district_id"] for row in rows])
    return sorted(
        (
            DistrictSummary(
                district=districts[row["district_id"]],
                **{name: row[f"n_{name}"] for name in counts},
            )
            for row in rows
        ),
        key=lambda s: (s.district.sort_order, s.district.name),
    )


@dataclass(frozen=True)
class Fed:
    district: District
    follow_up: FollowUp | None  # None: no follow-up for that year and district yet
    # Why the figures were not written: "" (they were), "no_result" (the follow-up has no
    # result for the commitment yet) or "in_review" (it waits for the unit head's approval).
    refused: str = ""


def feed_follow_up(sample: ControlSample, user=None) -> list[Fed]:
    """Write each district's figures into the follow-up of the sample's year and district, on
    the result of the commitment ``FEEDBACK_CONTROL_SAMPLE_COMMITMENT``: sample_size =
    reviewed items, sample_kept = items where both rules held.

    Only into a result the editor has written (with its verdict), and not while the follow-up
    waits for approval: the unit head approves what she sees. It is saved as a new revision
    (the row too while it is a draft), and the approval is cleared, as any edit does."""
    code = settings.FEEDBACK_CONTROL_SAMPLE_COMMITMENT
    codes = commitments().codes_of(code)
    fed = []
    for figures in summary(sample):
        if not figures.reviewed:
            continue
        follow_ups = FollowUp.objects.filter(year=sample.year, district=figures.district)
        if not follow_ups:
            fed.append(Fed(figures.district, None))
        for follow_up in follow_ups:
            if follow_up.workflow_in_progress:
                fed.append(Fed(figures.district, follow_up, refused="in_review"))
            elif _write(follow_up, codes, figures, user):
                fed.append(Fed(figures.district, follow_up))
            else:
                fed.append(Fed(figures.district, follow_up, refused="no_result"))
    return fed


def _write(follow_up: FollowUp, codes: set[str], figures: DistrictSummary, user) -> bool:
    draft = follow_up.get_latest_revision_as_object()
    results = list(draft.results.all())
    result = next((r for r in results if r.commitment_code in codes), None)
    if result is None:
        return False
    result.sample_size, result.sample_kept = figures.reviewed, figures.kept
    draft.results = results
    draft.unit_head_approved_by, draft.unit_head_approved_at = "", None
    with transaction.atomic():
        if not follow_up.live:
            draft.save()
        draft.save_revision(user=user, log_action=True)
    return True
