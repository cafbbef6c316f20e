"""Feedback nobody picked up, escalated once per level (see feedback.escalation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from feedback.models.feedback import Feedback


class Escalation(models.Model):
    """One per item and level: a second run, even a concurrent one, cannot send it again."""

    wagtail_reference_index_ignore = True

    class Level(models.TextChoices):
        INBOX = "inbox", _("the feedback inbox")
        UNIT_HEAD = "unit_head", _("the unit head")

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="escalations")
    level = models.CharField(max_length=10, choices=Level.choices)
    escalated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feedback", "level"], name="one_escalation_per_level")
        ]
