"""Card F1 on the OPP-115 dev policies, split policy by policy into halves, to tell a general rule from a fitted one.

    .venv/bin/python bench/split_opp115.py          # two fixed halves, all policies, and 200 random halves
    .venv/bin/python bench/split_opp115.py -v       # and each field per half

A rule justified by how policies are written should move both fixed halves the same way; one
that helps only the half it was looked at on is fitted. The fixed halves are by a hash of the
policy's file name, so they do not change as rules change. The random halves (seeded) give the
spread: their minimum and 5th percentile are the figures to watch. Scored as
`../shared/eval/score.py --only opp115` scores (micro F1 over the fields the gold has: collected,
choices, contacts and passage practices; OPP-115's gold has no recipients, so a sharing rule is
judged on the OTA gold alone), by calling the parser in process. Reads OPP-115 at run time only;
nothing of it enters the repo. Skips with a line when `../shared` is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
POLICIES = SHARED / "opp115" / "dev_policies"
FIELDS = ("collected", "shared", "choices", "contacts", "practices")


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts() -> dict[str, dict[str, tuple[int, int, int]]]:
    """name -> field -> (true positives, false positives, misses), as score.py counts them."""
    from policies.ingest import extract
    from summaries.parser import summarize

    score = _score_module()
    gold = json.loads((POLICIES / "gold.json").read_text())["policies"]
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    for name in sorted(gold):
        path = POLICIES / "texts" / name
        card = summarize(extract(path.read_bytes(), path.name).text)
        out[name] = {}
        for fld in FIELDS:
            if fld not in gold[name]:
                continue
            required, also_ok = set(gold[name][fld]["required"]), set(gold[name][fld]["also_ok"])
            if fld == "contacts":
                required = {score.contact_key(v) for v in required}
                also_ok = {score.contact_key(v) for v in also_ok}
            got = score.predicted_set(card, fld)
            out[name][fld] = (len(got & required), len(got - required - also_ok), len(required - got))
    return out


def f1(per: dict[str, dict[str, tuple[int, int, int]]], names: list[str], fld: str | None = None) -> float:
    tp = fp = fn = 0
    for name in names:
        for field, (a, b, c) in per[name].items():
            if fld is None or field == fld:
                tp, fp, fn = tp + a, fp + b, fn + c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def halves(names: list[str]) -> tuple[list[str], list[str]]:
    first = [n for n in names if hashlib.sha256(n.encode()).digest()[0] % 2 == 0]
    return first, [n for n in names if n not in first]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="each field per half")
    args = parser.parse_args()
    if not (POLICIES / "gold.json").exists():
        print(f"split_opp115: skipped, {POLICIES} is absent")
        return 0
    per = counts()
    names = sorted(per)
    a, b = halves(names)
    rng = random.Random(115)
    spread = sorted(f1(per, rng.sample(names, len(names) // 2)) for _ in range(200))
    if args.verbose:
        for fld in FIELDS:
            if not any(fld in per[n] for n in names):
                continue  # not in this gold
            print(f"  {fld:<10} A {f1(per, a, fld):.4f}  B {f1(per, b, fld):.4f}  all {f1(per, names, fld):.4f}")
    print(
        f"split_opp115: half_A({len(a)}) {f1(per, a):.4f} · half_B({len(b)}) {f1(per, b):.4f} · "
        f"all {f1(per, names):.4f} · random halves min {spread[0]:.4f} p5 {spread[10]:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
