"""Template tags for the public pages: menu, footer links, dates and opening status."""

import json
import re
from datetime import date, datetime, timedelta
from html import unescape

from babel import Locale
from babel.dates import format_date, format_time
from django import template
from django.apps import apps
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from portal import languages, page_directory
from portal.hours import Status
from portal.page_directory import Entry
from portal.page_languages import page_languages as _page_languages
from portal.workdays import STOCKHOLM

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The page's language versions, for the switcher, hreflang links and fallback notice."""
    return _page_languages(context.get("page"), context.get("request"))


def babel_locale() -> Locale:
    """The Babel locale of the active language (CLDR has data for every language we serve)."""
    return languages.babel_locale(translation.get_language() or settings.LANGUAGE_CODE)


@register.filter
def local_date(value: date | datetime, pattern: str = "long") -> str:
    """A date in the reader's language, e.g. "måndag 30 mars 2026" with pattern "full"."""
    if isinstance(value, datetime):
        value = value.astimezone(STOCKHOLM).date()
    return format_date(value, pattern, locale=babel_locale())


@register.filter
def weekday_name(index: int) -> str:
    """Monday (0) to Sunday (6) in the reader's language, as a heading for a day's hours."""
    return languages.day_name(index, translation.get_language() or settings.LANGUAGE_CODE)


@register.filter
def local_time(value) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(STOCKHOLM).time()
    return format_time(value, "HH:mm", locale=babel_locale())


@register.simple_tag
def opening_status(status: Status, now: datetime | None = None) -> str:
    """ "Open now, closes at 11:00" or "Closed now, opens tomorrow at 10:00"."""
    now = (now or timezone.now()).astimezone(STOCKHOLM)
    if status.is_open:
        return _("Open now, closes at %(time)s") % {"time": local_time(status.closes_at)}
    if status.opens_at is None:
        return _("Closed until further notice")
    opens = status.opens_at.astimezone(STOCKHOLM)
    when = {"time": local_time(opens)}
    if opens.date() == now.date():
        return _("Closed now, opens today at %(time)s") % when
    if opens.date() == now.date() + timedelta(days=1):
        return _("Closed now, opens tomorrow at %(time)s") % when
    return _("Closed now, opens %(day)s at %(time)s") % {
        **when,
        "day": format_date(opens.date(), "EEEE d MMMM", locale=babel_locale()),
    }


@register.simple_tag
def easy_read_version(page) -> Entry | None:
    """The live easy-to-read page that matches this page (or its Swedish source), if any."""
    if not isinstance(page, Page):
        return None
    return page_directory.directory().easy_read(page.translation_key)


@register.filter
def content_language(page: Page | Entry) -> str:
    """The language a page's content is written in: its source's while it is untranslated."""
    return page_directory.content_language(page)


# As Django's json_script: text that could end the script element or open a comment is
# written as JSON escapes, so a name containing "</script>" stays data.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def file_details(document) -> str:
    """A document's type and size for its link text: "PDF, 120 kB"."""
    size = document.get_file_size()
    kind = document.file_extension.upper()
    return f"{kind}, {filesizeformat(size)}" if size else kind


@register.simple_tag
def json_ld(data: dict) -> str:
    """A schema.org JSON-LD script element for ``data``."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _reader_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _lang_dir(code: str) -> str:
    return format_html(' lang="{}" dir="{}"', code, "rtl" if languages.is_rtl(code) else "ltr")


@register.simple_tag
def lang_attrs(code: str) -> str:
    """` lang="sv" dir="ltr"` for text in ``code`` when the page is in another language, else
    nothing: interface strings keep the reader's language, editor content keeps its own."""
    if not code or code == _reader_language():
        return ""
    return _lang_dir(code)


@register.simple_tag
def reader_lang() -> str:
    """The reader's lang/dir for interface words inside editor content (a block's "PDF" or
    "Accessible version"), which may be marked as another language around them."""
    return _lang_dir(_reader_language())


@register.simple_tag
def content_lang(page: Page) -> str:
    """The lang/dir attributes for a page's own content (title, intro, body, names): set only
    where it is still untranslated, e.g. `<h1{% content_lang page %}>`."""
    return lang_attrs(content_language(page)) if isinstance(page, Page | Entry) else ""


@register.filter
def target_text(commitment) -> str:
    """A commitment's measurable target in words, e.g. "14 calendar days"."""
    n, unit = commitment.target_value, commitment.target_unit
    if n is None or not unit:
        return ""
    phrases = {
        "calendar_days": ngettext("%(n)d calendar day", "%(n)d calendar days", n),
        "working_days": ngettext("%(n)d working day", "%(n)d working days", n),
        "hours": ngettext("%(n)d hour", "%(n)d hours", n),
        "weeks": ngettext("%(n)d week", "%(n)d weeks", n),
        "months": ngettext("%(n)d month", "%(n)d months", n),
    }
    return phrases[unit] % {"n": n}


def _site_root(request) -> Entry | None:
    """The site's root page in the reader's language (or Swedish)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    directory = page_directory.directory()
    root = directory.get(site.root_page_id)
    return directory.localized(root, _reader_language()) if root else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's menu pages; the one the reader is in (or below) is marked current."""
    root = _site_root(context.get("request"))
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = page_directory.directory().menu(root) if root else []
    return {"items": [(item, current_path.startswith(item.path)) for item in items]}


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label: str) -> Entry | None:
    """The first live public page of a type on this site, e.g. for the footer's statement link."""
    root = _site_root(context.get("request"))
    if root is None:
        return None
    return page_directory.directory().first_of_type(apps.get_model(model_label), root)


@register.simple_tag
def page_in_reader_language(model_label: str) -> Entry | None:
    """The live public page of a type in the reader's language, else the Swedish one, else
    None, e.g. for the footer's link to a route of the feedback page."""
    return page_directory.directory().in_language(apps.get_model(model_label), _reader_language())


@register.filter
def translated(page: Page | int | None) -> Entry | None:
    """A page's live version in the reader's language, else the page (Wagtail's ``localized``
    without a query), for a link: ``{% with target=link.page|translated %}``; a page's id will
    do (``page.report_page_id|translated``)."""
    if page is None:
        return None
    directory = page_directory.directory()
    entry = directory.get(getattr(page, "pk", page))
    return directory.localized(entry, _reader_language()) if entry else None


@register.filter
def report_url(entry: Entry | None) -> str:
    """The address of a form for reporting an accessibility problem, opened ready for one: for
    a page whose model takes such reports (``accessibility_report_query``, the feedback form's),
    else ""."""
    query = getattr(entry.model, "accessibility_report_query", "") if entry else ""
    return f"{entry.url}?{query}" if query else ""


@register.simple_tag
def subpage_url(entry: Entry, name: str) -> str:
    """The address of a routable page's route, e.g. the feedback page's privacy notice."""
    return entry.url.rstrip("/") + "/" + entry.model.get_resolver().reverse(name)


DESCRIPTION_LENGTH = 160
# Where a page's own words about itself are, when the editor left the search description empty.
DESCRIPTION_FIELDS = ("intro", "summary", "mission")
# Where words of two blocks would run together once the tags are gone.
BLOCK_END = r"</(?:p|li|h[1-6]|div|blockquote)\s*>|<br\s*/?>"


def _plain_text(value) -> str:
    """Text without markup or extra whitespace, from a string or rich text."""
    source = str(getattr(value, "source", value) or "")  # RichText in a StreamField block
    source = re.sub(BLOCK_END, " ", source, flags=re.IGNORECASE)
    return " ".join(unescape(strip_tags(source)).split())


def _shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-،؛") + "…"


@register.simple_tag
def page_description(page) -> str:
    """A page's description for `<meta name="description">` and search results: its search
    description (Promote tab) as written, else the start of its introduction, summary or
    first paragraph as plain text, at most about 160 characters."""
    if not isinstance(page, Page):
        return ""
    if page.search_description.strip():
        return page.search_description.strip()
    for name in DESCRIPTION_FIELDS:
        text = _plain_text(getattr(page, name, ""))
        if text:
            return _shorten(text)
    for block in getattr(page, "body", None) or ():
        if getattr(block, "block_type", None) == "paragraph":
            text = _plain_text(block.value)
            if text:
                return _shorten(text)
    return ""


@register.filter
def language_name(code: str, in_text: str = "") -> str:
    """A language's name in the reader's language, "Arabiska" on its own, or "arabiska" in a
    sentence (``|language_name:"in text"``, as the language writes it); "another language"
    for ``languages.UNDETERMINED``."""
    if code == languages.UNDETERMINED:
        return _("another language") if in_text else _("Another language")
    if in_text:
        return Locale.parse(code).get_display_name(babel_locale())
    return languages.name_in(code, _reader_language())
