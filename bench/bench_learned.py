"""Passage labels on OPP-115 dev passages, rules against the learned model, and the model's speed.

Run from the project root: `.venv/bin/python bench/bench_learned.py`. Reads ../shared/opp115/dev.jsonl at run time
(research-only data: nothing from it is copied or trained on). A final test, not a tuning aid: the model's settings
are chosen on the project's own held-out labels (`training/train.py`), and this script must not be used to pick them.
Targets (issue 15): micro-F1 >= 0.85, macro-F1 >= 0.80; >= 1,000 passages/s for the whole `classify_passage`
(`FINEPRINT_LEARNED_PRACTICES=1 .venv/bin/python bench/bench_classify.py` measures that; this prints the model alone).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summaries.parser import codes, learned
from summaries.parser.practices import practice_scores, rule_practices

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def f1(rows: list[tuple[set[str], set[str]]]) -> tuple[float, float, dict[str, float]]:
    per, tp_all, fp_all, fn_all = {}, 0, 0, 0
    for code in codes.PRACTICES:
        tp = sum(code in p and code in g for p, g in rows)
        fp = sum(code in p and code not in g for p, g in rows)
        fn = sum(code not in p and code in g for p, g in rows)
        per[code] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
    return 2 * tp_all / (2 * tp_all + fp_all + fn_all), sum(per.values()) / len(per), per


def main() -> None:
    path = SHARED / "opp115" / "dev.jsonl"
    model = learned.model()
    if not path.exists() or model is None:
        print("needs ../shared/opp115/dev.jsonl and the weights file")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = [(rule_practices(row["text"]), practice_scores(row["text"])) for row in rows]
    learned_rows = []
    started = time.process_time()
    for row, (labels, scores) in zip(rows, rules, strict=True):
        got = model.classify(row["text"], "", scores, labels)
        learned_rows.append((set(got), set(row["practices"])))
    model_took = time.process_time() - started
    rule_rows = [(set(labels), set(row["practices"])) for row, (labels, _scores) in zip(rows, rules, strict=True)]
    print(f"OPP-115 dev passages ({len(rows)}), used as a test only: micro / macro F1")
    for name, scored in (("rules", rule_rows), ("learned", learned_rows)):
        micro, macro, per = f1(scored)
        print(f"  {name:<8} {micro:.3f} / {macro:.3f}   " + " ".join(f"{c[:10]}={v:.2f}" for c, v in per.items()))
    per = model_took / len(rows)
    dense = "with" if model.token_logits is not None else "without"
    print(
        f"model on top of the rules ({dense} static token vectors): {per * 1e6:.0f} us per passage = "
        f"{1 / per:,.0f} passages/s (CPU: tokenising, features and weights; first pass, cold word cache)"
    )
    print(f"{learned.SETTING}={os.environ.get(learned.SETTING, learned.DEFAULT)} (the parser uses the model when 1)")


if __name__ == "__main__":
    main()
