"""Every page's address, language, title and translations, loaded once per content generation.

The menu, the footer's links, the language switcher, the language a linked page's content is
written in and the route from an address to a page are all answered from this directory, so a
public page costs the same few queries however many pages, menu items and languages there are.
It is built in a handful of queries when the content generation changes (see
content_generation) and kept in each app server's memory under that token.
"""

import copy
import threading
from dataclasses import dataclass, field
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision, Site
from wagtail.url_routing import RouteResult

from portal import content_generation

# The log action of wagtail-localize's alias-to-translation conversion.
CONVERTED = "wagtail.convert_alias"


def unpublished_translations(pages) -> set[int]:
    """The pages wagtail-localize has turned from an alias into a translation ("Translate →
    Submit") that nobody has published since, so what citizens should see is the Swedish page.

    On submitting, wagtail-localize converts the alias (a revision logged as
    ``wagtail.convert_alias``), saves one more revision with the Swedish text and publishes it
    after the commit. The page is untranslated while its live revision is that one, or (before
    the commit) still the Swedish page's, copied with the alias. Any later publishing, from the
    translation editor or the page editor, makes a newer revision. At most three queries."""
    live = {
        page.pk: page.live_revision_id
        for page in pages
        if page.alias_of_id is None
        and page.live_revision_id
        and page.locale.language_code != settings.LANGUAGE_CODE
    }
    if not live:
        return set()
    owners = dict(Revision.objects.filter(pk__in=live.values()).values_list("pk", "object_id"))
    started = {pk for pk, revision in live.items() if owners.get(revision) != str(pk)}
    converted = dict(
        PageLogEntry.objects.filter(page_id__in=live.keys() - started, action=CONVERTED)
        .order_by("timestamp")
        .values_list("page_id", "revision_id")
    )
    if converted:
        after = Revision.page_revisions.filter(
            object_id__in=[str(pk) for pk in converted], pk__gt=min(converted.values())
        ).values_list("object_id", "pk")
        first_after: dict[int, int] = {}
        for owner, revision in sorted(after, key=lambda row: row[1]):
            page = int(owner)
            if revision > converted[page]:
                first_after.setdefault(page, revision)
        started |= {page for page, revision in first_after.items() if live[page] == revision}
    return started


@dataclass(frozen=True)
class Entry:
    """What a link to a page needs, without loading the page."""

    pk: int
    path: str
    depth: int
    translation_key: UUID
    language: str
    content_language: str  # the Swedish source's while the page is untranslated
    untranslated: bool  # an alias, or a translation started but not published
    title: str
    url: str | None
    live: bool
    public: bool  # neither it nor an ancestor has a view restriction
    show_in_menus: bool
    model: type[Page]


@dataclass
class Directory:
    token: str
    entries: dict[int, Entry]
    translations: dict[UUID, dict[str, int]]
    routes: dict[tuple[int, str], int]
    easy_read_of: dict[UUID, list[int]]  # a standard page's translation key → easy-read pages
    site_root_paths: list  # Site.get_site_root_paths(), which Wagtail reads per request
    _memo: dict = field(default_factory=dict)

    def get(self, pk: int | None) -> Entry | None:
        return self.entries.get(pk)

    def translation(self, entry: Entry, language: str) -> Entry | None:
        pk = self.translations.get(entry.translation_key, {}).get(language)
        return self.entries.get(pk)

    def localized(self, entry: Entry, language: str) -> Entry:
        """The live version in ``language``, else the entry itself (as Wagtail's ``localized``)."""
        other = self.translation(entry, language)
        return other if other is not None and other.live else entry

    def routed_page(self, pk: int) -> Page | None:
        """The specific page as a request is served it, read once per content generation (no
        query per request) and copied for each request: a view may set attributes on its page."""
        key = ("page", pk)
        if key not in self._memo:
            page = self.entries[pk].model.objects.select_related("locale").filter(pk=pk).first()
            if page is not None and self.entries[pk].untranslated and page.alias_of_id is None:
                page = _showing_source(page, self)
            if page is not None:
                page._wagtail_cached_site_root_paths = self.site_root_paths
            self._memo[key] = page
        page = self._memo[key]
        return copy.copy(page) if page is not None else None

    def menu(self, root: Entry) -> list[Entry]:
        """The root's live public children shown in menus, in the Swedish tree's order (each
        locale's tree got its pages in the order they were translated or synchronised)."""
        key = ("menu", root.pk)
        if key not in self._memo:
            children = [
                entry
                for entry in self.entries.values()
                if entry.depth == root.depth + 1
                and entry.path.startswith(root.path)
                and entry.live
                and entry.public
                and entry.show_in_menus
            ]
            self._memo[key] = sorted(children, key=self._swedish_order)
        return self._memo[key]

    def first_of_type(self, model: type[Page], root: Entry) -> Entry | None:
        """The first live public page of a type (or a subtype) below ``root``, in tree order."""
        key = ("first", model, root.pk)
        if key not in self._memo:
            found = [
                entry
                for entry in self.entries.values()
                if issubclass(entry.model, model)
                and entry.path.startswith(root.path)
                and entry.pk != root.pk
                and entry.live
                and entry.public
            ]
            self._memo[key] = min(found, key=lambda entry: entry.path, default=None)
        return self._memo[key]

    def in_language(self, model: type[Page], language: str) -> Entry | None:
        """The first live public page of a type in ``language``, else in Swedish."""
        key = ("language", model, language)
        if key not in self._memo:
            found = {}
            for entry in sorted(self.entries.values(), key=lambda entry: entry.path):
                if issubclass(entry.model, model) and entry.live and entry.public:
                    found.setdefault(entry.language, entry)
            self._memo[key] = found.get(language) or found.get(settings.LANGUAGE_CODE)
        return self._memo[key]

    def children(self, parent: Entry, model: type[Page]) -> list[int]:
        """The ids of a page's live public children of a type, in tree order."""
        key = ("children", parent.pk, model)
        if key not in self._memo:
            self._memo[key] = [
                entry.pk
                for entry in sorted(self.entries.values(), key=lambda entry: entry.path)
                if entry.depth == parent.depth + 1
                and entry.path.startswith(parent.path)
                and issubclass(entry.model, model)
                and entry.live
                and entry.public
            ]
        return self._memo[key]

    def easy_read(self, translation_key: UUID) -> Entry | None:
        """The first live public easy-to-read page made for a page (in any language)."""
        found = (self.entries[pk] for pk in self.easy_read_of.get(translation_key, ()))
        return next((entry for entry in found if entry.live and entry.public), None)

    def site_for(self, request) -> Site | None:
        """Wagtail's site for the request (``Site.find_for_request``), looked up once per host
        and port while the sites stay as they are."""
        if not hasattr(request, "_wagtail_site"):
            key = ("site", request.get_host(), request.get_port())  # ALLOWED_HOSTS only
            if key not in self._memo:
                self._memo[key] = Site.find_for_request(request)
            request._wagtail_site = self._memo[key]
        return request._wagtail_site

    def untranslated(self) -> set[int]:
        return {entry.pk for entry in self.entries.values() if entry.untranslated}

    def _swedish_order(self, entry: Entry) -> tuple[str, str]:
        swedish = self.translation(entry, settings.LANGUAGE_CODE)
        return (swedish.path if swedish else "", entry.path)


_lock = threading.Lock()
_built: Directory | None = None


def directory() -> Directory:
    """The directory of the current content generation (built on first use after a change)."""
    global _built
    token = content_generation.current()
    built = _built
    if built is None or built.token != token:
        with _lock:
            if _built is None or _built.token != token:
                _built = _build(token)
            built = _built
    return built


class RestrictionsFromDirectory:
    """Page mixin: Wagtail checks a page's view restrictions (two queries) before serving it;
    where the directory knows none applies, by the same rule, that costs no query."""

    def get_view_restrictions(self):
        entry = directory().get(self.pk)
        if entry is not None and entry.public:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def content_language(page: Page | Entry) -> str:
    """The language a page's content is written in: its Swedish source's while it is an alias
    or a translation nobody has published yet (see unpublished_translations)."""
    if isinstance(page, Entry):
        return page.content_language
    entry = directory().get(page.pk)
    return entry.content_language if entry else page.locale.language_code


def live_children(parent: Page, model: type[Page]):
    """A page's live public children of a type, in tree order, in one query."""
    found = directory()
    entry = found.get(parent.pk)
    return model.objects.filter(pk__in=found.children(entry, model) if entry else []).order_by(
        "path"
    )


def first_of_type(root: Page, model: type[Page]):
    """The first live public page of a type below ``root``, in one query, or None."""
    found = directory()
    entry = found.get(root.pk)
    first = found.first_of_type(model, entry) if entry else None
    return model.objects.get(pk=first.pk) if first else None


def route(request, path: str) -> RouteResult | None:
    """Wagtail's route for a request (``Page.route_for_request``), from the directory: the
    deepest page whose address starts the path is loaded in one query and routes the rest (a
    routable page's own routes). None when nothing matches."""
    found = directory()
    site = found.site_for(request)
    if site is None:
        return None
    # Wagtail's page URLs read the site root paths once per request, from the shared cache.
    request._wagtail_cached_site_root_paths = found.site_root_paths
    root = found.get(site.root_page_id)
    if root is None:
        return None
    root = found.localized(root, get_language() or settings.LANGUAGE_CODE)
    components = [component for component in path.split("/") if component]
    for depth in range(len(components), -1, -1):
        pk = found.routes.get((root.pk, "".join(f"{part}/" for part in components[:depth])))
        if pk is not None:
            page = found.routed_page(pk)
            if page is None:  # deleted since this request read the content generation
                return None
            try:
                return page.route(request, components[depth:])
            except Http404:
                return None
    return None


def _showing_source(page: Page, found: Directory) -> Page:
    """A translation started but not yet published, with its Swedish source's current content,
    as its alias showed it. wagtail-localize leaves the page holding a copy of the Swedish text
    that nothing updates when the Swedish page changes; the page keeps its own address,
    language and links."""
    source_pk = found.translations[page.translation_key].get(settings.LANGUAGE_CODE)
    if source_pk is None or source_pk == page.pk:
        return page
    source = found.entries[source_pk].model.objects.filter(pk=source_pk, live=True).first()
    if source is None:
        return page
    shown = page.with_content_json(source.serializable_data())
    shown.slug, shown.url_path, shown.locale = page.slug, page.url_path, page.locale
    return shown


def _build(token: str) -> Directory:
    pages = list(Page.objects.select_related("locale", "alias_of__locale").order_by("path"))
    restricted = _restricted(pages)
    started = unpublished_translations(pages)
    site_roots = {site.root_page_id for site in Site.objects.all()}
    root_keys = {page.translation_key for page in pages if page.pk in site_roots}
    roots = [page for page in pages if page.translation_key in root_keys]
    root_paths = Site.get_site_root_paths()
    easy_read_of = {}
    easy_read_pages = apps.get_model("portal", "EasyReadPage").objects
    for pk, standard_key in easy_read_pages.filter(standard_page__isnull=False).values_list(
        "pk", "standard_page__translation_key"
    ):
        easy_read_of.setdefault(standard_key, []).append(pk)

    entries, translations, routes = {}, {}, {}
    for page in pages:
        language = page.locale.language_code
        if page.alias_of_id:
            content_language = page.alias_of.locale.language_code
        elif page.pk in started:
            content_language = settings.LANGUAGE_CODE
        else:
            content_language = language
        root = next((r for r in roots if page.path.startswith(r.path)), None)
        route = (root.pk, page.url_path[len(root.url_path) :]) if root else None
        page._wagtail_cached_site_root_paths = root_paths  # one cache read for every URL
        entries[page.pk] = Entry(
            pk=page.pk,
            path=page.path,
            depth=page.depth,
            translation_key=page.translation_key,
            language=language,
            content_language=content_language,
            untranslated=bool(page.alias_of_id) or page.pk in started,
            title=page.title,
            url=_relative_url(page) if root else None,
            live=page.live,
            public=page.pk not in restricted,
            show_in_menus=page.show_in_menus,
            model=_model(page.content_type_id),
        )
        translations.setdefault(page.translation_key, {})[language] = page.pk
        if route:
            routes[route] = page.pk
    for pks in easy_read_of.values():
        pks.sort(key=lambda pk: entries[pk].path)
    return Directory(token, entries, translations, routes, easy_read_of, root_paths)


def _restricted(pages: list[Page]) -> set[int]:
    """The pages a view restriction applies to, by Wagtail's rule (``get_view_restrictions``):
    one on the page or an ancestor, where an alias counts its source's. ``pages`` in tree order."""
    with_restriction = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    if not with_restriction:
        return set()
    by_path = {page.path: page for page in pages}
    restricted: set[int] = set()
    for page in pages:
        parent = by_path.get(page.path[: -page.steplen])
        source = page
        while source.alias_of_id and source.alias_of is not None:
            source = source.alias_of
        if (parent is not None and parent.pk in restricted) or source.pk in with_restriction:
            restricted.add(page.pk)
    return restricted


def _relative_url(page: Page) -> str | None:
    """The page's address on its own site, as ``{% pageurl %}`` writes it on that site."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _model(content_type_id: int) -> type[Page]:
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page
