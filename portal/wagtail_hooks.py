from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import ClosedDay
from portal.outdated_translations import OutdatedTranslationsView


class ClosedDayViewSet(SnippetViewSet):
    model = ClosedDay
    icon = "date"
    menu_label = _("Closed days")
    list_display = ["date", "reason"]
    ordering = ["-date"]
    add_to_admin_menu = False


register_snippet(ClosedDayViewSet)


@hooks.register("register_admin_urls")
def register_outdated_translations_url():
    return [
        path(
            "reports/outdated-translations/",
            OutdatedTranslationsView.as_view(),
            name="outdated_translations",
        ),
        path(
            "reports/outdated-translations/results/",
            OutdatedTranslationsView.as_view(results_only=True),
            name="outdated_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        _("Translations out of date"),
        reverse("outdated_translations"),
        icon_name="globe",
        order=900,
    )
