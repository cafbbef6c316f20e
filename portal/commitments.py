"""One commitment across languages and guarantee years.

A commitment is known by its ``code``, the same in every language's copy of a guarantee and
kept from year to year. When an editor gives a commitment a new code, ``replaces_code`` names
the old one, so reports, the open statistics and the follow-up count both as one commitment
under the newest code, titled as in the latest Swedish guarantee in force that has it (the
current one, where it still holds the commitment).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from portal.models import GuaranteeCommitment, GuaranteePage


@dataclass(frozen=True)
class Commitments:
    newest_code: dict[str, str]  # any code ever used → the code it is known by now
    title: dict[str, str]  # the code it is known by now → its Swedish title

    def codes_of(self, code: str) -> set[str]:
        """Every code counted as the commitment ``code`` (itself and those it replaced)."""
        newest = self.newest_code.get(code, code)
        return {old for old, new in self.newest_code.items() if new == newest} | {newest}

    def known_as(self, code: str) -> str:
        return self.newest_code.get(code, code)


def commitments() -> Commitments:
    """From the published Swedish guarantees in force today or before, in one query."""
    rows = (
        GuaranteeCommitment.objects.filter(
            page__locale__language_code=settings.LANGUAGE_CODE,
            page__alias_of=None,
            page__live=True,
            page__valid_from__lte=timezone.localdate(),
        )
        .order_by("page__valid_from", "sort_order")
        .values_list("code", "replaces_code", "title")
    )
    successor: dict[str, str] = {}
    title: dict[str, str] = {}
    for code, replaces, text in rows:
        if replaces and replaces != code:
            successor[replaces] = code
        title[code] = text  # a later guarantee's wording wins
    newest: dict[str, str] = {}
    for code in {*title, *successor}:
        seen, current = {code}, code
        while current in successor and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        newest[code] = current
    return Commitments(newest, {code: text for code, text in title.items() if newest[code] == code})


def choices() -> list[tuple[str, str]]:
    """For a select of commitments: the code with its Swedish title."""
    titles = commitments().title
    return [("", "---------"), *((code, f"{title} ({code})") for code, title in titles.items())]


def in_force(language: str) -> list[tuple[str, str, str]]:
    """The commitments of the guarantee in force today as (code, title, the title's language
    where it is not ``language``): from the guarantee's translation into ``language`` where
    there is one, else the Swedish."""
    valid = GuaranteePage.objects.live().valid_on(timezone.localdate())
    page = valid.filter(locale__language_code=language, alias_of=None).first()
    written_in = ""
    if page is None:
        page = valid.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        written_in = "" if language == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE
    if page is None:
        return []
    return [
        (code, title, written_in) for code, title in page.commitments.values_list("code", "title")
    ]
