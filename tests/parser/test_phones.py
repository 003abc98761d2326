"""Phone numbers: libphonenumber's matcher for digits, toll-free vanity spellings, and what is no phone number."""

from __future__ import annotations

import pytest

from summaries.parser.phones import dial_digits, find_phones, has_phone, spelled


def phones(text: str) -> list[tuple[str, str]]:
    found = find_phones(text)
    for phone in found:
        assert text[phone.start : phone.end] == phone.raw
    return [(phone.raw, phone.e164) for phone in found]


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("1-800-555-0199", "+18005550199"),
        ("(212) 555-0148", "+12125550148"),
        ("800.555.0199", "+18005550199"),
        ("+44 20 7946 0958", "+442079460958"),
        # written with a country code in brackets, and with the national "0" kept after it
        ("(+44) 20 7946 0958", "+442079460958"),
        ("+353 01 765 0100", "+35317650100"),
        ("+ 353 1 765 0100", "+35317650100"),
    ],
)
def test_grouped_and_international_numbers(written, e164):
    assert phones(f"Questions? Call {written} on weekdays.") == [(written, e164)]


def test_an_extension_belongs_to_the_number_but_not_to_its_e164_form():
    assert phones("Call us at 1-800-555-0199 ext. 42 to opt out.") == [("1-800-555-0199 ext. 42", "+18005550199")]


def test_digits_in_brackets_after_a_vanity_number_are_read_without_the_bracket():
    text = "Call 1-800-FLOWERS (1-800-356-9377) to opt out."
    assert phones(text) == [("1-800-FLOWERS", "+18003569377"), ("1-800-356-9377", "+18003569377")]


@pytest.mark.parametrize(
    ("written", "e164"),
    [("1-800-FLOWERS", "+18003569377"), ("1-888-4ONLINE", "+18884665463"), ("(877) SHOP-NOW", "+18777467669")],
)
def test_toll_free_vanity_numbers(written, e164):
    assert phones(f"You may also call {written} to make a request.") == [(written, e164)]
    assert spelled(written)


@pytest.mark.parametrize(
    "text",
    [
        # more keys than a phone number has; nor a toll-free number; nor enough letters
        "Call 1-800-PRIVACYNOW.",
        "Call 1-212-FLOWERS.",
        "Section 800-A1 applies.",
        # a bare run of digits is an order or account number more often than a phone number
        "Your order 8005550199 has shipped.",
        "Order number: 415-555-2671.",
        "Reference #212-555-0148.",
        # dates, ZIP codes, statutes, invalid numbers
        "Updated 2023-06-29; records for 2015-2023.",
        "Carmel, IN 46032-1234.",
        "Cal. Civ. Code § 1798.100 and 1798.83.",
        "Call us at 555-123-4567.",
    ],
)
def test_what_is_no_phone_number(text):
    assert phones(text) == []
    assert not has_phone(text)


def test_a_phone_word_before_number_keeps_it():
    assert phones("Telephone number: 1-702-555-0142.") == [("1-702-555-0142", "+17025550142")]


@pytest.mark.parametrize(
    ("value", "dial"),
    [
        ("(510) 603-7564", "5106037564"),
        ("1-800-FLOWERS", "18003569377"),
        ("1-800-555-0199 ext. 42", "18005550199"),
        ("(+44) 020 7946 0958", "+442079460958"),
        ("call us", ""),
    ],
)
def test_dial_digits(value, dial):
    assert dial_digits(value) == dial
