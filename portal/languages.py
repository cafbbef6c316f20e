"""The portal's languages: one list of codes, with names and text direction from Babel's CLDR data.

Adding a language is a code in ``LANGUAGE_CODES`` plus a catalogue in ``locale/``. Django lacks
some of them (Somali, Tigrinya), so they are added to its ``LANG_INFO`` from the same data.
"""

from functools import cache

from babel import Locale
from django.conf.locale import LANG_INFO

# Swedish first: the default and the language every page is written in first.
LANGUAGE_CODES = ["sv", "en", "ar", "fa", "so", "ti", "fi"]
DEFAULT_LANGUAGE = LANGUAGE_CODES[0]
# Regional formats where the bare language would pick another region's (en: the US).
FORMAT_REGIONS = {"en": "en_GB"}


@cache
def babel_locale(code: str) -> Locale:
    """The Babel locale for dates and times in a language."""
    return Locale.parse(FORMAT_REGIONS.get(code, code).replace("-", "_"))


def native_name(code: str) -> str:
    """The language's name in its own words and script, e.g. "العربية", "Soomaali"."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def is_rtl(code: str) -> bool:
    return Locale.parse(code).character_order == "right-to-left"


def register_with_django() -> None:
    """Give Django the language info it does not ship (e.g. ``so``, ``ti``)."""
    for code in LANGUAGE_CODES:
        LANG_INFO.setdefault(
            code,
            {
                "bidi": is_rtl(code),
                "code": code,
                "name": Locale.parse(code).get_display_name("en"),
                "name_local": native_name(code),
            },
        )


LANGUAGES = [(code, native_name(code)) for code in LANGUAGE_CODES]
RTL_LANGUAGES = [code for code in LANGUAGE_CODES if is_rtl(code)]
