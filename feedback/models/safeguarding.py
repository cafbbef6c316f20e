"""The safeguarding path's editable parts: the words that flag feedback at intake, and the law's
references (renumbered when the new socialtjänstlag (2025:400) came into force)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

VERIFY_REFERENCE = _(
    "The law was renumbered on 1 July 2025 (socialtjänstlag 2025:400): check the current "
    "chapter and section against the law and enter them here."
)


class SafeguardingWord(models.Model):
    """A word, phrase or start of a word that flags feedback as a possible safeguarding concern:
    "misshand" flags "misshandlar" and "Misshandeln". Matched in every language."""

    word = models.CharField(
        _("word or start of a word"),
        max_length=50,
        unique=True,
        help_text=_("Matches words that start with it, in any letter case."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        ordering = ["language", "word"]
        verbose_name = _("safeguarding word")
        verbose_name_plural = _("safeguarding words")

    def __str__(self):
        return self.word


@register_setting(icon="warning")
class SafeguardingSettings(BaseSiteSetting):
    """Where the duties to report stand in the law, as the handler's page names them."""

    child_report_reference = models.CharField(
        _("duty to report concern for a child (orosanmälan)"),
        max_length=200,
        default="socialtjänstlagen (2025:400), anmälningsskyldigheten "
        "(tidigare 14 kap. 1 § SoL 2001:453)",
        help_text=VERIFY_REFERENCE,
    )
    lex_sarah_reference = models.CharField(
        _("duty to report misconduct (lex Sarah)"),
        max_length=200,
        default="socialtjänstlagen (2025:400), lex Sarah (tidigare 14 kap. 2–7 §§ SoL 2001:453)",
        help_text=VERIFY_REFERENCE,
    )

    class Meta:
        verbose_name = _("safeguarding settings")
