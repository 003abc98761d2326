"""Pick OTA paragraphs worth labelling by hand: where the rules and the model disagree, rare practices oversampled.

    .venv/bin/python -m training.candidates --ota /tmp/ota --weights W.npz --out /tmp/candidates.jsonl [--n 2000]

Writes the paragraphs *with their text* to a file outside the project, for reading; only the labels given to them
(with service, commit and offsets) come back into the project (`training/labels/`).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from summaries.parser import learned
from summaries.parser.practices import practice_scores, rule_practices
from training import data, ota

RARE = ("do_not_track", "specific_audiences", "data_security", "data_retention", "policy_change", "user_access")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, required=True)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    model = learned.Model(args.weights)
    done = {data.label_key(r) for r in data.read_labels()}
    scored = []
    for p in ota.corpus(args.ota):
        if p.key in done:
            continue
        rules = rule_practices(p.text, p.heading)
        mine = model.labels(
            learned.hashed(p.text, p.heading), learned.rule_features(practice_scores(p.text, p.heading), rules)
        )
        disagree = set(rules) != set(mine)
        rare = bool(set(RARE) & (set(rules) | set(mine)))
        scored.append((2 * disagree + rare, p, rules, mine))
    random.Random(15).shuffle(scored)
    scored.sort(key=lambda row: -row[0])
    with args.out.open("w", encoding="utf-8") as out:
        for priority, p, rules, mine in scored[: args.n]:
            row = {
                "key": p.key,
                "service": p.service,
                "commit": p.commit,
                "date": p.date,
                "start": p.start,
                "end": p.end,
                "digest": p.digest,
                "heading": p.heading,
                "text": p.text,
                "rules": rules,
                "model": mine,
                "priority": priority,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
