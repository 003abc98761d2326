"""Postal address shapes: the last line of an address, UK and Canadian addresses, and hostile text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summaries.parser.contacts import extract_contacts
from summaries.parser.postal import ends_with_postcode, find_addresses, one_line


@pytest.mark.parametrize(
    "line",
    [
        "Tacoma, WA 98402",
        "Springfield, Illinois 62701",
        "New York, NY 10013-1234",
        "Valencia, Ca 91355",
        "Leeds LS1 4DY",
        "London, WC2H 8NU, UK.",
        "Toronto, ON M5V 2T6",
        "M5V2T6",
        "Austin, TX 78701, United States of America",
    ],
)
def test_last_lines_of_addresses(line):
    assert ends_with_postcode(line)


@pytest.mark.parametrize(
    "line",
    [
        "Contact Us",
        "We keep records for 7 years.",
        "Order 12345",
        "Version 2.0 of the MP3 4GC player",
        "United Kingdom",
        "The code is 4DY",
        "",
    ],
)
def test_lines_that_end_in_no_postcode(line):
    assert not ends_with_postcode(line)


def test_addresses_run_from_the_street_line_to_the_postcode_and_country():
    text = "Write to us:\nHollybrook Ltd\n14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom\n\nThanks."
    [(start, code_end, end)] = find_addresses(text)
    assert text[start:code_end] == "14 Chapel Lane\nLeeds LS1 4DY"
    assert text[start:end] == "14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom"
    assert one_line(text[start:end]) == "14 Chapel Lane, Leeds LS1 4DY, United Kingdom"


def test_an_address_never_reaches_over_a_blank_line():
    text = "14 Chapel Lane\n\nLeeds LS1 4DY"
    assert list(find_addresses(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "privacy " + "1A " * 100_000,
        "privacy " + "LS1 4DY " * 50_000,
        "privacy " + "14 Chapel Lane, " * 20_000 + "Leeds LS1 4DY",
        "privacy " + "Toronto, ON M5V 2T6, " * 20_000,
        "privacy " + "Suite 200, " * 20_000 + "500 Main Street, Springfield, IL 62701",
        "Contact Us\n" + "Privacy Team\n14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom\n" * 10_000,
    ],
    ids=lambda text: repr(text[8:30]),
)
def test_hostile_runs_of_address_pieces(text):
    contacts = extract_contacts(text)
    for contact in contacts:
        for item in contact["evidence"]:
            assert text[item["start"] : item["end"]] == item["quote"]
        assert "\n" not in contact["value"]
    assert len([c for c in contacts if c["kind"] == "postal"]) <= 1


PIECES = [
    "14 Chapel Lane",
    "Leeds",
    "LS1 4DY",
    "Toronto, ON",
    "M5V 2T6",
    "Suite 200",
    "PO Box 12",
    "United Kingdom",
    "Springfield, IL 62701",
    "Privacy Team",
    "we write",
    ", ",
    "\n",
    "\n\n",
    " ",
    ".",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map("".join))
def test_address_spans_stay_inside_the_text_and_one_line(text):
    for start, code_end, end in find_addresses(text):
        assert 0 <= start < code_end <= end <= len(text)
        assert "\n\n" not in text[start:end]
        assert "\n" not in one_line(text[start:end])
    for contact in extract_contacts(text):
        for item in contact["evidence"]:
            assert text[item["start"] : item["end"]] == item["quote"]
