"""The assembled card: the contract's exact shape, valid evidence, and nothing invented for non-policies."""

from __future__ import annotations

import json

import pytest

from summaries.parser import card as card_module
from summaries.parser.card import PARSER_VERSION, summarize
from summaries.parser.company import detect_company
from summaries.parser.stats import compute_stats
from summaries.parser.validate import EXTENSIONS, validate_card
from summaries.parser.validate import TOP_LEVEL as CONTRACT_TOP_LEVEL

TOP_LEVEL = set(CONTRACT_TOP_LEVEL) | set(EXTENSIONS)

POLICY = """Privacy Policy

Last updated: March 4, 2024

Acme Home Goods, Inc. ("we", "us", or "our") respects your privacy. This Privacy Policy explains what we collect.

Information We Collect
We collect your name, email address, postal address and phone number when you place an order. We automatically
collect your IP address, browser type and pages visited through cookies and web beacons.

How We Share Information
We share your information with service providers who ship orders and process payments. We do not sell your
personal information.

Your Choices
You may unsubscribe from marketing emails at any time by clicking the link in any email.

Do Not Track
Some browsers send Do Not Track signals. We do not currently respond to such signals.

Children
Our website is not directed to children under the age of 13, and we do not knowingly collect their information.

Retention and Security
We retain order records for seven years. We use SSL encryption and physical safeguards to protect your data.

International Users
Your information may be transferred to and processed in the United States.

Changes
If we make material changes to this policy, we will notify you by email.

Contact Us
Questions about privacy? Email privacy@acmehome.example or call (510) 555-0134.
Acme Home Goods, 200 Market Street, Springfield, IL 62701
"""


def assert_valid(card: dict, text: str) -> None:
    assert validate_card(card, text) == []


def test_a_policy_gives_a_full_valid_card():
    card = summarize(POLICY)
    assert_valid(card, POLICY)
    assert set(card) == TOP_LEVEL
    assert card["schema"] == "card/1"
    assert card["parser_version"] == PARSER_VERSION == "1.2.2"
    assert card["company"] == "Acme Home Goods"
    assert card["effective_date"] == "2024-03-04"
    facts = card["facts"]
    assert facts["do_not_track"]["value"] == "not_honored"
    assert facts["children_min_age"]["value"] == 13
    assert facts["retention"]["value"] == "period"
    assert facts["retention"]["text"] == "seven years"
    assert facts["security"]["value"] == "stated"
    assert facts["international"]["value"] == "stated"
    assert facts["changes_notice"]["value"] == "direct_notice"
    normalized = {c["normalized"] for c in card["contacts"]}
    assert {"privacy@acmehome.example", "+15105550134", "200marketstreetspringfieldil62701"} <= normalized
    assert card["passages"], "the policy is segmented"
    assert card["stats"]["words"] == len(POLICY.split())
    assert card["stats"]["reading_minutes"] == 1
    assert isinstance(card["stats"]["grade_level"], float)
    assert card["warnings"] == []


def test_cards_are_json_and_deterministic():
    card = summarize(POLICY)
    assert_valid(card, POLICY)
    first = json.dumps(card, sort_keys=True)
    second = json.dumps(summarize(POLICY), sort_keys=True)
    assert first == second
    assert json.loads(first)["schema"] == "card/1"


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_text_gives_an_empty_card_with_a_warning(text):
    card = summarize(text)
    assert_valid(card, text)
    assert set(card) == TOP_LEVEL
    assert card["warnings"] and "empty" in card["warnings"][0]
    assert card["stats"] == {"words": 0, "reading_minutes": 0, "grade_level": None}


@pytest.mark.parametrize(
    "text",
    [
        "Banana bread\n\nMash three ripe bananas. Stir in melted butter, sugar, one egg and vanilla.\n"
        "Fold in flour and baking soda. Bake at 350 degrees for an hour. Call grandma at (510) 555-0134.",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore "
        "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.",
    ],
)
def test_non_policy_text_gives_an_empty_card_and_invents_nothing(text):
    card = summarize(text)
    assert_valid(card, text)
    assert any("not a privacy policy" in w for w in card["warnings"])
    assert card["contacts"] == card["collected"] == card["shared"] == card["choices"] == card["passages"] == []
    assert card["company"] is None and card["effective_date"] is None
    assert card["sells_data"]["value"] == "not_stated"
    assert all(fact["value"] in ("not_stated", None) for fact in card["facts"].values())
    assert card["stats"]["words"] == len(text.split())


def test_a_short_real_policy_sentence_is_still_a_policy():
    text = "We do not sell your personal information. Contact privacy@acme.example."
    card = summarize(text)
    assert_valid(card, text)
    assert not any("not a privacy policy" in w for w in card["warnings"])
    assert [c["normalized"] for c in card["contacts"]] == ["privacy@acme.example"]


def test_a_failing_section_costs_only_that_section(monkeypatch):
    def broken(text, passages):
        raise RuntimeError("boom")

    monkeypatch.setattr(card_module, "extract_shared", broken)
    card = summarize(POLICY)
    assert_valid(card, POLICY)
    assert card["shared"] == []
    assert card["warnings"] == ["shared: extraction failed (RuntimeError)"]
    assert card["contacts"]


def test_sells_data_is_not_stated_without_the_selling_module(monkeypatch):
    monkeypatch.setattr(card_module, "selling", None)
    card = summarize(POLICY)
    assert_valid(card, POLICY)
    assert card["sells_data"] == {"value": "not_stated", "evidence": []}


def test_hidden_email_addresses_are_a_warning_not_a_contact():
    text = "Privacy questions? Contact our Privacy Officer at [email protected] for personal information requests."
    card = summarize(text)
    assert_valid(card, text)
    assert card["contacts"] == []
    assert any("hidden by the page" in w for w in card["warnings"])


def test_passages_get_practice_labels_from_their_own_text():
    card = summarize(POLICY)
    labelled = [p for p in card["passages"] if p["practices"]]
    assert labelled, "at least one passage is classified"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ('Kasperek Optics, inc. ("we," "us," or "our") operates this site and collects data.', "Kasperek Optics"),
        ("Privacy Policy\n\nAt Birchwood Candles, we hold your privacy dear.", "Birchwood Candles"),
        ("The Maple Company respects our customers' privacy needs.", "The Maple Company"),
        ("This Privacy Policy covers Candy-Art LLC dba Bonbons à la Mode and its website.", "Bonbons à la Mode"),
        ("Zephyr Outdoor Privacy Policy\nWe collect your email.", "Zephyr Outdoor"),
        ("This website is operated by Northwind Traders. We collect your email.", "Northwind Traders"),
        ("Thank you for shopping at Juniper Lane. We collect your email.", "Juniper Lane"),
        ("Welcome to our privacy policy. We collect your email.", None),
        ("We collect your email. This policy applies to our website.", None),
        ("Privacy Policy\nThis Privacy Policy explains our practices.", None),
    ],
)
def test_company_is_named_as_the_policy_names_itself(text, company):
    assert detect_company(text) == company


def test_stats_count_words_and_round_reading_time():
    text = "We collect your email address when you order. " * 100
    stats = compute_stats(text)
    assert stats["words"] == 800
    assert stats["reading_minutes"] == round(800 / 238)
    assert 0 <= stats["grade_level"] < 20
    assert compute_stats("word")["reading_minutes"] == 1


def test_stats_on_a_huge_text_use_a_bounded_sample():
    text = "We share data with our service providers to deliver your orders. " * 60_000
    stats = compute_stats(text)
    assert stats["words"] == 11 * 60_000
    assert stats["grade_level"] == compute_stats(text[: len(text) // 3])["grade_level"]


def test_word_count_is_the_number_of_non_space_runs():
    import re
    import sys

    # compute_stats counts with str.split(): the same as counting \S+ runs only while re's \s and
    # str.isspace() agree on every character.
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall(r"\s", everything)) == {char for char in everything if char.isspace()}
    text = "a b\u00a0c\x1c d  \n e\u2028f\u3000g "
    assert compute_stats(text)["words"] == len(re.findall(r"\S+", text)) == 7
