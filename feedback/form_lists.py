"""The form's lists in a reader's language (categories, districts, the commitments in force),
and the new form's markup, kept in each app server's memory until the content or the day
changes.

The lists change only when staff edit a snippet or publish a guarantee (a new content
generation, see portal.content_generation) or when another guarantee comes into force at
midnight, so a form costs no query for them.
"""

from django.utils import timezone
from wagtail.models import Locale

from feedback.models.feedback import ListEntry, LocalisedNames
from portal import content_generation
from portal.models import GuaranteeCommitment, GuaranteePage

_kept: dict[tuple, tuple[tuple, object]] = {}


def remembered(key: tuple, build, *depends_on):
    """``build()``, remembered under ``key`` for the current content generation (and the
    values in ``depends_on``)."""
    stamp = (content_generation.current(), *depends_on)
    kept = _kept.get(key)
    if kept is None or kept[0] != stamp:
        kept = (stamp, build())
        _kept[key] = kept
    return kept[1]


def entries(model: type[ListEntry], language: str) -> list[tuple[int, str]]:
    """The active Swedish entries (what is stored) as (id, label in ``language``)."""

    def build():
        names = LocalisedNames(model, Locale.objects.get_for_language(language))
        active = model.objects.filter(locale=Locale.get_default(), is_active=True)
        return [(entry.pk, names.label(entry)) for entry in active]

    return remembered((model._meta.label, language), build)


def commitments(language: str) -> list[GuaranteeCommitment]:
    """The commitments of the guarantee valid today, in ``language`` if translated."""
    today = timezone.localdate()

    def build():
        valid = GuaranteePage.objects.live().valid_on(today)
        guarantee = (
            valid.filter(locale__language_code=language, alias_of=None).first()
            or valid.filter(locale=Locale.get_default()).first()
        )
        return list(guarantee.commitments.all()) if guarantee else []

    return remembered(("commitments", language), build, today)
