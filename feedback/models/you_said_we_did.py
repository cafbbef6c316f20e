"""“You said, we did” (Ni sa, vi gjorde): what the unit changed because of feedback, told to the
public. Each entry is a translatable snippet (translated with wagtail-localize, like the
categories) that tells of one workplace-meeting action in general words. Each language's text
is shown only once someone with the permission has approved it, and any change to a text
(in the admin or by wagtail-localize) takes that approval back (``PublishedChange.save``); a
change to the Swedish text takes back its translations' too, as they told of the old one.
Which entries a reader sees, and in which language, is decided here (``shown_by_month``)."""

import re
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, TranslatableMixin

from feedback.identity_numbers import find_identity_numbers
from feedback.models.meetings import Action
from portal.page_directory import RestrictionsFromDirectory

TEXTS = ("you_said", "we_did")
# What approval covers: a change to any of these takes it back.
APPROVED_FIELDS = ("action_id", "month", *TEXTS)


def names_in(text: str, names) -> list[str]:
    """The citizens' names, or parts of them of three letters or more, found as words."""
    found = []
    for name in names:
        parts = [name, *(part for part in name.split() if len(part) >= 3)]
        if any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.I) for part in parts):
            found.append(name)
    return found


class PublishedChange(TranslatableMixin, models.Model):
    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.PROTECT,
        related_name="published_changes",
        help_text=_("The workplace-meeting action it tells of."),
    )
    month = models.DateField(
        _("month"), help_text=_("When the change was made: the page shows month and year.")
    )
    you_said = models.TextField(
        _("you said"),
        max_length=500,
        help_text=_(
            "What people told us, in general words: no names, no personal identity numbers, "
            "nothing that points to one person."
        ),
    )
    we_did = models.TextField(_("we did"), max_length=1000, help_text=_("What the unit changed."))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("action"),
        FieldPanel("month"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-month", "-pk"]
        verbose_name = _("“You said, we did” entry")
        verbose_name_plural = _("“You said, we did” entries")
        permissions = [
            ("approve_publishedchange", _("Can approve “You said, we did” entries for the site"))
        ]

    def __str__(self):
        return self.you_said[:60]

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def is_source(self) -> bool:
        """The Swedish entry, which the translations are made from."""
        return self.locale_id == Locale.get_default().pk

    @property
    def source_entry(self) -> "PublishedChange | None":
        """The Swedish entry this one is (or is translated from)."""
        return self if self.is_source else self.get_translation_or_none(Locale.get_default())

    def save(self, *args, **kwargs):
        """A changed text is no longer the approved one, however it was saved."""
        changed = self.pk and not kwargs.get("update_fields") and self.changed_since_saved()
        if changed:
            self.approved_by = self.approved_at = None
        super().save(*args, **kwargs)
        if changed and self.is_source:
            self.get_translations().update(approved_by=None, approved_at=None)

    def changed_since_saved(self) -> bool:
        saved = PublishedChange.objects.filter(pk=self.pk).values(*APPROVED_FIELDS).first()
        return saved is not None and any(
            saved[name] != getattr(self, name) for name in APPROVED_FIELDS
        )

    def clean(self):
        super().clean()
        if self.month:
            self.month = self.month.replace(day=1)
        names = (
            [name for name in self.action.feedback.values_list("name", flat=True) if name.strip()]
            if self.action_id
            else []
        )
        errors = {}
        for field in TEXTS:
            text = getattr(self, field) or ""
            if find_identity_numbers(text):
                errors[field] = _("Remove the personal identity number: the page is public.")
            elif names_in(text, names):
                errors[field] = _(
                    "Remove the name: it is the name of someone whose feedback led to the action."
                )
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class Shown:
    month: date
    you_said: str
    we_did: str
    # Each text's language where it is not the reader's (a Swedish fallback), else ""
    you_said_language: str = ""
    we_did_language: str = ""

    @property
    def has_fallback(self) -> bool:
        return bool(self.you_said_language or self.we_did_language)


def shown_by_month(language: str) -> list[tuple[date, list[Shown]]]:
    """The entries whose Swedish text is approved, newest month first. Each text is in the
    reader's language where that translation is approved too and really translated (a copy
    wagtail-localize made still holds the Swedish), else in Swedish, and says so."""
    default = Locale.get_default()
    approved = list(
        PublishedChange.objects.filter(locale=default, approved_at__isnull=False).order_by(
            "-month", "-approved_at", "-pk"
        )
    )
    translated = {}
    if language != default.language_code:
        translated = {
            change.translation_key: change
            for change in PublishedChange.objects.filter(
                locale__language_code=language,
                approved_at__isnull=False,
                translation_key__in=[change.translation_key for change in approved],
            )
        }
    shown = []
    for source in approved:
        change = translated.get(source.translation_key)
        texts, languages = {}, {}
        for name in TEXTS:
            own = getattr(change, name, "") if change else ""
            if own and own != getattr(source, name):
                texts[name], languages[name] = own, ""
            else:
                texts[name] = getattr(source, name)
                languages[name] = "" if language == default.language_code else default.language_code
        shown.append(
            Shown(
                source.month,
                texts["you_said"],
                texts["we_did"],
                languages["you_said"],
                languages["we_did"],
            )
        )
    return [(month, list(changes)) for month, changes in groupby(shown, lambda s: s.month)]


class YouSaidWeDidPage(RestrictionsFromDirectory, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []
    template = "feedback/you_said_we_did_page.html"

    class Meta:
        verbose_name = _("“You said, we did” page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        months = shown_by_month(get_language())
        context["months"] = months
        context["has_fallback"] = any(
            change.has_fallback for _month, changes in months for change in changes
        )
        return context
