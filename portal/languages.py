"""Language names, text direction and date formats from Babel's CLDR data.

Settings list the language codes (``PORTAL_LANGUAGES``); everything else about a language comes
from here, so adding one is a code in settings plus a catalogue in ``locale/``. Django lacks some
of them (Somali, Tigrinya), so they are added to its ``LANG_INFO`` from the same data.
"""

from functools import cache

from babel import Locale
from babel.dates import get_day_names
from django.conf import settings
from django.conf.locale import LANG_INFO

# Regional formats where the bare language would pick another region's (en: the US).
FORMAT_REGIONS = {"en": "en_GB"}
# BCP 47's "undetermined": feedback in a language the site does not offer (staff register it).
# Valid in a lang attribute, unlike a made-up code.
UNDETERMINED = "und"


@cache
def babel_locale(code: str) -> Locale:
    """The Babel locale for dates and times in a language."""
    return Locale.parse(FORMAT_REGIONS.get(code, code).replace("-", "_"))


def day_name(index: int, code: str) -> str:
    """Monday (0) to Sunday (6) in a language, standing alone: "måndag", "Monday"."""
    return get_day_names("wide", context="stand-alone", locale=babel_locale(code))[index]


def native_name(code: str) -> str:
    """The language's name in its own words and script, e.g. "العربية", "Soomaali"."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def name_in(code: str, reader: str) -> str:
    """A language's name as a reader of another language says it, e.g. "engelska" in Swedish."""
    name = Locale.parse(code).get_display_name(babel_locale(reader))
    return name[:1].upper() + name[1:]


def written_in(code: str) -> str:
    """The site's language to write in to someone who reads ``code``: that language where the
    site offers it, else the default (Swedish), e.g. for ``UNDETERMINED``."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def is_rtl(code: str) -> bool:
    return Locale.parse(code).character_order == "right-to-left"


def configure(codes: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Django's ``LANGUAGES`` and ``LANGUAGES_BIDI`` for these codes, registering any language
    Django does not know."""
    for code in codes:
        LANG_INFO.setdefault(
            code,
            {
                "bidi": is_rtl(code),
                "code": code,
                "name": Locale.parse(code).get_display_name("en"),
                "name_local": native_name(code),
            },
        )
    return [(code, native_name(code)) for code in codes], [c for c in codes if is_rtl(c)]
