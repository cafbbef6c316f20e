"""Answer templates: the unit's standard wordings a handler starts an answer from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from feedback.choices import Kind
from feedback.identity_numbers import find_identity_numbers
from feedback.models.feedback import Category

# What a template may say in braces; the handler's page fills them in (answer_templates.fill).
PLACEHOLDERS = ("reference", "received_date", "handler_name")


class AnswerTemplate(TranslatableMixin, models.Model):
    """A wording for one category and kind (or all of them), translated like the lists: the
    handler is offered the one in the citizen's language, else the Swedish one."""

    title = models.CharField(_("title"), max_length=100)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to offer it for every category."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_("Leave empty to offer it for every kind."),
    )
    body = models.TextField(
        _("text"),
        max_length=5000,
        help_text=_(
            "The handler edits it before sending. {reference}, {received_date} and "
            "{handler_name} are filled in. Write no names or other personal data here."
        ),
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if find_identity_numbers(self.body):
            raise ValidationError(
                {"body": _("Remove the personal identity number: templates hold no personal data.")}
            )
