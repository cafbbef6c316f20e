"""Which answer templates a handler is offered for an item, and a template filled in for it.

An item is offered the templates for its category (or every category) and its kind (or every
kind), each in the citizen's language where it has been translated, else in Swedish.
"""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale

from feedback.models import AnswerTemplate, Feedback
from feedback.models.answer_template import PLACEHOLDERS
from portal.languages import written_in
from portal.templatetags.portal_tags import local_date

_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


@dataclass(frozen=True)
class Offer:
    template: AnswerTemplate
    # The template's language where it is not the citizen's (a Swedish fallback), else "".
    fallback_language: str

    @property
    def label(self) -> str:
        title = self.template.title
        return f"{title} ({self.fallback_language})" if self.fallback_language else title


def offered(feedback: Feedback) -> list[Offer]:
    default = Locale.get_default()
    own = Locale.objects.filter(language_code=feedback.language).first() or default
    category = feedback.category.translation_key
    found = (
        AnswerTemplate.objects.filter(locale__in={default.pk, own.pk})
        .filter(Q(kind="") | Q(kind=feedback.kind))
        .filter(Q(category__isnull=True) | Q(category__translation_key=category))
        .select_related("locale")
    )
    chosen: dict = {}
    for template in found:
        if template.translation_key not in chosen or template.locale_id == own.pk:
            chosen[template.translation_key] = template
    return [
        Offer(
            template,
            "" if template.locale_id == own.pk else template.locale.get_display_name(),
        )
        for template in sorted(chosen.values(), key=lambda t: t.title.casefold())
    ]


def fill(template: AnswerTemplate, feedback: Feedback, handler) -> str:
    """The template's text with its placeholders filled in; other braces stay as written."""
    with translation.override(written_in(feedback.language)):
        values = {
            "reference": feedback.reference,
            "received_date": local_date(feedback.received_at),
            "handler_name": handler.get_full_name() or handler.get_username(),
        }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template.body)
