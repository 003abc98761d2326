"""summaries/changes.py claims a change only where the text bears it out, not where the card read it differently.

The texts here are written for the tests; the cards are built by hand so that each test shows one rule.
"""

from __future__ import annotations

from summaries.changes import card_changes
from summaries.parser.mentions import choice_mentions, collected_mentions, recipient_mentions
from tests.pages.factories import card_for


def _quote(text: str, sentence: str) -> dict:
    start = text.index(sentence)
    return {"quote": sentence, "start": start, "end": start + len(sentence)}


def _without(card: dict, section: str, key: str, code: str) -> dict:
    card[section] = [item for item in card[section] if item[key] != code]
    return card


def _link(value: str, normalized: str, role: str, kind: str = "url") -> dict:
    return {"kind": kind, "value": value, "normalized": normalized, "label": "", "evidence": [], "role": role}


def _claims(changes) -> set[tuple[str, str, str]]:
    return {(c.field, c.code, c.kind) for c in changes}


OLD_SURVEY = (
    "Additional information you submit to us, such as survey responses and chat messages with our support team."
)
NEW_SURVEY = "Additional information submitted to us, such as survey responses and chat messages with our support team."


def _survey_cards(old_text: str) -> tuple[dict, dict]:
    old = _without(card_for(), "collected", "type", "communications")
    survey = _quote(old_text, OLD_SURVEY)
    old["collected"].append({"type": "communications", "examples": [], "sources": [], "evidence": [survey]})
    new = _without(card_for(), "collected", "type", "communications")
    return old, new


def test_a_reworded_sentence_is_not_a_removal():
    """The new card lost a type because its sentence was reworded, not because the practice went."""
    old_text = f"We run a shop. {OLD_SURVEY}"
    new_text = f"We run a shop. {NEW_SURVEY}"
    old, new = _survey_cards(old_text)
    assert ("collected", "communications", "removed") not in _claims(card_changes(old, new, old_text, new_text))


def test_a_negated_rewording_is_a_change():
    old_text = f"We run a shop. {OLD_SURVEY}"
    new_text = "We run a shop. We do not keep the survey responses and chat messages you send to our support team."
    old, new = _survey_cards(old_text)
    [change] = [c for c in card_changes(old, new, old_text, new_text) if c.code == "communications"]
    assert change.kind == "removed" and change.evidence.quote == OLD_SURVEY


def test_the_old_text_mentioning_a_type_blocks_now_collects():
    """The old card missed a sentence (two actors) that already said it; the new card reads a new sentence."""
    old_text = "We and our partners use cookies to collect information about your visits."
    new_text = old_text + " We set cookies when you sign in."
    old = _without(card_for(), "collected", "type", "cookies")
    new = _without(card_for(), "collected", "type", "cookies")
    sign_in = _quote(new_text, "We set cookies when you sign in.")
    new["collected"].append({"type": "cookies", "examples": [], "sources": [], "evidence": [sign_in]})
    assert "cookies" in collected_mentions(old_text)
    assert ("collected", "cookies", "added") not in _claims(card_changes(old, new, old_text, new_text))
    # a text silent on cookies: the addition is claimed, with the new quote
    silent = "We collect your e-mail address."
    [change] = [
        c for c in card_changes(old, new, silent, silent + " We set cookies when you sign in.") if c.code == "cookies"
    ]
    assert change.kind == "added"


def test_mentions_are_affirmed_statements_with_a_verb():
    assert collected_mentions("We do not collect your location.") == set()
    assert collected_mentions("Location") == set()  # a heading says nothing
    assert "location" in collected_mentions("Our app collects your precise location.")
    # a word common in other senses needs a strong verb: "comments about this policy" is no collected content
    assert "user_content" not in collected_mentions("Please contact us with any comments about this policy.")
    assert "user_content" in collected_mentions("We collect the comments you post.")
    # children's data the policy refuses is not the company's practice
    assert "location" not in collected_mentions("We may collect the location of children under 13.")
    assert "affiliates" in recipient_mentions("Corporate affiliates will receive your personal data.")
    assert recipient_mentions("We never share your data with advertisers.") == set()
    assert "deletion" in choice_mentions("You may request deletion of your personal information.")
    assert "deletion" not in choice_mentions("Deletion of your personal information")


def test_links_that_are_no_way_to_reach_the_company_are_not_contact_churn():
    old, new = card_for(), card_for()
    old["contacts"].append(_link("https://optout.example/x", "optout.example/x", "general"))
    old["contacts"].append(_link("https://ads.example/out", "ads.example/out", "opt_out_tool"))
    assert card_changes(old, new) == []
    old["contacts"].append(_link("dpo@shop.example", "dpo@shop.example", "dpo", kind="email"))
    [change] = card_changes(old, new)
    assert change.field == "contacts" and change.text == "Removed contact e-mail: dpo@shop.example"
