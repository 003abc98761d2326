"""Who it's shared with: one sentence per recipient, negations, aggregated data, names, seeds."""

from __future__ import annotations

import pytest

from summaries.parser.shared import detect_recipients, extract_shared
from tests.parser.sections_support import POLICY, SEEDS, assert_evidence, seed_gold, seed_text

ONE_PER_CODE = {
    "service_providers": "We share your information with vendors that host our website and deliver packages.",
    "affiliates": "We may share your personal information with our parent company and subsidiaries.",
    "advertisers": "We share device identifiers with advertising networks to show you relevant ads.",
    "marketing_partners": "We may rent our mailing list to other marketers whose products may interest you.",
    "analytics": "We use Google Analytics to understand how visitors use our site.",
    "social_media": "When you click a share button, we disclose the page you viewed to the social network.",
    "financing_providers": "If you apply for credit, we send your application to our financing partners and lenders.",
    "law_enforcement": "We may disclose information in response to a subpoena or court order.",
    "business_transfer": "If we are involved in a merger or acquisition, your information may be transferred.",
    "public": "Reviews you post will be publicly displayed and visible to other users.",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(ONE_PER_CODE.items()))
def test_each_recipient_is_found_in_a_sharing_sentence(code, sentence):
    assert code in detect_recipients(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not share your information with third parties for their own marketing purposes.",
        "We never disclose your e-mail address to advertisers.",
        "We may share aggregated, de-identified statistics with our partners and advertisers.",
        "We collect your name from social media sites and data co-ops.",
        "We use SSL to protect payment processing.",
        "You have the right to appoint an authorized agent.",
    ],
)
def test_negated_aggregated_and_non_sharing_sentences_name_no_recipient(sentence):
    assert detect_recipients(sentence) == []


def test_an_exception_after_a_denial_still_counts():
    sentence = "We never share your browsing data with third parties except where the law requires us to do so."
    assert detect_recipients(sentence) == ["law_enforcement"]


def test_a_list_introduced_by_a_sharing_sentence_is_scoped():
    text = (
        "We may share your personal information with the following recipients:\n"
        "- Companies that help us deliver your orders, such as carriers.\n"
        "- Our affiliates and subsidiaries.\n"
        "- Government agencies, when required by law.\n"
    )
    assert detect_recipients(text) == ["service_providers", "affiliates", "law_enforcement"]


def test_items_carry_names_purposes_and_data_types():
    text = "We use Google Analytics to analyze how you use our site, including your IP address and pages visited."
    (item,) = extract_shared(text, [])
    assert item["recipient"] == "analytics"
    assert item["names"] == ["Google Analytics"]
    assert "analytics" in item["purposes"]
    assert {"device", "online_activity"} <= set(item["data_types"])


def test_service_providers_default_to_the_service_purpose():
    found = {item["recipient"]: item for item in extract_shared(POLICY, [])}
    assert set(found) == {"service_providers", "law_enforcement"}
    assert "service" in found["service_providers"]["purposes"]
    assert found["law_enforcement"]["purposes"] == ["legal"]
    assert_evidence(POLICY, list(found.values()))


@pytest.mark.parametrize("name", SEEDS)
def test_seed_policies_find_required_recipients_and_nothing_outside_gold(name):
    text, gold = seed_text(name), seed_gold(name)["shared"]
    items = extract_shared(text, [])
    got = {item["recipient"] for item in items}
    assert set(gold["required"]) <= got
    assert got <= set(gold["required"]) | set(gold["also_ok"])
    assert_evidence(text, items)


def test_bare_lines_after_a_colon_intro_form_a_list():
    text = (
        "We disclose personal information to the following categories of third parties:\n\n"
        "Advertising networks\nData analytics providers\nSocial networks\nPayment processors\n\n"
        "Cookies\n\nWe use cookies on our site.\n"
    )
    assert detect_recipients(text) == ["analytics", "advertisers", "service_providers", "social_media"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Privacy Policy"])
def test_empty_or_bare_text_shares_nothing(text):
    assert extract_shared(text, []) == []


def test_an_internet_service_provider_is_not_a_recipient():
    assert detect_recipients("We may share statistics about which Internet Service Provider our visitors use.") == []


def test_named_companies_go_with_their_own_kind_of_recipient():
    text = (
        "We use the Meta Pixel and TikTok Pixel on our site to measure ad performance. "
        "We work with Klaviyo to send emails and with Affirm to offer financing."
    )
    by_code = {item["recipient"]: item["names"] for item in extract_shared(text, [])}
    assert by_code == {
        "advertisers": ["Meta Pixel", "TikTok Pixel"],
        "service_providers": ["Klaviyo"],
        "financing_providers": ["Affirm"],
    }


def test_the_bank_behind_a_store_card_is_a_financing_provider():
    listed = "Who do we share it with?\n\n- The bank that issues our store credit card, when you apply for the card."
    assert "financing_providers" in detect_recipients(listed)
    said = "We share your details with the bank that issues our store credit card when you apply for it."
    assert "financing_providers" in detect_recipients(said)


def test_the_company_is_never_its_own_recipient_and_a_social_login_shares_nothing():
    from summaries.parser.card import summarize

    text = (
        "Amazon.com Privacy Notice\n\n"
        "We share personal information with advertisers such as Amazon and Criteo.\n"
        "If you sign in with Facebook or Google, the social network sends us your e-mail address.\n"
        "Contact us: privacy@amazon.com\n"
    )
    shared = {item["recipient"]: item for item in summarize(text)["shared"]}
    assert shared["advertisers"]["names"] == ["Criteo"]
    assert "social_media" not in shared
