from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.guarantee_warnings import guarantee_warnings
from portal.locale_setup import synchronise_trees
from portal.models import ClosedDay
from portal.outdated_translations import OutdatedTranslationsView
from portal.translation_publishing import UpdateTranslationsView


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
        # Before wagtail-localize's own view at the same address (portal's hooks run first).
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="update_translations_checked",
        ),
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


@hooks.register("after_copy_page")
def copies_exist_in_every_language(request, page, new_page):
    """wagtail-localize gives a new Swedish page its aliases in the other languages only when it
    is created, not when it is copied (next year's guarantee is usually a copy): without them
    every other language has no guarantee on its first day."""
    synchronise_trees()


class GuaranteePanel(Component):
    """On the admin home, for editors: the guarantee that will not be live on its first day."""

    name = "guarantee"
    order = 40
    template_name = "portal/admin/guarantee_panel.html"

    def __init__(self, warnings):
        self.warnings = warnings

    def get_context_data(self, parent_context):
        return {"warnings": self.warnings}


@hooks.register("construct_homepage_panels")
def add_guarantee_panel(request, panels):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return
    warnings = guarantee_warnings(timezone.localdate())
    if warnings:
        panels.append(GuaranteePanel(warnings))
