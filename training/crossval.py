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
from scipy import sparse

from training import data, ota, train
from training.teacher import vectors

FOLDS = 5


def fold_of(ex: data.Example, services: list[str]) -> int:
    if ex.source == "tosdr":
        return zlib.crc32(ex.group.encode()) % FOLDS
    return services.index(ex.group) % FOLDS if ex.group in services else -1


def student_probabilities(args, name, pool, feats, folds, trainable, y, weights, paragraphs, services) -> np.ndarray:
    """Out-of-fold probabilities with a linear student of the teacher (`teacher.fit_student`) as extra features.

    `studentSCALE-ALPHA-DIMS`, e.g. `student1-1-64`: the teacher's vectors are reduced by PCA to DIMS, the student is
    fitted per fold on the unlabelled texts of the training services only (every OTA version of them and the ToS;DR
    quotes of the training ToS;DR services), then its standardised output is appended at length SCALE.
    """
    from training import teacher as teach

    scale, alpha, dims = (float(v) for v in name.removeprefix("student").split("-"))
    vecs = teach.vectors(args.teacher)
    unlabelled = ota.corpus(args.ota, every=1)
    u_texts = [q.text for q in unlabelled] + [ex.text for ex in pool if ex.source == "tosdr"]
    u_fold = [services.index(q.service) % FOLDS if q.service in services else -1 for q in unlabelled]
    u_fold += [zlib.crc32(ex.group.encode()) % FOLDS for ex in pool if ex.source == "tosdr"]
    u_fold = np.array(u_fold)
    u_words = teach.hashed_rows(u_texts)
    targets = np.array([vecs[teach.text_key(t)] for t in u_texts], dtype=np.float64)
    centred = targets - targets.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    targets = centred @ vt[: int(dims)].T
    p = np.zeros(y.shape)
    for k in range(FOLDS):
        w, b = teach.fit_student(u_words[u_fold != k], targets[u_fold != k], alpha)
        dense = feats.words @ w + b
        fit = (folds != k) & trainable
        mean, std = dense[fit].mean(axis=0), dense[fit].std(axis=0) + 1e-6
        block = (dense - mean) * (scale / (std * np.sqrt(dense.shape[1])))
        x = sparse.hstack([feats.words, sparse.csr_matrix(feats.rules), sparse.csr_matrix(block)], format="csr")
        coef, bias = train.fit(x[fit], y[fit], weights[fit], args.c)
        p[folds == k] = train.probabilities(x[folds == k], coef, bias)
        print(f"  {name} fold {k} done", file=sys.stderr, flush=True)
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ota", type=Path, required=True)
    parser.add_argument("--tosdr", type=Path, default=train.SHARED / "tosdr" / "points.jsonl")
    parser.add_argument("--every", type=int, default=40)
    parser.add_argument("--configs", default=",".join(train.CONFIGS))
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--heading-weight", type=float, default=0.3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--teacher", type=Path, help="sentence vectors for the teacher configs (training/teacher.py)")
    parser.add_argument("--train-labels", type=Path, help="train on only these own labels (all are still judged)")
    parser.add_argument("--subset", type=Path, help="also report the own labels of this file apart")
    args = parser.parse_args()
    paragraphs = ota.corpus(args.ota, every=args.every)
    rows = data.read_labels()
    labelled = {data.label_key(r) for r in rows}
    tosdr = data.tosdr_examples(args.tosdr)
    own = data.own_examples(args.ota, rows, weight=3.0)
    services = sorted({ex.group for ex in own})
    trained = {data.label_key(r) for r in data.read_labels(args.train_labels)} if args.train_labels else labelled
    subset = {data.label_key(r) for r in data.read_labels(args.subset)} if args.subset else set()
    own_pool, own_keys = [], []
    for row, ex in zip(rows, own, strict=True):
        copies = train.headless([ex])
        own_pool += copies
        own_keys += [data.label_key(row)] * len(copies)
    pool = [*tosdr, *data.heading_examples(paragraphs, labelled, args.heading_weight), *own_pool]
    pool_keys = [""] * (len(pool) - len(own_pool)) + own_keys
    trainable = np.array([not k or k in trained for k in pool_keys])
    folds = np.array([fold_of(ex, services) for ex in pool])
    # Heading-labelled paragraphs of a held-out service are left out of training with it.
    folds_heading = np.array([services.index(ex.group) % FOLDS if ex.group in services else -1 for ex in pool])
    folds = np.where(np.array([ex.source == "ota-heading" for ex in pool]), folds_heading, folds)
    judged_own = np.array([ex.source == "own" and not ex.heading for ex in pool])
    judged_tosdr = np.array([ex.source == "tosdr" for ex in pool])
    y = train.targets(pool)
    weights = np.array([ex.weight for ex in pool])
    names = args.configs.split(",")
    token_configs = any(n in train.CONFIGS and train.CONFIGS[n].dense in ("mean", "sif") for n in names)
    counts = train.corpus_counts(paragraphs, tosdr) if token_configs else np.zeros(1)
    teacher = vectors(args.teacher) if args.teacher else None
    feats = train.Features.of(pool, counts, teacher)
    results = {}
    for name in names:
        p = np.zeros(y.shape)
        if name.startswith("student"):
            p = student_probabilities(args, name, pool, feats, folds, trainable, y, weights, paragraphs, services)
        else:
            config = train.CONFIGS[name]
            x = feats.matrix(config, fit_rows=np.ones(len(pool), dtype=bool))
            for k in range(FOLDS):
                held = folds == k
                fit = ~held & trainable
                coef, bias = train.fit(x[fit], y[fit], weights[fit], args.c)
                p[held] = train.probabilities(x[held], coef, bias)
        half = np.full(len(train.PRACTICES), 0.5)
        out = {}
        judged = [("own_no_heading", judged_own), ("tosdr", judged_tosdr)]
        if subset:
            in_subset = np.array([k in subset for k in pool_keys])
            judged += [("own_subset", judged_own & in_subset), ("own_rest", judged_own & ~in_subset)]
        for label, mask in judged:
            micro, macro, per = train.f1s(train.decide(p[mask], half), y[mask])
            out[label] = {"micro": round(micro, 3), "macro": round(macro, 3)} | {
                c: round(f, 3) for c, f in zip(train.PRACTICES, per, strict=True)
            }
        results[name] = out
        print(
            f"{name}: "
            + "  ".join(f"{label} {out[label]['micro']:.3f}/{out[label]['macro']:.3f}" for label, _ in judged),
            file=sys.stderr,
            flush=True,
        )
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
