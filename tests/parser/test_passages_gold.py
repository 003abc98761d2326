"""The practice classifier against the annotated OPP-115 dev passages (read from ../shared, never copied)."""

from __future__ import annotations

import json

from summaries.parser.classify import classify_passage
from summaries.parser.practices import PRACTICES
from tests.conftest import shared_or_skip

MICRO_F1_TARGET = 0.785


def micro_f1(rows: list[dict]) -> tuple[float, dict[str, tuple[int, int, int]]]:
    per = {code: [0, 0, 0] for code in PRACTICES}  # tp, fp, fn
    for row in rows:
        predicted = set(classify_passage(row["text"])["practices"])
        gold = set(row["practices"])
        for code in predicted & gold:
            per[code][0] += 1
        for code in predicted - gold:
            per[code][1] += 1
        for code in gold - predicted:
            per[code][2] += 1
    tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
    return 2 * tp / (2 * tp + fp + fn), {code: tuple(v) for code, v in per.items()}


def test_micro_f1_on_the_opp115_dev_passages():
    path = shared_or_skip("opp115", "dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) > 1000
    score, per = micro_f1(rows)
    assert score >= MICRO_F1_TARGET, f"micro-F1 {score:.3f} < {MICRO_F1_TARGET}; per practice (tp, fp, fn): {per}"
