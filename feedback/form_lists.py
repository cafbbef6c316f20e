"""The form's lists in a reader's language (categories, districts, the commitments in force),
and the new form's markup, kept in each app server's memory until the content or the day
changes.

The lists change only when staff edit a snippet or publish a guarantee (a new content
generation, see portal.content_generation) or when another guarantee comes into force at
midnight, so a form costs no query for them, neither shown nor sent.
"""

from django.utils import timezone
from wagtail.models import Locale

from feedback.models.feedback import Category, ListEntry, LocalisedNames
from portal.commitments import in_force_page, written_for
from portal.content_generation import remembered
from portal.models import GuaranteeCommitment


def active(model: type[ListEntry]) -> dict[str, ListEntry]:
    """The active Swedish entries (what is stored, in the list's order) by their id as a form
    sends it. Shared between requests: read only."""

    def build():
        found = model.objects.filter(locale=Locale.get_default(), is_active=True)
        return {str(entry.pk): entry for entry in found}

    return remembered((model._meta.label, "active"), build)


def website_category() -> Category | None:
    """The active category for reports about the website's accessibility, if staff keep one."""
    return next((c for c in active(Category).values() if c.website_accessibility), None)


def entries(model: type[ListEntry], language: str) -> list[tuple[int, str]]:
    """The active Swedish entries as (id, label in ``language``)."""

    def build():
        names = LocalisedNames(model, Locale.objects.get_for_language(language))
        return [(entry.pk, names.label(entry)) for entry in active(model).values()]

    return remembered((model._meta.label, language), build)


def commitments(language: str) -> list[GuaranteeCommitment]:
    """The commitments of the guarantee valid today, as a reader of ``language`` reads them
    (``portal.commitments.written_for``)."""
    today = timezone.localdate()

    def build():
        guarantee = in_force_page()
        if guarantee is None:
            return []
        page_pk, _language = written_for(guarantee.pk, language)
        return list(GuaranteeCommitment.objects.filter(page_id=page_pk))

    return remembered(("commitments", language), build, today)
