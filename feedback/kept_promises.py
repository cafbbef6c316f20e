""" "How we kept our promises": the published follow-ups shown on a guarantee page.

A guarantee page shows the follow-ups of its own years; the guarantee in force also shows its
predecessor's, so a citizen sees whether each promise was kept last year. Each row takes the
commitment's title from the reader's translation of the guarantee, or the Swedish one, marked
Swedish. Kept in each app server's memory until the content changes (see form_lists).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from feedback.form_lists import entries
from feedback.models import District, FeedbackSettings, FollowUp, Verdict
from feedback.reports import suppress
from portal.commitments import written_for
from portal.content_generation import remembered
from portal.models import GuaranteeCommitment, GuaranteePage

TEMPLATE = "feedback/includes/kept_promises.html"


@dataclass(frozen=True)
class Result:
    title: str
    title_language: str  # the language the title is written in
    verdict: str
    verdict_label: str
    evidence: str
    sample_size: int | None
    sample_kept: int | None
    feedback_count: int | None  # None: not recorded, or hidden as a small count
    feedback_hidden: bool
    action: str


@dataclass(frozen=True)
class Shown:
    year: int
    district: str  # empty for the whole unit
    summary: str
    results: list[Result]


def _titles(guarantee: GuaranteePage, language: str) -> tuple[dict[str, str], str]:
    """The commitments' titles by code as a reader of ``language`` reads them, and their
    language (``portal.commitments.written_for``)."""
    page_pk, written_in = written_for(guarantee.pk, language)
    rows = GuaranteeCommitment.objects.filter(page_id=page_pk).values_list("code", "title")
    return dict(rows), written_in


def _guarantees_shown(page: GuaranteePage) -> list[int]:
    """The Swedish guarantees whose follow-ups ``page`` shows."""
    source = page if page.locale.language_code == settings.LANGUAGE_CODE else None
    siblings = GuaranteePage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, translation_key=page.translation_key
    )
    source = source or siblings.first()
    if source is None:
        return []
    shown = [source.pk]
    if page.validity_on(timezone.localdate()) == "current":
        previous = (
            GuaranteePage.objects.live()
            .sibling_of(source, inclusive=False)
            .filter(valid_to__lt=source.valid_from)
            .order_by("-valid_to")
            .first()
        )
        if previous:
            shown.append(previous.pk)
    return shown


def follow_ups(page: GuaranteePage, language: str, minimum: int) -> list[Shown]:
    """The published follow-ups ``page`` shows, newest year first, whole unit first. Feedback
    counts are published for the whole unit only, hidden by the open statistics' small-cell
    rule (``reports.suppress``); a result without a verdict is not shown."""

    def build():
        shown = []
        follow_ups = (
            FollowUp.objects.filter(live=True, guarantee_id__in=_guarantees_shown(page))
            .select_related("guarantee", "district")
            .prefetch_related("results")
            .order_by("-year", F("district__sort_order").asc(nulls_first=True))
        )
        labels = dict(Verdict.choices)
        districts = dict(entries(District, language))
        for follow_up in follow_ups:
            titles, written_in = _titles(follow_up.guarantee, language)
            results = [r for r in follow_up.results.all() if r.verdict in labels]
            # Counts only for the whole unit: a district's could be worked out from the unit's.
            counts = suppress(
                {
                    result.pk: result.feedback_count
                    for result in results
                    if result.feedback_count is not None and not follow_up.district_id
                },
                minimum,
            )
            shown.append(
                Shown(
                    year=follow_up.year,
                    district=districts.get(follow_up.district_id, "")
                    if follow_up.district_id
                    else "",
                    summary=follow_up.summary,
                    results=[
                        Result(
                            title=titles.get(result.commitment_code, result.commitment_code),
                            title_language=written_in,
                            verdict=result.verdict,
                            verdict_label=str(labels[result.verdict]),
                            evidence=result.evidence,
                            sample_size=result.sample_size,
                            sample_kept=result.sample_kept,
                            feedback_count=counts.get(result.pk),
                            feedback_hidden=result.pk in counts and counts[result.pk] is None,
                            action=result.action,
                        )
                        for result in results
                    ],
                )
            )
        return shown

    key = ("kept_promises", page.pk, language)
    return remembered(key, build, timezone.localdate(), minimum)


def add_to_guarantee_page(page: GuaranteePage, request, context: dict) -> None:
    """The ``guarantee_page_sections`` hook: the follow-ups, if any are published."""
    minimum = FeedbackSettings.kept_for(Site.find_for_request(request)).statistics_minimum
    shown = follow_ups(page, get_language() or settings.LANGUAGE_CODE, minimum)
    if shown:
        context.setdefault("guarantee_sections", []).append(
            {"template": TEMPLATE, "follow_ups": shown, "minimum": minimum}
        )
