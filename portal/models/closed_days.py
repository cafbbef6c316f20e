from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import workdays


class ClosedDayManager(models.Manager):
    def calendar(self) -> workdays.Calendar:
        """The working-day calendar with the closed days staff have entered: the one to use
        for anything the unit promises (deadlines, opening hours)."""
        return workdays.Calendar(dict(self.values_list("date", "reason")))


class ClosedDay(models.Model):
    """A day the unit is closed besides weekends and holidays, e.g. a staff training day.

    Every service closes, and feedback deadlines skip the day.
    """

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200, help_text=_("Shown to the public."))

    objects = ClosedDayManager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}"
