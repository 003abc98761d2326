"""The selling verdict: denials, modality, state-law "sale or sharing", exceptions kept as evidence."""

from __future__ import annotations

import pytest

from summaries.parser.selling import extract_sells
from tests.parser.sections_support import SEEDS, assert_evidence, seed_gold, seed_text


def verdict(text: str) -> str:
    return extract_sells(text, [])["value"]


@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal information.",
        "We are not in the business of selling personal information to others.",
        "We do not rent or sell personally identifiable information to third parties.",
        "We will never sell, rent, or trade your personal data.",
        "Your personal information is not sold to anyone.",
        "We dont sell or profit from the information you share with us.",
    ],
)
def test_denials_say_no(text):
    assert verdict(text) == "no"


@pytest.mark.parametrize(
    "text",
    [
        "We may sell your personal information to carefully selected partners.",
        "From time to time we rent our customer mailing list to other companies.",
        "We may exchange your name and postal address with other catalog companies.",
        "We may sell or share personal information for targeted advertising, as those terms are defined by state law.",
        "Sharing identifiers with ad partners may be considered a “sale” or “sharing” under the CCPA.",
        "You have the right to opt out of the sale or sharing of your personal information. Click Do Not Sell or Share "
        "My Personal Information.",
    ],
)
def test_selling_renting_exchanging_or_state_law_sharing_says_yes(text):
    assert verdict(text) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "If we sell all or part of our business, your information may be transferred to the buyer.",
        "We sell home goods and furniture online.",
        "Our service providers are prohibited from selling your information.",
        "We may share aggregated data that does not identify you.",
        "We share your personal information with service providers who ship your orders.",
    ],
)
def test_other_uses_of_the_words_are_not_stated(text):
    assert verdict(text) == "not_stated"


def test_an_exception_goes_to_the_evidence_not_the_value():
    text = "We do not sell the personal information of minors under 16 years of age."
    result = extract_sells(text, [])
    assert result["value"] == "not_stated"
    assert [e["quote"] for e in result["evidence"]] == [text]


def test_a_sale_with_a_minors_exception_is_yes_with_both_quotes():
    text = (
        "We may sell personal information to data partners. "
        "We do not sell the personal information of consumers under 16 years of age."
    )
    result = extract_sells(text, [])
    assert result["value"] == "yes"
    assert len(result["evidence"]) == 2
    assert_evidence(text, [result])


def test_a_denial_outweighs_a_boilerplate_opt_out_right():
    text = "Residents may have the right to opt out of the sale of personal information. We do not sell personal data."
    assert verdict(text) == "no"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_verdicts(name):
    text = seed_text(name)
    result = extract_sells(text, [])
    assert result["value"] == seed_gold(name)["sells_data"]
    if result["value"] != "not_stated":
        assert_evidence(text, [result])


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Privacy Policy"])
def test_empty_or_bare_text_is_not_stated(text):
    assert extract_sells(text, []) == {"value": "not_stated", "evidence": []}


def test_sharing_for_targeted_advertising_after_a_denial_of_selling_is_yes():
    text = "We never sell your data, but we may share it with advertising partners for targeted advertising."
    assert verdict(text) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "If Larkspur Home is sold or merges with another company, customer information may be among the assets moved.",
        "When Acme Outdoor Co. is acquired, customer data may pass to the new owner.",
        "If we merge with another retailer, your personal information may be transferred.",
        "Larkspur Home makes rugs and lamps and sells them through our website and two shops.",
        "We design our own candles and sell them online; we collect your name when you order.",
        "Do we sell your personal information?",
    ],
)
def test_business_transfers_products_and_questions_are_not_sales(text):
    assert verdict(text) == "not_stated"


def test_a_question_heading_is_answered_by_the_sentence_after_it():
    text = "Do we sell your personal information?\n\nNo. We do not sell your personal information to anyone."
    result = extract_sells(text, [])
    assert result["value"] == "no"
    assert [e["quote"] for e in result["evidence"]] == ["No. We do not sell your personal information to anyone."]


def test_a_pronoun_that_stands_for_data_named_earlier_is_still_a_sale():
    assert verdict("We collect your email address and may sell it to other catalog companies.") == "yes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The company's own statement about itself decides, not the rights every policy lists.
        (
            "In the preceding twelve months we have not sold personal information. "
            "You have the right to opt out of sharing for targeted advertising.",
            "no",
        ),
        ("Sony does not sell information collected through the Website.", "no"),
        (
            "Acme does not sell personal information or share it for targeted advertising, including for children "
            "under the age of 16.",
            "no",
        ),
        ("Some of these disclosures may qualify as “sales” under some state laws.", "yes"),
        ("Some activities may be considered “targeted advertising,” “sharing,” or “selling” under state laws.", "yes"),
        # Another object, another market: tickets sold, a group exchanging data, trading crypto.
        ("For every event for which we sell tickets, we disclose your name to the promoter.", "not_stated"),
        ("Companies within our group may exchange personal data to prevent fraud.", "not_stated"),
        (
            "We do not sell the data of individuals under 18 or share such information for targeted advertising.",
            "not_stated",
        ),
    ],
)
def test_self_statements_and_objects(text, expected):
    assert extract_sells(text, [])["value"] == expected
