"""Card-level F1 on the 65 OPP-115 dev policies (../shared/opp115/dev_policies), in process.

Research-only data: read at run time from ../shared, never copied. Skips cleanly where it is absent.
"""

from __future__ import annotations

import json

import pytest

from policies.ingest import extract
from summaries.parser.card import summarize
from summaries.parser.validate import validate_card
from tests.conftest import shared_or_skip

OPP115_F1 = 0.80
FIELDS = ("collected", "choices", "practices")


def predicted(card: dict, field: str) -> set[str]:
    if field == "practices":
        return {p for passage in card["passages"] for p in passage["practices"]}
    key = {"collected": "type", "choices": "type"}[field]
    return {item[key] for item in card[field]}


@pytest.mark.slow
def test_opp115_card_level_f1_and_contract():
    folder = shared_or_skip("opp115", "dev_policies")
    gold = json.loads((folder / "gold.json").read_text())["policies"]
    tp = fp = fn = 0
    problems = {}
    for name in sorted(gold):
        text = extract((folder / "texts" / name).read_bytes(), name).text
        card = summarize(text)
        if found := validate_card(card, text):
            problems[name] = found[:3]
        for field in FIELDS:
            if field not in gold[name]:
                continue
            required, also_ok = set(gold[name][field]["required"]), set(gold[name][field]["also_ok"])
            got = predicted(card, field)
            tp += len(got & required)
            fp += len(got - required - also_ok)
            fn += len(required - got)
    assert problems == {}
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    score = 2 * precision * recall / (precision + recall)
    assert score >= OPP115_F1, f"OPP-115 card-level F1 {score:.3f} (P {precision:.3f}, R {recall:.3f})"
