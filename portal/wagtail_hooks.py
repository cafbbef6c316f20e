from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.editor_autosave import autosave_stops_on_submit_script, refuse_autosave_with_action
from portal.guarantee_warnings import guarantee_warnings
from portal.locale_setup import synchronise_trees
from portal.models import ClosedDay
from portal.outdated_translations import OutdatedTranslationsView
from portal.statement_warnings import statement_warnings
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


hooks.register("before_edit_page", refuse_autosave_with_action)
# Snippets with a workflow (the guarantee's follow-up) have the same buttons and autosave.
hooks.register("before_edit_snippet", refuse_autosave_with_action)
hooks.register("insert_editor_js", autosave_stops_on_submit_script)


@hooks.register("after_copy_page")
def copies_exist_in_every_language(request, page, new_page):
    """wagtail-localize gives a new Swedish page its aliases in the other languages only when it
    is created, not when it is copied (next year's guarantee is usually a copy): without them
    every other language has no guarantee on its first day."""
    synchronise_trees()


class EditorWarningsPanel(Component):
    """On the admin home, for editors: what will be wrong on the public site unless they act
    (a guarantee not live on its first day, an accessibility statement due for review)."""

    order = 40
    template_name = "portal/admin/warnings_panel.html"

    def __init__(self, name, heading, warnings):
        self.name, self.heading, self.warnings = name, heading, warnings

    def get_context_data(self, parent_context):
        return {"name": self.name, "heading": self.heading, "warnings": self.warnings}


EDITOR_WARNINGS = [
    ("guarantee", _("Service guarantee"), guarantee_warnings),
    ("accessibility", _("Accessibility statement"), statement_warnings),
]


@hooks.register("construct_homepage_panels")
def add_editor_warnings_panels(request, panels):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return
    today = timezone.localdate()
    for name, heading, warnings_on in EDITOR_WARNINGS:
        warnings = warnings_on(today)
        if warnings:
            panels.append(EditorWarningsPanel(name, heading, warnings))
