"""The effective date: only labelled dates count, in the many ways policies write them."""

from __future__ import annotations

import pytest

from summaries.parser.dates import date_precision, find_effective_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Effective Date: May 9, 2023", "2023-05-09"),
        ("Last updated 06/29/2023", "2023-06-29"),
        ("Revised: 9 October 2017", "2017-10-09"),
        ("Updated on: 2023-05-09", "2023-05-09"),
        ("This Policy is effective as of October 9, 2017.", "2017-10-09"),
        ("Updated and Effective June 29, 2023", "2023-06-29"),
        ("Last modified: Sept. 3rd, 2021", "2021-09-03"),
        ("Last updated: 14 January 2015", "2015-01-14"),
        ("Date of last revision: 29.06.2023", "2023-06-29"),
        ("Last updated Sat, 31 Jul 2010", "2010-07-31"),
        ("Updated: Thursday, May 21, 2015", "2015-05-21"),
        ("Effective Date of Privacy Policy: February 9, 2015", "2015-02-09"),
        ("Effective Date\n\nMay 9, 2023\n\nWe collect data.", "2023-05-09"),
        ("Last Updated: 25/12/2020", "2020-12-25"),
    ],
)
def test_labelled_dates_in_many_formats(text, expected):
    date, found = find_effective_date(text)
    assert date == expected
    assert found is not None and text[found["start"] : found["end"]] == found["quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated August 2026\n\nWe collect data.", "2026-08-01"),
        ("Last updated in February 2021", "2021-02-01"),
        ("Last updated: April, 2011", "2011-04-01"),
        ("Last update: 04 - 2021.", "2021-04-01"),
    ],
)
def test_a_labelled_month_is_the_first_of_that_month_and_says_so(text, expected):
    date, found = find_effective_date(text)
    assert date == expected
    assert date_precision(found) == "month"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated September/11, 2025 by the Committee", "2025-09-11"),
        ("Revision Date: February 14th, 2025", "2025-02-14"),
        ("Last Updated: Nov, 24 2022", "2022-11-24"),
    ],
)
def test_less_usual_labels_and_separators(text, expected):
    date, found = find_effective_date(text)
    assert date == expected
    assert date_precision(found) == "day"


def test_the_latest_labelled_date_is_the_current_version():
    text = "Privacy Policy\nEffective date: July 1, 2004, Updated: December 23, 2013\nWe collect data."
    assert find_effective_date(text)[0] == "2013-12-23"


@pytest.mark.parametrize(
    "text",
    [
        "On May 9, 2023 we opened a new store and collect your email.",
        "The law (Civil Code Section 1798.100, as amended effective January 1, 2023) gives you rights.",
        "Our previous policy, last updated March 3, 2019, is archived.",
        'We will revise the "Last Updated" date at the top of this page.',
        "Effective Date: February 30, 2023",
        "Call 06/29 or order number 2023-99-99.",
        "",
    ],
)
def test_unlabelled_impossible_or_other_dates_give_null(text):
    assert find_effective_date(text) == (None, None)


def test_a_date_with_its_label_on_a_distant_line_is_not_labelled():
    assert find_effective_date("Effective\nSome other line\nMay 9, 2023")[0] is None
