"""Open statistics: anonymous yearly totals for the public, with small counts suppressed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from feedback.choices import Kind

YEARS_SHOWN = 5


def shown(count: int, minimum: int) -> int | None:
    """The count, or None where it is below ``minimum`` (the cell is suppressed)."""
    return count if count >= minimum else None


class FeedbackStatisticsPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []
    template = "feedback/statistics_page.html"

    def get_context(self, request, *args, **kwargs):
        # Imported here: reports imports the models, and this module is one of them.
        from feedback import reports
        from feedback.models import Category, Feedback, FeedbackSettings

        context = super().get_context(request, *args, **kwargs)
        minimum = FeedbackSettings.for_request(request).statistics_minimum
        localised = dict(
            Category.objects.filter(locale=Locale.get_active()).values_list(
                "translation_key", "name"
            )
        )
        # The report names categories in Swedish; show them in the reader's language.
        names = {
            swedish: localised.get(key, swedish)
            for key, swedish in Category.objects.filter(locale=Locale.get_default()).values_list(
                "translation_key", "name"
            )
        }
        kinds = dict(Kind.choices)
        years = []
        for year in (
            Feedback.objects.order_by("-year")
            .values_list("year", flat=True)
            .distinct()[:YEARS_SHOWN]
        ):
            report = reports.build(reports.Period.year(year), with_previous_year=False)
            by_kind = dict(report.by_kind)
            answered = shown(report.answered, minimum)
            years.append(
                {
                    "year": year,
                    "total": shown(report.total, minimum),
                    "categories": [
                        (names.get(name, name), shown(n, minimum)) for name, n in report.by_category
                    ],
                    "kinds": [
                        (label, shown(by_kind.get(kind, 0), minimum))
                        for kind, label in kinds.items()
                    ],
                    "share_in_time": round(100 * report.answered_in_time / answered)
                    if answered
                    else None,
                }
            )
        context.update(years=years, minimum=minimum)
        return context

    class Meta:
        verbose_name = _("open feedback statistics")
