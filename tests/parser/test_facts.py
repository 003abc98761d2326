"""The facts block: negation and modality decide, and every stated fact quotes its sentence."""

from __future__ import annotations

import pytest

from summaries.parser.facts import (
    changes_notice,
    children_min_age,
    do_not_track,
    extract_facts,
    international,
    retention,
    security,
    sentence_around,
)


def quotes_hold(text: str, fact: dict) -> None:
    for item in fact["evidence"]:
        assert text[item["start"] : item["end"]] == item["quote"]
    assert bool(fact["evidence"]) == (fact["value"] not in ("not_stated", None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('We do not recognize "Do Not Track" signals.', "not_honored"),
        ("We do not respond to Do Not Track (DNT) signals sent by your browser.", "not_honored"),
        (
            "Some browsers offer a Do Not Track feature. There is no uniform standard for it, "
            "so we do not currently respond to such signals.",
            "not_honored",
        ),
        (
            "Some browsers can send Do-Not-Track requests.\nWe do not currently respond to such signals.",
            "not_honored",
        ),
        ("Our Company does not currently change its tracking practices in response to DNT settings.", "not_honored"),
        ("Tools we use may not recognize or respond to “do not track” requests.", "not_honored"),
        (
            "The law requires us to disclose how we respond to Do Not Track signals. "
            "We currently take no action in response to them.",
            "not_honored",
        ),
        (
            "As no Do Not Track protocol has yet been finalized, our practices stay the same whether or not "
            "a signal is received.",
            "not_honored",
        ),
        ("We honor Do Not Track signals and stop tracking when one is received.", "honored"),
        ("When your browser sends a DNT signal, we will not track you across other sites.", "honored"),
        ("We respect Do Not Track browser settings.", "honored"),
        ("Learn more about Do Not Track at allaboutdnt.com.", "not_stated"),
        ("We use cookies to remember your cart.", "not_stated"),
    ],
)
def test_do_not_track(text, expected):
    fact = do_not_track(text)
    assert fact["value"] == expected
    quotes_hold(text, fact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not knowingly collect personal information from children under 13.", 13),
        ("This website is not intended for anyone under 18.", 18),
        ("If we learn that a user is under the age of 16, we will delete their data. We do not collect it.", 16),
        ("Our services are not directed to children under the age of thirteen.", 13),
        ("You must be at least 16 years old to register for an account.", 16),
        (
            "We do not sell the personal information of consumers under 16 years of age. "
            "We do not knowingly collect information from children under 13.",
            13,
        ),
        ("We never knowingly request or collect personal information from any person under 16 years of age.", 16),
        ("Our services are intended for users 18 and older.", 18),
        ("To create an account you must be at least 16.", 16),
        ("We value families and children.", None),
        ("Orders ship within 13 days. Under 18 items fit in one box.", None),
        ("", None),
    ],
)
def test_children_min_age(text, expected):
    fact = children_min_age(text)
    assert fact["value"] == expected
    quotes_hold(text, fact)


@pytest.mark.parametrize(
    ("text", "value", "phrase"),
    [
        ("We retain your order records for seven years to meet tax rules.", "period", "seven years"),
        ("Chat transcripts are deleted after 90 days.", "period", "90 days"),
        ("We keep your information for as long as necessary to provide the services.", "as_long_as_needed", "as long"),
        ("Personal data is retained no longer than necessary for the purposes.", "as_long_as_needed", "no longer"),
        ("We will keep your data as long as your account is active.", "as_long_as_needed", "as long as"),
        ("We respond to requests within 45 days.", "not_stated", ""),
    ],
)
def test_retention(text, value, phrase):
    fact = retention(text)
    assert fact["value"] == value
    assert phrase in fact["text"]
    quotes_hold(text, fact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We maintain physical, electronic and procedural safeguards to protect your data.", "stated"),
        ("Payment pages use SSL encryption.", "stated"),
        ("We take reasonable measures to protect your information from unauthorized access.", "stated"),
        ("We will never request your password by email.", "not_stated"),
        ("Visit https://example.com/help for help.", "not_stated"),
    ],
)
def test_security(text, expected):
    fact = security(text)
    assert fact["value"] == expected
    quotes_hold(text, fact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If we make material changes to this policy, we will notify you by email.", "direct_notice"),
        ("We will post a prominent notice on our home page before changes to this Privacy Policy.", "direct_notice"),
        ("We may update this policy by posting the revised version on this page.", "posted_only"),
        ("We will notify you of changes to this Privacy Policy by posting the new policy here.", "posted_only"),
        ('When we change this policy we will revise the "last updated" date above.', "posted_only"),
        ("We may change this policy from time to time.", "not_stated"),
        ("These terms are subject to change, and any changes will be included on this page.", "posted_only"),
        (
            "If we change how we treat your data, we will inform you of such change by posting a new policy.",
            "posted_only",
        ),
        ("We send emails about important changes to our Privacy Policy.", "direct_notice"),
        ("We may change this policy at any time; if you have questions, email us.", "not_stated"),
        ("We will send you an email before changes to this policy take effect.", "direct_notice"),
        ("You can update your email preferences at any time.", "not_stated"),
    ],
)
def test_changes_notice(text, expected):
    fact = changes_notice(text)
    assert fact["value"] == expected
    quotes_hold(text, fact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your information may be transferred to and processed in countries other than your own.", "stated"),
        ("Information sent to us will be housed on servers located in the United States.", "stated"),
        ("We rely on standard contractual clauses for transfers from the EEA.", "stated"),
        ("We ship to addresses in the United States only.", "not_stated"),
    ],
)
def test_international(text, expected):
    fact = international(text)
    assert fact["value"] == expected
    quotes_hold(text, fact)


def test_extract_facts_has_all_six_facts_in_contract_shape():
    facts = extract_facts("We do not respond to DNT signals. We use SSL encryption.")
    assert set(facts) == {
        "do_not_track",
        "children_min_age",
        "retention",
        "security",
        "changes_notice",
        "international",
    }
    assert facts["do_not_track"]["value"] == "not_honored"
    assert facts["security"]["value"] == "stated"
    assert facts["retention"] == {"value": "not_stated", "text": "", "evidence": []}


def test_sentence_around_stays_in_its_sentence_and_line():
    text = "First one. We collect data, e.g. names. Last one\nNext line."
    start = text.index("collect")
    s, e = sentence_around(text, start)
    assert text[s:e] == "We collect data, e.g. names."
    s, e = sentence_around(text, text.index("Last"))
    assert text[s:e] == "Last one"
