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

from portal import page_directory
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


def written_for(guarantee_pk: int, language: str) -> tuple[int, str]:
    """The page whose commitments a reader of ``language`` reads for a guarantee, and the
    language they are written in: its translation into ``language`` where that is published as
    a translation (not an alias, nor a translation only started: see the page directory), else
    the guarantee itself. The one rule for commitment titles in the reader's language."""
    found = page_directory.directory()
    entry = found.get(guarantee_pk)
    translated = found.translation(entry, language) if entry else None
    if translated and not translated.untranslated:
        return translated.pk, language
    return guarantee_pk, entry.content_language if entry else settings.LANGUAGE_CODE


def in_force_page() -> GuaranteePage | None:
    """The Swedish guarantee in force today."""
    return (
        GuaranteePage.objects.live()
        .valid_on(timezone.localdate())
        .filter(locale__language_code=settings.LANGUAGE_CODE, alias_of=None)
        .first()
    )


def in_force(language: str) -> list[tuple[str, str, str]]:
    """The commitments of the guarantee in force today as (code, title, the title's language
    where it is not ``language``), in the reader's language where translated (``written_for``)."""
    page = in_force_page()
    if page is None:
        return []
    page_pk, written_in = written_for(page.pk, language)
    mark = "" if written_in == language else written_in
    rows = GuaranteeCommitment.objects.filter(page_id=page_pk).values_list("code", "title")
    return [(code, title, mark) for code, title in rows]
