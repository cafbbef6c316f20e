"""Open statistics: anonymous yearly totals for the public, with small counts suppressed."""

from django.db.models import Count, F, Q
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
        from feedback.models import Category, Feedback, FeedbackSettings

        context = super().get_context(request, *args, **kwargs)
        minimum = FeedbackSettings.for_request(request).statistics_minimum
        names = dict(
            Category.objects.filter(locale=Locale.get_active()).values_list(
                "translation_key", "name"
            )
        )
        years = []
        for year in (
            Feedback.objects.order_by("-year")
            .values_list("year", flat=True)
            .distinct()[:YEARS_SHOWN]
        ):
            items = Feedback.objects.filter(year=year)
            by_category = (
                items.values("category__translation_key", "category__name", "category__sort_order")
                .annotate(n=Count("id"))
                .order_by("category__sort_order")
            )
            by_kind = dict(items.values_list("kind").annotate(n=Count("id")))
            answers = items.aggregate(
                answered=Count("id", filter=Q(answered_on__isnull=False)),
                in_time=Count(
                    "id", filter=Q(answered_on__isnull=False, answered_on__lte=F("answer_due"))
                ),
            )
            answered = shown(answers["answered"], minimum)
            years.append(
                {
                    "year": year,
                    "total": shown(items.count(), minimum),
                    "categories": [
                        (
                            names.get(row["category__translation_key"], row["category__name"]),
                            shown(row["n"], minimum),
                        )
                        for row in by_category
                    ],
                    "kinds": [
                        (label, shown(by_kind.get(kind, 0), minimum))
                        for kind, label in Kind.choices
                    ],
                    "share_in_time": round(100 * answers["in_time"] / answered)
                    if answered
                    else None,
                }
            )
        context.update(years=years, minimum=minimum)
        return context

    class Meta:
        verbose_name = _("open feedback statistics")
