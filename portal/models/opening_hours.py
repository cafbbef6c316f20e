from datetime import timedelta

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_cache
from portal.blocks import ServiceBlock
from portal.models.closed_days import ClosedDay
from portal.models.site_settings import ContactSettings
from portal.page_directory import RestrictionsFromDirectory

DAYS_AHEAD = 7
# How far ahead the hours page announces changed hours (exceptions, closed days, seasons).
ANNOUNCED_DAYS = 366


class OpeningHoursPage(RestrictionsFromDirectory, Page):
    """Opening and booking hours as structured data, one block per service."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    services = StreamField(
        [("service", ServiceBlock())],
        verbose_name=_("services"),
        help_text=_(
            "Swedish public holidays, Midsommarafton, Julafton and Nyårsafton close every "
            "service automatically; add a dated exception only for other days."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("services")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("services")]
    max_count_per_parent = 1
    subpage_types = []
    template = "portal/opening_hours_page.html"

    def schedules(self):
        calendar = ClosedDay.objects.calendar()
        return [block.value.schedule(calendar) for block in self.services]

    def services_at(self, now, days: int = DAYS_AHEAD) -> list[dict]:
        """Each service at ``now``: its schedule, whether it is open, and its hours for the
        next ``days`` days in the reader's language (the hours page and the home page)."""
        today, language = timezone.localdate(now), get_language()
        return [
            {
                "schedule": schedule,
                "status": schedule.status(now),
                "days": schedule.days(today, days, language),
            }
            for schedule in self.schedules()
        ]

    @staticmethod
    def keep_until_status_changes(request, services: list[dict]) -> None:
        """A cached page says "open now" only until a service opens or closes."""
        for service in services:
            if service["status"].changes_at:
                page_cache.expire_at(request, service["status"].changes_at)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        services = self.services_at(now)
        after_the_week = timezone.localdate(now) + timedelta(days=DAYS_AHEAD)
        for service in services:
            service["announced"] = service["schedule"].announced(
                after_the_week, after_the_week + timedelta(days=ANNOUNCED_DAYS), get_language()
            )
        self.keep_until_status_changes(request, services)
        schedules = [service["schedule"] for service in services]
        context.update(
            now=now,
            services=services,
            structured_data=self.structured_data(request, timezone.localdate(now), schedules),
        )
        return context

    def structured_data(self, request, today, schedules):
        contact = ContactSettings.for_request(request)
        return {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "name": contact.unit_name,
            "telephone": contact.switchboard or contact.phone,
            "address": contact.visiting_address,
            "url": self.get_full_url(request),
            "contactPoint": [
                {
                    "@type": "ContactPoint",
                    "name": schedule.name,
                    "hoursAvailable": schedule.schema_org_hours(today),
                }
                for schedule in schedules
            ],
        }

    class Meta:
        verbose_name = _("opening hours page")
