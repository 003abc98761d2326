"""Choose feature settings on the own labels, 5-fold by service: never on OPP-115.

    nice -n 10 .venv/bin/python -m training.crossval --ota /tmp/ota [--configs base,sif] [--out /tmp/cv.json]

Each fold holds out a fifth of the 21 services with own labels (sorted by name, every fifth one) and a fifth of the
ToS;DR services (CRC-32 of the service); the model is trained on everything else (ToS;DR points, OTA paragraphs
under telling headings, own labels with and without heading, as `train.build` does) and judged out of fold:
own labels **without** their heading (as `classify_passages` reads a passage) and ToS;DR points, micro / macro F1
at the fixed threshold 0.5. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

import numpy as np

from training import data, ota, train

FOLDS = 5


def fold_of(ex: data.Example, services: list[str]) -> int:
    if ex.source == "tosdr":
        return zlib.crc32(ex.group.encode()) % FOLDS
    return services.index(ex.group) % FOLDS if ex.group in services else -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, required=True)
    parser.add_argument("--tosdr", type=Path, default=train.SHARED / "tosdr" / "points.jsonl")
    parser.add_argument("--every", type=int, default=40)
    parser.add_argument("--configs", default=",".join(train.CONFIGS))
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--heading-weight", type=float, default=0.3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    paragraphs = ota.corpus(args.ota, every=args.every)
    rows = data.read_labels()
    labelled = {data.label_key(r) for r in rows}
    tosdr = data.tosdr_examples(args.tosdr)
    own = data.own_examples(args.ota, rows, weight=3.0)
    services = sorted({ex.group for ex in own})
    pool = [*tosdr, *data.heading_examples(paragraphs, labelled, args.heading_weight), *train.headless(own)]
    folds = np.array([fold_of(ex, services) for ex in pool])
    # Heading-labelled paragraphs of a held-out service are left out of training with it.
    folds_heading = np.array([services.index(ex.group) % FOLDS if ex.group in services else -1 for ex in pool])
    folds = np.where(np.array([ex.source == "ota-heading" for ex in pool]), folds_heading, folds)
    judged_own = np.array([ex.source == "own" and not ex.heading for ex in pool])
    judged_tosdr = np.array([ex.source == "tosdr" for ex in pool])
    y = train.targets(pool)
    weights = np.array([ex.weight for ex in pool])
    feats = train.Features.of(pool, train.corpus_counts(paragraphs, tosdr))
    results = {}
    for name in args.configs.split(","):
        config = train.CONFIGS[name]
        x = feats.matrix(config, fit_rows=np.ones(len(pool), dtype=bool))
        p = np.zeros(y.shape)
        for k in range(FOLDS):
            held = folds == k
            coef, bias = train.fit(x[~held], y[~held], weights[~held], args.c)
            p[held] = train.probabilities(x[held], coef, bias)
        half = np.full(len(train.PRACTICES), 0.5)
        out = {}
        for label, mask in (("own_no_heading", judged_own), ("tosdr", judged_tosdr)):
            micro, macro, per = train.f1s(train.decide(p[mask], half), y[mask])
            out[label] = {"micro": round(micro, 3), "macro": round(macro, 3)} | {
                c: round(f, 3) for c, f in zip(train.PRACTICES, per, strict=True)
            }
        results[name] = out
        print(
            f"{name}: own {out['own_no_heading']['micro']:.3f}/{out['own_no_heading']['macro']:.3f}"
            f"  tosdr {out['tosdr']['micro']:.3f}/{out['tosdr']['macro']:.3f}",
            file=sys.stderr,
            flush=True,
        )
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
