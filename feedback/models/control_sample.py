"""The internal-control sample (internkontroll): N closed feedback items per district and
period, drawn at random from a stored seed so anyone can draw the same items again, and checked
by a reviewer against two rules: the answer deadline, and that written complaints are answered
in writing. The result feeds the guarantee's follow-up (``feedback.control_sample``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from feedback.models.feedback import District, Feedback
from feedback.periods import Period


class Check(models.TextChoices):
    """A reviewer's finding on one rule; "" is not yet reviewed."""

    UNSET = "", _("Not reviewed")
    YES = "yes", _("Yes, kept")
    NO = "no", _("No, not kept")
    NOT_APPLICABLE = "na", _("Not applicable")


class ControlSample(models.Model):
    wagtail_reference_index_ignore = True

    year = models.PositiveSmallIntegerField(_("year"))
    tertial = models.PositiveSmallIntegerField(
        _("tertial"),
        null=True,
        blank=True,
        choices=[(1, "T1"), (2, "T2"), (3, "T3")],
        help_text=_("Leave empty for the whole year."),
    )
    seed = models.BigIntegerField(
        _("seed"), help_text=_("The same seed and register give the same items.")
    )
    per_district = models.PositiveSmallIntegerField(_("items per district"), default=10)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drawn at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("control sample")
        verbose_name_plural = _("control samples")

    @property
    def period(self) -> Period:
        return Period.year(self.year, self.tertial)

    def __str__(self):
        return _("Control sample %(period)s (seed %(seed)s)") % {
            "period": self.period.label,
            "seed": self.seed,
        }


class ControlSampleItem(models.Model):
    wagtail_reference_index_ignore = True

    sample = models.ForeignKey(ControlSample, on_delete=models.CASCADE, related_name="items")
    # PROTECT: a reviewed item is evidence for the follow-up and must not vanish with a delete.
    # A deleted item leaves the sample (a sample never keeps an item from being deleted).
    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="+"
    )
    # The district it was drawn for, kept even if the item is later moved to another.
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    deadline_kept = models.CharField(
        _("deadline kept"),
        max_length=3,
        blank=True,
        choices=[c for c in Check.choices if c[0] != Check.NOT_APPLICABLE],
        help_text=_("Filled in from the register (answered by the due date); check it."),
    )
    written_answer_kept = models.CharField(
        _("written complaint answered in writing"),
        max_length=3,
        blank=True,
        choices=Check.choices,
        help_text=_("Written complaints are always answered in writing."),
    )
    note = models.TextField(_("reviewer's note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["sample", "district", "feedback__reference"]
        verbose_name = _("sampled item")
        verbose_name_plural = _("sampled items")
        constraints = [
            models.UniqueConstraint(fields=["sample", "feedback"], name="one_item_per_sample")
        ]

    def __str__(self):
        return self.feedback.reference
