"""The five seed policies against their hand-made gold cards (../shared/gold/seeds.json), in process.

Mirrors ../shared/eval/score.py: set fields are scored by micro F1 against `required` with `also_ok`
tolerated; scalars must be exact. Skips cleanly where ../shared is absent.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from policies.ingest import extract
from summaries.parser.card import summarize
from summaries.parser.validate import validate_card
from tests.conftest import shared_or_skip

SET_FIELDS = ("collected", "shared", "choices", "contacts")
SCALARS = ("effective_date", "sells_data", "do_not_track", "children_min_age")
SEEDS_F1 = 0.95


def contact_key(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("+") or "@" in value:
        return value
    return re.sub(r"[^a-z0-9]", "", value)


def predicted(card: dict, field: str) -> set[str]:
    if field == "contacts":
        return {contact_key(c["normalized"] or c["value"]) for c in card["contacts"] if c["kind"] != "url"}
    key = {"collected": "type", "shared": "recipient", "choices": "type"}[field]
    return {item[key] for item in card[field]}


def scalar(card: dict, field: str):
    if field == "effective_date":
        return card["effective_date"]
    if field == "sells_data":
        return card["sells_data"]["value"]
    return card["facts"][field]["value"]


@cache
def seed_cards() -> tuple[dict, dict[str, tuple[str, dict]]]:
    gold = json.loads(shared_or_skip("gold", "seeds.json").read_text())["policies"]
    folder = shared_or_skip("seeds")
    cards = {}
    for name in sorted(gold):
        text = extract((folder / name).read_bytes(), name).text
        cards[name] = (text, summarize(text))
    return gold, cards


def tally(gold: dict, cards: dict, fields=SET_FIELDS) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    wrong: list[str] = []
    for name, (_, card) in cards.items():
        for field in fields:
            want = gold[name][field]
            required, also_ok = set(want["required"]), set(want["also_ok"])
            if field == "contacts":
                required, also_ok = {contact_key(v) for v in required}, {contact_key(v) for v in also_ok}
            got = predicted(card, field)
            extra, missed = got - required - also_ok, required - got
            tp, fp, fn = tp + len(got & required), fp + len(extra), fn + len(missed)
            if extra or missed:
                wrong.append(f"{name} {field}: +{sorted(extra)} -{sorted(missed)}")
    return tp, fp, fn, wrong


def f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_seed_cards_keep_the_contract():
    _, cards = seed_cards()
    for name, (text, card) in cards.items():
        assert validate_card(card, text) == [], name


def test_seed_set_fields_reach_the_f1_target():
    gold, cards = seed_cards()
    tp, fp, fn, wrong = tally(gold, cards)
    assert f1(tp, fp, fn) >= SEEDS_F1, "\n".join(wrong)


def test_seed_contacts_are_exactly_the_gold():
    gold, cards = seed_cards()
    _, _, _, wrong = tally(gold, cards, fields=("contacts",))
    assert wrong == []


@pytest.mark.parametrize("field", SCALARS)
def test_seed_scalars_are_all_exact(field):
    gold, cards = seed_cards()
    misses = {
        name: (scalar(card, field), gold[name][field])
        for name, (_, card) in cards.items()
        if scalar(card, field) != gold[name][field]
    }
    assert misses == {}


def test_other_matters_contacts_on_the_seeds_are_labelled():
    _, cards = seed_cards()
    for name, (_, card) in cards.items():
        for contact in card["contacts"]:
            if "copyright" in contact["value"].lower():
                assert contact["label"] == "copyright agent", name


def test_seed_companies_are_named_as_in_gold():
    gold, cards = seed_cards()
    assert {name: card["company"] for name, (_, card) in cards.items()} == {
        name: gold[name]["company"] for name in cards
    }
