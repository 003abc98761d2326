"""The practice classifier on hand-written passages, one practice at a time, negations included."""

from __future__ import annotations

import pytest

from summaries.parser.classify import classify_passage
from summaries.parser.practices import PRACTICES, classify_practices, heading_zone


@pytest.mark.parametrize(
    ("text", "practice"),
    [
        ("When you create an account we collect your name, email address and phone number.", "first_party_collection"),
        ("We use your purchase history to recommend products you might like.", "first_party_collection"),
        (
            "Our servers automatically record your IP address, browser type and the pages you visit.",
            "first_party_collection",
        ),
        ("We share your shipping address with the carriers who deliver your parcels.", "third_party_sharing"),
        ("We may disclose personal information to law enforcement in response to a subpoena.", "third_party_sharing"),
        (
            "Advertising networks may place cookies on your device to show you ads on other sites.",
            "third_party_sharing",
        ),
        ("You may opt out of our marketing emails by clicking the unsubscribe link in any message.", "user_choice"),
        ("Most browsers let you refuse or delete cookies through the browser settings.", "user_choice"),
        ("You can review and update your account information at any time on your profile page.", "user_access"),
        ("You may ask us to delete your account and the personal data associated with it.", "user_access"),
        ("We retain order records for seven years and then delete them.", "data_retention"),
        ("We keep your information only as long as necessary for the purposes described here.", "data_retention"),
        ("We use SSL encryption and firewalls to protect your data against unauthorized access.", "data_security"),
        (
            "We may change this privacy policy from time to time; material changes will be posted on this page.",
            "policy_change",
        ),
        ("Our website responds to Do Not Track signals sent by your browser.", "do_not_track"),
        (
            "Our store is not directed to children under 13 and we do not knowingly collect their data.",
            "specific_audiences",
        ),
        (
            "California residents may request a list of the third parties that received their information.",
            "specific_audiences",
        ),
        ("If you have any questions about this policy, please contact us at privacy@example.com.", "other"),
        ("This privacy policy applies to all websites operated by Example Stores Inc.", "other"),
    ],
)
def test_one_clear_practice(text, practice):
    assert classify_practices(text)[0] == practice


@pytest.mark.parametrize(
    ("text", "practice"),
    [
        (
            "We do not track you across third-party websites and we do not respond to Do Not Track signals.",
            "do_not_track",
        ),
        ("We do not sell, rent or trade your personal information with other companies.", "third_party_sharing"),
        ("We never knowingly collect information from children under the age of 13.", "specific_audiences"),
        ("We do not retain your card number after the transaction is complete.", "data_retention"),
        ("We will not change this policy without posting the revised policy on this page.", "policy_change"),
    ],
)
def test_negated_statements_still_describe_the_practice(text, practice):
    assert practice in classify_practices(text)


def test_heading_weighs_in():
    text = "We take reasonable steps, and we review them each year."
    assert classify_practices(text, heading="Security") == ["data_security"]
    assert classify_practices(text, heading="Retention") == ["data_retention"]


def test_heading_inside_the_passage_counts():
    assert classify_practices("CHILDREN Our site is meant for adults who shop for their homes.") == [
        "specific_audiences"
    ]


def test_bare_titles_dates_and_contents_are_other():
    assert classify_practices("Privacy Policy") == ["other"]
    assert classify_practices("Last updated: 3 May 2024") == ["other"]
    contents = "1. Scope 2. Information We Collect 3. How We Share It 4. Your Choices 5. Contact Us"
    assert classify_practices(contents) == ["other"]


def test_an_introduction_that_lists_every_practice_is_other():
    intro = (
        "This privacy policy explains what information we collect, how we use and share it, and the choices you have."
    )
    assert classify_practices(intro) == ["other"]


def test_nothing_recognisable_is_other():
    assert classify_practices("The weather was lovely on the day we opened our first shop.") == ["other"]
    assert classify_practices("") == ["other"]


def test_mixed_passage_gets_both_collection_and_sharing_when_both_are_strong():
    text = (
        "Information We Share. We share the name and address you give us with shipping companies "
        "and payment processors, and we disclose data to our affiliates and to advertising partners."
    )
    labels = classify_practices(text)
    assert labels[0] == "third_party_sharing"


def test_codes_are_from_the_vocabulary_and_deterministic():
    text = "We collect your email and share it with partners; you can opt out at any time."
    first = classify_practices(text)
    assert first == classify_practices(text)
    assert set(first) <= set(PRACTICES)
    assert len(first) == len(set(first))


def test_heading_zone_finds_run_in_headings():
    assert heading_zone("Retention Policy We will retain data for a year.") == "Retention Policy"
    assert heading_zone("CONFIDENTIALITY AND SECURITY We limit access to data.") == "CONFIDENTIALITY AND SECURITY"
    assert heading_zone("How do we protect information? We use encryption.") == "How do we protect information"
    assert heading_zone("we collect data.") == ""


def test_classify_passage_keeps_its_contract():
    answer = classify_passage("You can unsubscribe from our newsletter at any time.")
    assert set(answer) == {"practices", "collected", "shared", "choices"}
    assert answer["practices"] == ["user_choice"]
    assert all(isinstance(v, list) for v in answer.values())
