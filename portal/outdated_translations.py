"""Translations whose Swedish page has changed since the translation was last published.

wagtail-localize marks untranslated strings once someone syncs a translation with its source;
this report shows editors which translations need that sync in the first place.
"""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page


def outdated_translations():
    source = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
        alias_of__isnull=True,
    )
    return (
        Page.objects.filter(alias_of__isnull=True, live=True)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(
            source_published_at=Subquery(source.values("last_published_at")[:1]),
            source_id=Subquery(source.values("pk")[:1]),
        )
        .filter(source_published_at__gt=F("last_published_at"))
        .select_related("locale")
        .order_by("-source_published_at")
    )


class OutdatedTranslationsView(ReportView):
    page_title = _("Translations out of date")
    header_icon = "globe"
    index_url_name = "outdated_translations"
    index_results_url_name = "outdated_translations_results"
    columns = [
        TitleColumn("title", label=_("Translation"), url_name="wagtailadmin_pages:edit"),
        Column("language", label=_("Language"), accessor="locale.get_display_name"),
        DateColumn("last_published_at", label=_("Translation published")),
        DateColumn("source_published_at", label=_("Swedish page changed")),
        TitleColumn(
            "source",
            label=_("Swedish page"),
            accessor=lambda page: _("Open the Swedish page"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.source_id]),
        ),
    ]
    list_export = ["title", "locale.language_code", "last_published_at", "source_published_at"]
    export_headings = {
        "locale.language_code": _("Language"),
        "last_published_at": _("Translation published"),
        "source_published_at": _("Swedish page changed"),
    }

    def get_queryset(self):
        return outdated_translations()
