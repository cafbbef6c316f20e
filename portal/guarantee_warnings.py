"""What editors must hear about the service guarantee before citizens notice: on its first
day next year's guarantee has to be live in every language without anyone at a keyboard
(``publish_scheduled`` runs every few minutes, deploy/systemd/portal-publish-scheduled.timer)."""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.models import GuaranteePage

# How far ahead a guarantee must be in place (published, or scheduled to go live in time).
AHEAD_DAYS = 30


def guarantee_warnings(today: date) -> list[str]:
    warnings = []
    scheduled = GuaranteePage.objects.filter(locale=Locale.get_default()).scheduled()
    for page, goes_live in scheduled:
        if goes_live != page.valid_from:
            warnings.append(
                _("%(title)s goes live on %(live)s but is valid from %(valid)s.")
                % {"title": page.title, "live": goes_live, "valid": page.valid_from}
            )
    horizon = today + timedelta(days=AHEAD_DAYS)
    published = (
        GuaranteePage.objects.live().filter(locale=Locale.get_default()).valid_on(horizon).exists()
    )
    coming = any(
        page.valid_from <= horizon <= page.valid_to and goes_live <= horizon
        for page, goes_live in scheduled
    )
    if not (published or coming):
        warnings.append(
            _(
                "No published guarantee will be valid on %(day)s. Copy this year's guarantee, "
                "update it and schedule it to go live on its first day."
            )
            % {"day": horizon}
        )
    return warnings
