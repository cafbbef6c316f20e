"""Words that suggest a piece of feedback is really an appeal of a decision (FL 44 §)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppealWord(models.Model):
    """A word, or the start of one, that flags feedback as a possible appeal: "överklaga" also
    flags "överklagar" and "Överklagandet". Matched in every language, whatever the form's."""

    word = models.CharField(
        _("word or start of a word"),
        max_length=50,
        unique=True,
        help_text=_("Matches words that start with it, in any letter case."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        ordering = ["language", "word"]
        verbose_name = _("appeal word")
        verbose_name_plural = _("appeal words")

    def __str__(self):
        return self.word
