"""Open statistics: anonymous yearly totals for the public, with small counts hidden.

The counting and the hiding are in ``feedback.reports`` (``open_statistics``, ``suppress``)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

# statistics_cache imports reports, which imports feedback.models, which imports this module:
# by then the models reports uses are defined, and reports is only used when a page is shown.
from feedback import statistics_cache
from feedback.models.feedback import FeedbackSettings
from portal import page_cache
from portal.page_directory import RestrictionsFromDirectory

YEARS_SHOWN = 5
STATISTICS_KEPT = timedelta(minutes=5)


class FeedbackStatisticsPage(RestrictionsFromDirectory, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []
    template = "feedback/statistics_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        minimum = FeedbackSettings.kept_for(Site.find_for_request(request)).statistics_minimum
        years = statistics_cache.open_statistics(minimum, get_language(), years=YEARS_SHOWN)
        # The figures are counted again after each change of the register; a citizen's cached
        # copy of the page follows within minutes.
        page_cache.expire_at(request, timezone.now() + STATISTICS_KEPT)
        context.update(
            years=years,
            minimum=minimum,
            has_hidden_cells=any(year.has_hidden_cells for year in years),
            has_hidden_shares=any(
                cell.share is None
                for year in years
                for cell in (*year.in_time_by_district, *year.in_time_by_commitment)
            ),
        )
        return context

    class Meta:
        verbose_name = _("open feedback statistics")
