"""Find Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) in free text, so people can be asked to remove them.

The text is normalised first (``normalise``), so a number does not slip through because it was
written with full-width or Arabic-Indic digits, an en dash or minus sign, or invisible characters
(zero-width space, soft hyphen, direction marks) between its digits. Nothing here logs: the
numbers found are only handed back to the caller, which shows them to the person who typed them.
"""

import re
import unicodedata
from datetime import date
from functools import lru_cache

# YYMMDD or YYYYMMDD, an optional separator (- or +, or a space), then four digits. Not part of a
# longer number: no digit right before it, nor a dash that follows a digit ("12-811218-9876").
CANDIDATE = re.compile(
    r"(?<![0-9])(?<![0-9]-)([0-9]{2})?([0-9]{2})([0-9]{2})([0-9]{2})\s?[-+]?\s?([0-9]{4})(?![0-9])"
)
COORDINATION_DAY_OFFSET = 60

# Dashes and minus signs outside the Unicode category Pd (which are all dashes already).
OTHER_DASHES = frozenset(
    "\u02d7"  # modifier letter minus sign
    "\u2043"  # hyphen bullet
    "\u2212"  # minus sign
    "\u2796"  # heavy minus sign
    "\u23af"  # horizontal line extension
    "\u2500"  # box drawings light horizontal
    "\u2501"  # box drawings heavy horizontal
)
OTHER_PLUSES = frozenset("\u02d6\u2795")  # modifier letter plus sign, heavy plus sign
# Invisible characters that are not format (Cf), combining (Mn, Me) or control (Cc) characters:
# the Hangul fillers, which Unicode lists as default-ignorable.
FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me"})


@lru_cache(maxsize=4096)
def _normalise_character(char: str) -> str:
    category = unicodedata.category(char)
    if category in INVISIBLE_CATEGORIES or char in FILLERS:
        return ""
    if category == "Cc" and not char.isspace():
        return ""
    if category == "Pd" or char in OTHER_DASHES:
        return "-"
    if char in OTHER_PLUSES:
        return "+"
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return char


def normalise(text: str) -> str:
    """``text`` as the number finder reads it: NFKC (full-width and other compatibility digits,
    dashes and spaces become their plain forms), without format characters (zero-width
    space/joiner, word joiner, soft hyphen, bidi marks), combining marks, fillers or control
    characters other than whitespace, every dash, hyphen and minus sign as "-", and the digits of
    every script (Arabic-Indic, Persian, Devanagari, …) as ASCII digits."""
    return "".join(map(_normalise_character, unicodedata.normalize("NFKC", text)))


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _valid_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    # Without a century any year fits; 2000 is a leap year, so 29 February passes.
    year = int(century + yy) if century else 2000
    try:
        date(year, int(mm), day)
    except ValueError:
        return False
    return True


def find_identity_numbers(text: str) -> list[str]:
    """Every personnummer or samordningsnummer in ``text`` whose date and check digit are valid,
    in normalised form (ASCII digits, "-"), however it was written."""
    found = []
    for match in CANDIDATE.finditer(normalise(text)):
        century, yy, mm, dd, tail = match.groups()
        if _valid_date(century, yy, mm, dd) and luhn_valid(yy + mm + dd + tail):
            found.append(match.group(0).strip())
    return found
