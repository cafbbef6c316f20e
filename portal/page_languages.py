"""Which languages a page exists in, and what the language switcher and hreflang links show.

Wagtail keeps one page tree per locale. A page not yet translated exists in the other locales as
an alias of the Swedish page (see locale_setup), so its content is Swedish: the page then says so
in the reader's language, and its canonical URL is the Swedish one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from portal import page_directory
from portal.languages import native_name


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

    directory = page_directory.directory()
    entry = directory.get(page.pk)
    if entry is None:  # a preview of a page not saved yet
        return PageLanguages(current, page.locale.language_code, [], None, None)

    # A route below the page (a routable page's receipt or status lookup) stays the same route
    # in every language.
    path = request.path if request else ""
    route = path[len(entry.url) :] if entry.url and path.startswith(entry.url) else ""

    versions = []
    for code, _name in settings.LANGUAGES:
        version = directory.translation(entry, code)
        url = version.url + route if version and version.url else f"/{code}/"
        versions.append(
            LanguageVersion(
                code,
                native_name(code),
                url,
                _absolute(request, url),
                code == current,
                bool(version and not version.untranslated),
            )
        )

    content = directory.translation(entry, entry.content_language) or entry
    default = directory.translation(entry, settings.LANGUAGE_CODE)
    return PageLanguages(
        current=current,
        content_language=entry.content_language,
        versions=versions,
        canonical_url=_absolute(request, content.url + route if content.url else None),
        default_url=_absolute(request, default.url + route if default and default.url else None),
    )


def _absolute(request, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url and request else url
