import pytest

from feedback.identity_numbers import find_identity_numbers, luhn_valid

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
