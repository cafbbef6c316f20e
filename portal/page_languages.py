"""Which languages a page exists in, and what the language switcher and hreflang links show.

Wagtail keeps one page tree per locale. A page not yet translated exists in the other locales as
an alias of the Swedish page (see locale_setup), so its content is Swedish: the page then says so
in the reader's language, and its canonical URL is the Swedish one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, PageLogEntry, Revision

from portal.languages import native_name

# The log action of wagtail-localize's alias-to-translation conversion.
CONVERTED = "wagtail.convert_alias"


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translated: bool


@dataclass(frozen=True)
class PageLanguages:
    current: str
    content_language: str
    versions: list[LanguageVersion]
    canonical_url: str | None
    default_url: str | None

    @property
    def is_fallback(self) -> bool:
        return self.content_language != self.current

    @property
    def translated(self) -> list[LanguageVersion]:
        return [version for version in self.versions if version.is_translated]


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


def content_source(page: Page) -> Page:
    """The page whose content ``page`` shows: the Swedish page while untranslated (an alias, or
    a translation started but not yet published), else the page itself."""
    if page.alias_of_id:
        return page.alias_of
    if "_content_source" not in page.__dict__:
        source = page
        if page.pk in unpublished_translations([page]):
            source = (
                Page.objects.filter(
                    translation_key=page.translation_key,
                    locale__language_code=settings.LANGUAGE_CODE,
                ).first()
                or page
            )
        page.__dict__["_content_source"] = source
    return page.__dict__["_content_source"]


def page_languages(page: Page | None, request) -> PageLanguages:
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if page is None or not isinstance(page, Page):
        # A view of our own (search, 404): the same address in each language, else its home.
        path = request.get_full_path() if request else "/"
        versions = []
        for code, _name in settings.LANGUAGES:
            url = translate_url(path, code)
            url = url if url != path or code == current else f"/{code}/"
            versions.append(
                LanguageVersion(
                    code, native_name(code), url, _absolute(request, url), code == current, True
                )
            )
        return PageLanguages(current, current, versions, None, None)

    # A route below the page (a routable page's receipt or status lookup) stays the same route
    # in every language.
    page_url = page.get_url(request) or ""
    path = request.path if request else ""
    route = path[len(page_url) :] if page_url and path.startswith(page_url) else ""

    pages = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key).select_related(
            "locale", "alias_of__locale"
        )
    }
    unpublished = unpublished_translations(pages.values())
    versions = []
    for code, _name in settings.LANGUAGES:
        version = pages.get(code)
        version_url = version.get_url(request) if version else None
        url = version_url + route if version_url else f"/{code}/"
        versions.append(
            LanguageVersion(
                code,
                native_name(code),
                url,
                _absolute(request, url),
                code == current,
                bool(version and version.alias_of_id is None and version.pk not in unpublished),
            )
        )

    this = pages.get(page.locale.language_code, page)
    default_page = pages.get(settings.LANGUAGE_CODE)
    if this.alias_of_id:
        content_page = this.alias_of
    elif this.pk in unpublished and default_page is not None:
        content_page = default_page
    else:
        content_page = this

    return PageLanguages(
        current=current,
        content_language=content_page.locale.language_code,
        versions=versions,
        canonical_url=_absolute(request, content_page.get_url(request) + route),
        default_url=_absolute(
            request, default_page.get_url(request) + route if default_page else None
        ),
    )


def _absolute(request, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url and request else url
