"""Pick OTA paragraphs worth labelling by hand: where the rules and the model disagree, rare practices oversampled.

    .venv/bin/python -m training.candidates --ota /tmp/ota --weights W.npz --out /tmp/candidates.jsonl [--n 2000]
        [--every 1 --rare-only]

Writes the paragraphs *with their text* to a file outside the project, for reading; only the labels given to them
(with service, commit and offsets) come back into the project (`training/labels/`).

By default only the newest version of each policy is read (how the first 2,060 labels were chosen). With `--every N`
older versions are read too (every N-th, `ota.corpus`), and a paragraph that is a near copy of one already labelled
or already picked from the same service (word-trigram Jaccard >= `--near`) is skipped, so the older versions give
differently worded paragraphs rather than the same one again. `--rare-only` keeps only paragraphs where the rules or
the model name one of `TARGET` (the practices with the fewest own labels).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from summaries.parser import learned
from summaries.parser.practices import practice_scores, rule_practices
from training import data, ota

RARE = ("do_not_track", "specific_audiences", "data_security", "data_retention", "policy_change", "user_access")
# The practices with the fewest own labels (2026-12-06: 5, 32, 93, 102 of 2,060), and international/audiences.
TARGET = ("do_not_track", "policy_change", "data_security", "data_retention", "specific_audiences")


def shingles(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1)))


def near(a: frozenset[str], b: frozenset[str], limit: float) -> bool:
    return bool(a) and bool(b) and len(a & b) >= limit * len(a | b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, required=True)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--every", type=int, default=0, help="also read every N-th older version (0: newest only)")
    parser.add_argument("--rare-only", action="store_true", help="only paragraphs the rules or model give a TARGET")
    parser.add_argument("--near", type=float, default=0.6, help="near-copy threshold (only with --every)")
    args = parser.parse_args()
    model = learned.Model(args.weights)
    rows_done = data.read_labels()
    done = {data.label_key(r) for r in rows_done}
    scored = []
    corpus = ota.corpus(args.ota, every=args.every)
    for p in corpus:
        if p.key in done:
            continue
        rules = rule_practices(p.text, p.heading)
        mine = model.labels(
            learned.hashed(p.text, p.heading), learned.rule_features(practice_scores(p.text, p.heading), rules)
        )
        named = set(rules) | set(mine)
        if args.rare_only and not set(TARGET) & named:
            continue
        disagree = set(rules) != set(mine)
        rare = bool(set(RARE) & named)
        scored.append((2 * disagree + rare, p, rules, mine))
    random.Random(15).shuffle(scored)
    scored.sort(key=lambda row: -row[0])
    if args.every:
        by_key = {p.key: p for p in corpus}
        kept: dict[str, list[frozenset[str]]] = {}
        for r in rows_done:
            labelled = by_key.get(data.label_key(r))
            if labelled is not None:
                kept.setdefault(labelled.service, []).append(shingles(labelled.text))
        picked = []
        for row in scored:
            mine_sh = shingles(row[1].text)
            others = kept.setdefault(row[1].service, [])
            if any(near(mine_sh, other, args.near) for other in others):
                continue
            others.append(mine_sh)
            picked.append(row)
        scored = picked
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
