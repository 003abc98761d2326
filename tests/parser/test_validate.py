"""The contract checker finds each way a card can break ../shared/spec/cards.md."""

from __future__ import annotations

import copy

import pytest

from summaries.parser.card import empty_card
from summaries.parser.validate import validate_card

TEXT = "We collect your email address. Contact privacy@acme.example with questions."


def good_card() -> dict:
    card = empty_card(TEXT)
    quote = "We collect your email address."
    card["collected"] = [
        {"type": "contact", "examples": ["email address"], "sources": ["you"], "evidence": [ev(quote)]}
    ]
    card["contacts"] = [
        {
            "kind": "email",
            "value": "privacy@acme.example",
            "normalized": "privacy@acme.example",
            "label": "privacy",
            "evidence": [ev("Contact privacy@acme.example with questions.")],
        }
    ]
    card["passages"] = [{"start": 0, "end": len(TEXT), "heading": "", "practices": ["first_party_collection"]}]
    return card


def ev(quote: str) -> dict:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def test_a_well_formed_card_has_no_problems():
    assert validate_card(good_card(), TEXT) == []
    assert validate_card(empty_card(""), "") == []


def broken(change) -> list[str]:
    card = copy.deepcopy(good_card())
    change(card)
    return validate_card(card, TEXT)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda c: c.pop("facts"), "missing ['facts']"),
        (lambda c: c.update(schema="card/2"), "schema"),
        (lambda c: c["collected"][0].update(type="shoe_size"), "unknown code 'shoe_size'"),
        (lambda c: c["collected"][0].update(sources=["telepathy"]), "unknown code 'telepathy'"),
        (lambda c: c["collected"].append(copy.deepcopy(c["collected"][0])), "listed twice"),
        (lambda c: c["collected"][0].update(evidence=[]), "needs evidence"),
        (lambda c: c["collected"][0]["evidence"][0].update(start=1), "is not the quote"),
        (lambda c: c["collected"][0]["evidence"][0].update(end=10_000), "outside the text"),
        (lambda c: c["collected"][0]["evidence"][0].update(start="0"), "expected int"),
        (lambda c: c["collected"][0]["evidence"][0].pop("quote"), "missing ['quote']"),
        (lambda c: c["contacts"][0].update(kind="pigeon"), "unknown code 'pigeon'"),
        (lambda c: c["contacts"][0].update(normalized="Privacy@ACME.example"), "not a lower-case address"),
        (lambda c: c["contacts"][0].update(kind="phone", normalized="510-603-7564"), "not E.164"),
        (lambda c: c["contacts"].append(copy.deepcopy(c["contacts"][0])), "duplicate contact"),
        (lambda c: c["contacts"][0].pop("label"), "missing ['label']"),
        (lambda c: c["facts"]["do_not_track"].update(value="maybe"), "unknown code 'maybe'"),
        (lambda c: c["facts"]["security"].update(value="stated"), "needs evidence"),
        (lambda c: c["facts"]["children_min_age"].update(value="13"), "expected int"),
        (lambda c: c["facts"]["children_min_age"].update(value=True), "got bool"),
        (lambda c: c["facts"].pop("retention"), "missing 'retention'"),
        (lambda c: c["facts"]["retention"].pop("text"), "missing ['text']"),
        (lambda c: c["sells_data"].update(value="perhaps"), "unknown code 'perhaps'"),
        (lambda c: c["sells_data"].update(value="yes"), "needs evidence"),
        (lambda c: c.update(effective_date="May 9, 2023"), "not an ISO date"),
        (lambda c: c.update(effective_date="2023-02-30"), "not an ISO date"),
        (lambda c: c["passages"][0].update(end=len(TEXT) + 5), "outside the text"),
        (lambda c: c["passages"].append(dict(c["passages"][0])), "before the previous passage ends"),
        (lambda c: c["passages"][0].update(practices=["gossip"]), "unknown code 'gossip'"),
        (
            lambda c: c.update(shared=[{"recipient": "aliens", "names": [], "purposes": [], "data_types": []}]),
            "missing",
        ),
        (lambda c: c["stats"].update(words=-1), "negative"),
        (lambda c: c.update(warnings="oops"), "expected list"),
        (
            lambda c: c.update(
                choices=[{"type": "access", "how": [{"kind": "carrier_pigeon", "value": "x"}], "evidence": []}]
            ),
            "unknown code 'carrier_pigeon'",
        ),
    ],
)
def test_each_kind_of_breakage_is_reported(change, problem):
    problems = broken(change)
    assert any(problem in p for p in problems), problems


def test_a_card_that_is_not_a_dict_is_one_problem():
    assert validate_card(["not", "a", "card"], TEXT) == ["card: expected dict, got list"]
