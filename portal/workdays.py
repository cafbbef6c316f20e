"""The working-day calendar: weekends, Swedish public holidays and the de facto closed eves.

One source of truth for every date question the portal asks: opening hours close on these days
and (with the feedback app) response deadlines skip them.
"""

from datetime import date
from functools import lru_cache

import holidays

# "de_facto" adds Midsommarafton, Julafton and Nyårsafton, on which the unit is closed.
HOLIDAY_CATEGORIES = ("public", "de_facto")

# Languages the holidays package names Swedish holidays in; other readers see the Swedish name.
_HOLIDAY_NAME_LANGUAGES = {"sv": "sv", "en": "en_US"}


@lru_cache(maxsize=64)
def _holidays_in(year: int, language: str) -> dict[date, str]:
    return dict(
        holidays.country_holidays(
            "SE", years=year, categories=HOLIDAY_CATEGORIES, language=language
        )
    )


def holiday_name(day: date, language: str = "sv") -> str | None:
    """The name of the holiday or closed eve on ``day`` in ``language``, or None."""
    name_language = _HOLIDAY_NAME_LANGUAGES.get((language or "sv").split("-")[0], "sv")
    return _holidays_in(day.year, name_language).get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and neither a public holiday nor a closed eve."""
    return day.weekday() < 5 and holiday_name(day) is None
