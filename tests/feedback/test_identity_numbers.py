import pytest

from feedback.identity_numbers import find_identity_numbers, luhn_valid, normalise

# 811218-9876 and 19811218-9876 are valid test numbers; 701063-2391 a samordningsnummer.


@pytest.mark.parametrize(
    "text",
    [
        "Mitt personnummer är 811218-9876.",
        "pnr 8112189876 tack",
        "19811218-9876",
        "198112189876",
        "811218+9876",
        "Samordningsnummer 701063-2391",
    ],
)
def test_valid_numbers_are_found(text):
    assert find_identity_numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "811218-9875",  # wrong check digit
        "811318-9876",  # month 13
        "811232-9870",  # day 32
        "Ring 08-508 10 000",
        "Referens 2026-00042",
        "Jag fick 12 000 kr den 2026-11-23.",
        "0701234567",
    ],
)
def test_other_numbers_are_left_alone(text):
    assert find_identity_numbers(text) == []


def test_luhn():
    assert luhn_valid("8112189876")
    assert not luhn_valid("8112189875")


def test_several_numbers_are_all_reported():
    assert find_identity_numbers("811218-9876 och 701063-2391") == ["811218-9876", "701063-2391"]


def with_check_digit(nine: str) -> str:
    """``nine`` (YYMMDDNNN) and the Luhn check digit that makes it a valid number."""
    return next(nine + digit for digit in "0123456789" if luhn_valid(nine + digit))


def test_the_test_numbers_are_built_with_the_luhn_rule():
    assert with_check_digit("811218987") == "8112189876"
    assert with_check_digit("701063239") == "7010632391"
    assert with_check_digit("900101123") == "9001011239"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("１２３４５６７８９０", "1234567890"),  # full-width digits (NFKC)
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic digits
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),  # Extended Arabic-Indic (Persian) digits
        ("०१२३४५६७८९", "0123456789"),  # Devanagari digits
        ("𝟏𝟐", "12"),  # mathematical bold digits (NFKC)
        ("a‐b‑c‒d–e—f―g", "a-b-c-d-e-f-g"),  # hyphen, non-breaking hyphen, figure dash, en, em, bar
        ("a−b➖c－d﹣e⁻f", "a-b-c-d-e-f"),  # minus, heavy minus, full-width and small hyphen-minus
        ("1\u200b2\u200c3\u200d4\u2060" + "5\ufeff6", "123456"),  # zero-width characters
        ("1\u00ad2", "12"),  # soft hyphen
        ("\u200e1\u200f2\u061c3\u202a4\u202c\u20665\u2069", "12345"),  # bidi marks and isolates
        ("1\x002\x7f3", "123"),  # control characters
        ("1\u03032\ufe0f3\u20e3", "123"),  # combining marks, variation selector, keycap
        ("1\u00a02\u202f3\u30004", "1 2 3 4"),  # no-break, narrow no-break, ideographic spaces
        ("１＋２", "1+2"),
        ("Åsa Öberg, Storgatan 1\n114 55 Stockholm", "Åsa Öberg, Storgatan 1\n114 55 Stockholm"),
        ("مرحبا، اسمي كيم", "مرحبا، اسمي كيم"),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("811218–9876", "811218-9876"),  # en dash
        ("811218—9876", "811218-9876"),  # em dash
        ("811218−9876", "811218-9876"),  # minus sign
        ("811218‑9876", "811218-9876"),  # non-breaking hyphen
        ("811218－9876", "811218-9876"),  # full-width hyphen-minus
        ("8112\u200b18-98\u200b76", "811218-9876"),  # zero-width spaces
        ("8\u200d1\u200c1\u20602\u00ad18-9876", "811218-9876"),  # joiners, word joiner, soft hyphen
        ("811218\u00ad9876", "8112189876"),  # soft hyphen as the separator
        ("\u200f811218\u200e-9876", "811218-9876"),  # right-to-left and left-to-right marks
        ("１９８１１２１８－９８７６", "19811218-9876"),  # full-width
        ("١٩٨١١٢١٨-٩٨٧٦", "19811218-9876"),  # Arabic-Indic
        ("١٩٩٠٠١٠١-١٢٣٩", "19900101-1239"),
        ("۱۹۸۱۱۲۱۸–۹۸۷۶", "19811218-9876"),  # Extended Arabic-Indic, en dash
        ("811218\u00a09876", "811218 9876"),  # no-break space
        ("８１１２１８＋９８７６", "811218+9876"),
        ("۷۰۱۰۶۳-۲۳۹۱", "701063-2391"),  # samordningsnummer
        ("pnr:—811218-9876", "811218-9876"),  # a dash right before it that follows no digit
    ],
)
def test_disguised_numbers_are_found_in_normalised_form(text, expected):
    assert find_identity_numbers(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "811218–9875",  # wrong check digit, en dash
        "８１１３１８－９８７６",  # month 13, full-width
        "Ring 08–508 10 000",
        "070–123 45 67",
        "٠٧٠١٢٣٤٥٦٧",  # 0701234567 in Arabic-Indic digits
        "Referens 2026–00042",
        "12–811218–9876",  # part of a longer number
        "8112189876\u200b1",  # a digit after it, behind a zero-width space
    ],
)
def test_disguised_other_numbers_are_left_alone(text):
    assert find_identity_numbers(text) == []
