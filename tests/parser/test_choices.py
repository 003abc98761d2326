"""Your choices: one sentence per code, how to exercise them, negation, seeds."""

from __future__ import annotations

import pytest

from summaries.parser.choices import detect_choices, extract_choices
from summaries.parser.vocab_choices import ORDER
from tests.parser.sections_support import POLICY, SEEDS, assert_evidence, seed_gold, seed_text

ONE_PER_CODE = {
    "opt_out_marketing": "You can unsubscribe from our promotional e-mails at any time.",
    "opt_out_sale": "You may opt out of the sale of your personal information.",
    "opt_out_targeted_ads": "To opt out of interest-based advertising, visit the Digital Advertising Alliance.",
    "opt_out_profiling": "You have the right to opt out of profiling in furtherance of automated decisions.",
    "cookie_controls": "You can set your browser to block or delete cookies.",
    "analytics_opt_out": "You can opt out of Google Analytics by installing the browser add-on.",
    "global_privacy_control": "We honor the Global Privacy Control signal sent by your browser.",
    "access": "You may request access to the personal information we hold about you.",
    "correction": "You can correct your personal information in your account settings.",
    "deletion": "You may ask us to delete your personal information.",
    "portability": "You can export your data in a portable format.",
    "appeal": "If we deny your request, you may appeal our decision.",
    "authorized_agent": "You may use an authorized agent to submit a request on your behalf.",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(ONE_PER_CODE.items()))
def test_each_choice_is_found(code, sentence):
    assert code in detect_choices(sentence)


def test_the_vocabulary_covers_every_code_of_the_spec():
    assert set(ORDER) == set(ONE_PER_CODE)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("We do not currently honor the Global Privacy Control.", "global_privacy_control"),
        ("We may update this privacy policy from time to time.", "correction"),
        ("We use safeguards to prevent unauthorized access to your personal information.", "access"),
        ("We delete your data when it is no longer needed.", "deletion"),
        ("We have the right to remove any content you post.", "deletion"),
        ("If you do not wish to receive cookies, some pages will not work.", "opt_out_marketing"),
        ("We may access your information to respond to legal requests from the police.", "access"),
    ],
)
def test_company_actions_and_refusals_are_not_choices(sentence, code):
    assert code not in detect_choices(sentence)


def test_how_names_the_link_email_phone_and_portal():
    text = (
        "To opt out of the sale of your personal information, visit our Privacy Portal, call 1-800-555-0199 or e-mail "
        "privacy@example.com."
    )
    (item,) = extract_choices(text, [])
    assert item["type"] == "opt_out_sale"
    assert {"kind": "web_form", "value": "Privacy Portal"} in item["how"]
    assert {"kind": "phone", "value": "1-800-555-0199"} in item["how"]
    assert {"kind": "email", "value": "privacy@example.com"} in item["how"]


def test_how_comes_from_the_following_instruction():
    text = (
        "You may opt out of our marketing e-mails. To do so, follow the unsubscribe link at the bottom of each e-mail."
    )
    (item,) = extract_choices(text, [])
    assert item["how"] == [{"kind": "link", "value": "unsubscribe link at the bottom of each e-mail"}]


def test_how_names_links_accounts_browsers_and_mail():
    text = (
        "You can opt out of interest-based ads at https://optout.aboutads.info/. "
        "You can update your contact information on the My Account page. "
        "You can change your browser settings to refuse cookies. "
        "You may request a copy of your personal information by mail."
    )
    by_type = {item["type"]: item["how"] for item in extract_choices(text, [])}
    assert {"kind": "link", "value": "https://optout.aboutads.info/"} in by_type["opt_out_targeted_ads"]
    assert {"kind": "account_settings", "value": "My Account page"} in by_type["correction"]
    assert by_type["cookie_controls"][0]["kind"] == "browser"
    assert {"kind": "mail", "value": "by mail"} in by_type["access"]


def test_a_hidden_email_is_not_a_how():
    (item,) = extract_choices("You may request updates by contacting us at [email protected].", [])
    assert item["type"] == "correction"
    assert all(entry["kind"] != "email" for entry in item["how"])


def test_policy_choices_and_evidence():
    items = extract_choices(POLICY, [])
    assert [item["type"] for item in items] == ["opt_out_marketing", "cookie_controls", "access"]
    assert {"kind": "email", "value": "privacy@example.com"} in items[2]["how"]
    assert_evidence(POLICY, items)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_policies_find_required_choices_and_nothing_outside_gold(name):
    text, gold = seed_text(name), seed_gold(name)["choices"]
    items = extract_choices(text, [])
    got = {item["type"] for item in items}
    assert set(gold["required"]) <= got
    assert got <= set(gold["required"]) | set(gold["also_ok"])
    assert_evidence(text, items)


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Privacy Policy"])
def test_empty_or_bare_text_offers_nothing(text):
    assert extract_choices(text, []) == []


def test_a_refused_opt_out_is_not_a_choice():
    assert detect_choices("You cannot opt out of transactional emails.") == []
