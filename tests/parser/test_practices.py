"""The practice classifier on hand-written passages, one practice at a time, negations included."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summaries.parser.classify import classify_passage
from summaries.parser.practices import PRACTICES, classify_practices, heading_zone, squeeze_spaces


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


@pytest.mark.parametrize(
    ("text", "practice"),
    [
        ("Server logs are kept indefinitely.", "data_retention"),
        ("We store support chat transcripts for 18 months.", "data_retention"),
        ("Reviews you post are not deleted from our servers.", "data_retention"),
        ("We keep only the most recent version of your saved basket.", "data_retention"),
        ("You can choose not to give us your birthday; the rest of the shop still works.", "user_choice"),
        ("You can adjust your advertising preferences from the account page.", "user_choice"),
        ("You can make informed choices about the newsletters you receive.", "user_choice"),
        ("Contact our help desk to have your profile details corrected.", "user_access"),
        ("Please keep your password in a safe place and never divulge it to anyone.", "data_security"),
        ("No transmission of data over the internet can be guaranteed to be fully secure.", "data_security"),
        ("We may transmit your order details to the courier company that delivers your parcel.", "third_party_sharing"),
    ],
)
def test_practice_said_in_other_words(text, practice):
    assert classify_practices(text)[0] == practice


@pytest.mark.parametrize(
    ("text", "practice"),
    [
        (
            "To stop receiving our newsletter, write to newsletter-stop@example.org and we will take you off the list.",
            "user_choice",
        ),
        (
            "You can update your mailing address at any time by calling our customer care team at 800-555-0142.",
            "user_access",
        ),
    ],
)
def test_contact_details_add_other(text, practice):
    labels = classify_practices(text)
    assert labels[0] == practice
    assert "other" in labels


def test_no_contact_details_no_other():
    assert classify_practices("You may unsubscribe from our newsletter at any time.") == ["user_choice"]


def test_contact_details_in_an_audience_section_stay_with_it():
    text = "Parents of children under 13 may contact us at kids@example.org to have their child's details deleted."
    labels = classify_practices(text)
    assert labels[0] == "specific_audiences"
    assert "other" not in labels


SHARING = (
    "We may share your details with delivery firms and payment processors acting on our behalf, and we may "
    "disclose them to a buyer in a merger."
)
LOYALTY = (
    "We collect your name and email address when you join our loyalty club, and we use them to send you points "
    "statements."
)


def test_a_sentence_of_own_collection_adds_collection_to_sharing():
    assert classify_practices(SHARING + " We ask for your phone number at checkout.") == [
        "third_party_sharing",
        "first_party_collection",
    ]


def test_collected_data_named_in_a_relative_clause_adds_no_collection():
    assert classify_practices(SHARING + " The data we collect is shared only as described here.") == [
        "third_party_sharing"
    ]


def test_another_party_collecting_adds_sharing_to_collection():
    text = LOYALTY + " Advertising partners may place cookies on our pages to measure which ads you saw."
    assert classify_practices(text) == ["first_party_collection", "third_party_sharing"]


def test_collection_alone_gets_no_sharing():
    assert classify_practices(LOYALTY + " Our store receipts are emailed to the address you give.") == [
        "first_party_collection"
    ]


def test_a_retention_span_adds_retention():
    text = LOYALTY + " Loyalty records are erased three years after your last purchase."
    assert classify_practices(text) == ["first_party_collection", "data_retention"]


def test_a_cookie_lifetime_is_no_retention():
    assert classify_practices(LOYALTY + " Our cookies expire after two years.") == ["first_party_collection"]


def test_a_change_notice_inside_an_introduction_keeps_both():
    text = (
        "Welcome to our privacy notice. If you have questions about it, please contact us. We may revise this "
        "notice from time to time and will post the revised notice on this page."
    )
    labels = classify_practices(text)
    assert "policy_change" in labels


def test_an_introduction_alone_gets_no_change_label():
    assert classify_practices("Welcome to our privacy notice. If you have questions about it, please contact us.") == [
        "other"
    ]


def test_a_statute_citation_is_no_age():
    text = "Under 18 U.S.C. 2703 we may be required to disclose subscriber records to government agencies."
    assert "specific_audiences" not in classify_practices(text)


_SPACES = "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace())


@given(st.text(alphabet=st.sampled_from(_SPACES + "ab.\u00e9\u200b"), max_size=12))
def test_squeeze_spaces_is_the_regex_substitution(text: str) -> None:
    assert squeeze_spaces(text) == re.sub(r"\s+", " ", text)
