"""The question "Did our answer help?", asked once and answered once (feedback.help_questions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from feedback.choices import Helped
from feedback.models.feedback import Feedback


class HelpQuestion(models.Model):
    wagtail_reference_index_ignore = True

    feedback = models.OneToOneField(
        Feedback, on_delete=models.CASCADE, related_name="help_question"
    )
    asked_on = models.DateField(_("asked on"))
    # The link works until then, and only until it has been answered.
    expires_at = models.DateTimeField(_("link works until"))
    answer = models.CharField(
        _("did our answer help?"), max_length=10, choices=Helped.choices, blank=True
    )
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")

    def __str__(self):
        return f"{self.feedback} {self.get_answer_display() or '–'}"
