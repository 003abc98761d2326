"""What's collected: one hand-written sentence per code, negation and actor cases, list scope, seeds."""

from __future__ import annotations

import pytest

from summaries.parser.collected import detect_types, extract_collected
from summaries.parser.passages import segment
from summaries.parser.types import Passage
from summaries.parser.vocab_data import ORDER
from tests.parser.sections_support import POLICY, SEEDS, assert_evidence, seed_gold, seed_text

ONE_PER_CODE = {
    "contact": "We collect your name, postal address and phone number when you place an order.",
    "account": "When you register we collect a username and password.",
    "government_id": "To apply for credit we ask for your social security number and driver's license number.",
    "financial": "We collect your credit card number and billing information to process payments.",
    "demographic": "We may ask you for your date of birth and gender.",
    "professional": "Business customers provide their job title and employer when they sign up.",
    "location": "With your permission we collect precise location data from your phone.",
    "device": "We automatically collect your IP address and device identifiers.",
    "online_activity": "We record your browsing history and search queries on our site.",
    "cookies": "We use cookies and web beacons on our website.",
    "purchases": "We keep a record of your purchase history and products you viewed.",
    "communications": "We record customer service calls and keep copies of your correspondence with us.",
    "user_content": "We collect the product reviews and survey responses you submit.",
    "audio_visual": "We collect the photos and videos you upload to your gallery.",
    "inferences": "We draw inferences from your activity to create a profile about you.",
    "health": "For prescription eyewear we collect your prescription and any medical conditions you tell us.",
    "sensitive": "We may collect information about your religion or sexual orientation if you choose to share it.",
    "social_media": "If you log in with Facebook, we receive your Facebook profile and friends list.",
    "biometric": "Our app collects fingerprints and face geometry to verify your identity.",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(ONE_PER_CODE.items()))
def test_each_code_is_found_in_a_collection_sentence(code, sentence):
    assert code in detect_types(sentence)


def test_the_vocabulary_covers_every_code_of_the_spec():
    assert set(ORDER) == set(ONE_PER_CODE)


@pytest.mark.parametrize(
    "sentence",
    [
        "We will never request your password or credit card number by e-mail.",
        "We do not knowingly collect information from children under 13.",
        "We do not collect your date of birth or gender.",
        "These companies may collect your IP address and browsing history.",
        "Third-party advertisers may collect information about your browsing activities on other sites.",
        "SSL encrypts your credit card number, name and address.",
        "“Sensitive Personal Information” means information about health conditions or religion.",
    ],
)
def test_negated_third_party_children_security_and_definitions_report_nothing(sentence):
    assert detect_types(sentence) == []


def test_negation_stops_at_the_clause_boundary():
    sentence = "Though we might ask you your name, we will never request your password through e-mail."
    assert detect_types(sentence) == ["contact"]


def test_list_items_inherit_the_collection_statement_that_introduces_them():
    found = {item["type"]: item for item in extract_collected(POLICY, [])}
    assert {"contact", "account", "demographic", "device", "online_activity", "cookies"} <= set(found)
    assert "you" in found["contact"]["sources"]
    assert found["device"]["sources"] == ["automatic"]
    assert "e-mail address" in found["contact"]["examples"]


def test_a_list_under_a_non_collection_sentence_is_not_collected():
    text = "Our security tips:\n- Never share your password.\n- Check your credit card statements.\n"
    assert detect_types(text) == []


def test_data_received_from_others_is_sourced_to_third_parties():
    text = "We receive your name and e-mail address from our marketing partners and data brokers."
    (item,) = extract_collected(text, [])
    assert item["type"] == "contact"
    assert "third_parties" in item["sources"]


def test_evidence_quotes_sit_at_their_offsets():
    items = extract_collected(POLICY, [])
    assert items
    assert_evidence(POLICY, items)


def test_output_is_deterministic():
    assert extract_collected(POLICY, []) == extract_collected(POLICY, [])


@pytest.mark.parametrize("name", SEEDS)
def test_seed_policies_find_required_codes_and_nothing_outside_gold(name):
    text, gold = seed_text(name), seed_gold(name)["collected"]
    items = extract_collected(text, [])
    got = {item["type"] for item in items}
    assert set(gold["required"]) <= got
    assert got <= set(gold["required"]) | set(gold["also_ok"])
    assert_evidence(text, items)


def test_bare_lines_after_a_colon_intro_are_collected_and_the_list_ends_at_prose():
    text = "We collect the following information:\n\nName\nEmail address\nJob title\n\nWe never ask for your passport."
    assert detect_types(text) == ["professional", "contact"]


def test_state_law_categories_map_to_codes():
    text = (
        "Categories of Personal Information We Collect\n\n"
        "Commercial information, including records of products purchased.\n"
        "Internet or other electronic network activity information, such as browsing history.\n"
        "Professional or employment-related information.\n"
        "Inferences drawn from the above to create a profile about you.\n"
    )
    assert set(detect_types(text)) == {"purchases", "online_activity", "professional", "inferences"}


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Privacy Policy"])
def test_empty_or_bare_text_collects_nothing(text):
    assert extract_collected(text, []) == []
    assert detect_types(text) == []


def test_passage_headings_scope_a_list_the_text_layout_does_not_mark():
    text = "Your name and e-mail address. Your shipping address."
    assert detect_types(text) == []
    found = extract_collected(text, [Passage(0, len(text), "Information We Collect", [])])
    assert [item["type"] for item in found] == ["contact"]


def test_using_information_is_not_a_kind_of_data():
    assert detect_types("We will use information only in accordance with this policy.") == []
    assert detect_types("We collect information about your use of our website.") == ["online_activity"]


def test_an_exception_to_a_denial_is_collected():
    assert detect_types("We do not collect any personal information other than your email address.") == ["contact"]


def test_a_possessive_does_not_make_advertisers_the_company():
    assert detect_types("Advertisers on our site may use cookies to collect your IP address.") == []


def test_verbless_lines_under_a_question_heading_are_collected():
    text = (
        "Welcome\n\nLast revised: May 2, 2025\n\n"
        "What information do we gather?\n\n"
        "From you. Your name, email address and phone number. Payment card details for checkout.\n\n"
        "Who do we share it with?\n\n"
        "- Service providers that ship parcels for us.\n"
    )
    found = {item["type"] for item in extract_collected(text, segment(text))}
    assert {"contact", "financial"} <= found
