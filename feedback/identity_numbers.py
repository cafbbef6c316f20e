"""Find Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) in free text, so people can be asked to remove them."""

import re
from datetime import date

# YYMMDD or YYYYMMDD, an optional separator (- or +, or a space), then four digits.
CANDIDATE = re.compile(r"(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})\s?[-+]?\s?(\d{4})(?!\d)")
COORDINATION_DAY_OFFSET = 60


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
    """Every personnummer or samordningsnummer in ``text`` whose date and check digit are valid."""
    found = []
    for match in CANDIDATE.finditer(text):
        century, yy, mm, dd, tail = match.groups()
        if _valid_date(century, yy, mm, dd) and luhn_valid(yy + mm + dd + tail):
            found.append(match.group(0).strip())
    return found
