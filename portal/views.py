"""The site's furniture outside the page tree: favicon, robots.txt, sitemap.xml and search."""

import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from portal import page_directory
from portal.sitemaps import PortalSitemap

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


@require_safe
@cache_control(max_age=3600, public=True)
def favicon(request):
    """/favicon.ico for browsers and tools that ask for it without reading the page's links.

    A temporary redirect: in production the static file's name carries its content hash.
    """
    return HttpResponseRedirect(static("portal/favicon.ico"))


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawl everything but the admin and the search results; the sitemap's absolute URL."""
    search_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_paths.append(reverse("search"))
    return TemplateResponse(
        request,
        "robots.txt",
        {
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
            "search_paths": search_paths,
        },
        content_type="text/plain; charset=utf-8",
    )


def serve(request, path):
    """Wagtail's page view with the route taken from the page directory: one query for the page
    instead of two per level of the address."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = page_directory.route(request, path)
    return wagtail_serve(request, path)


@require_safe
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})


def clean_query(value: str) -> str:
    """The query as searched and shown: no control characters (PostgreSQL refuses NUL), single
    spaces, at most MAX_QUERY_LENGTH characters."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in value)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def searchable_pages(request):
    """Live public pages of the site in the reader's language (aliases of untranslated Swedish
    pages included: they are the reader's URLs for those pages)."""
    locale = Locale.get_active()
    pages = Page.objects.live().public().filter(locale=locale)
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page.localized, inclusive=True)
    return pages, locale


def _prepare(results: list[Page], locale: Locale) -> list[Page]:
    """Give each result its locale and its alias source at once, for the language marks."""
    sources = Page.objects.filter(
        pk__in={page.alias_of_id for page in results if page.alias_of_id}
    ).select_related("locale")
    sources = {source.pk: source for source in sources}
    for page in results:
        page.locale = locale
        if page.alias_of_id in sources:
            page.alias_of = sources[page.alias_of_id]
    return results


@require_safe
def search(request):
    """Site search with a plain GET form: ``/<language>/sok/?q=…&page=2``."""
    query = clean_query(request.GET.get("q", ""))
    # SQLite's full-text syntax fails on an unbalanced double quote; a phrase search is not
    # offered, so quotes are left out of the terms.
    terms = " ".join(query.replace('"', " ").split())
    results = []
    if terms:
        pages, locale = searchable_pages(request)
        results = pages.specific().search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    if terms:
        results_page.object_list = _prepare(list(results_page.object_list), locale)
    return TemplateResponse(
        request,
        "portal/search_results.html",
        {
            "search_query": query,
            # The query keeps its own direction inside the reader's sentence.
            "search_query_isolated": format_html("<bdi>{}</bdi>", query),
            "results": results_page,
            "paginator": paginator,
            "result_count": paginator.count,
        },
    )
