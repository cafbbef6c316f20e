"""Counts from before the register (tidigare års siffror): what the unit's own reports said, by
year, category, district and kind, imported from a CSV (``feedback.earlier_counts_import``) so
that the year-on-year comparison and the open statistics start earlier.

A year is counted either here or in the register, never both: the import refuses a year the
register has items in, and where the register has items anyway, the register is the source.
What a source does not say is stored as not recorded (an empty category, district or kind)."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.choices import Kind
from feedback.models.feedback import Category, District


class EarlierCount(models.Model):
    wagtail_reference_index_ignore = True

    year = models.PositiveSmallIntegerField(_("year"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: not recorded."),
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: the whole unit, or not recorded."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_("Empty: not recorded."),
    )
    count = models.PositiveIntegerField(_("count"))
    source = models.CharField(_("source"), max_length=200)
    imported_at = models.DateTimeField(_("imported on"), default=timezone.now)

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("earlier year's count")
        verbose_name_plural = _("earlier years' counts")
        constraints = [
            # An empty category or district is a value of its own here (not recorded), so the
            # cell is unique with them: NULLs would otherwise all be distinct.
            models.UniqueConstraint(
                "year",
                Coalesce("category", 0),
                Coalesce("district", 0),
                "kind",
                name="one_earlier_count_per_cell",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="earlier_count_positive"),
        ]

    def __str__(self):
        return f"{self.year}: {self.count}"
