"""How the grade and its "not enough information" rule fall on real policies.

    .venv/bin/python bench/grade_real.py        # OTA newest versions, the seeds, OPP-115 texts
    .venv/bin/python bench/grade_real.py -v     # and a line per OPP-115 policy (else only thin or near-thin ones)

Reads the newest version of each of the 23 services in the OTA slice (../shared/ota), the five
seed policies (../shared/seeds) and, to measure only, the 65 OPP-115 dev texts. Prints a line
per OTA service and seed (grade, score, the three main sections' sizes, warnings), the grade
distribution of each set, and the fraction that gets a grade. Nothing is written; nothing of
those texts enters the repo. Sources that are absent are skipped with a line saying so.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SHARED = ROOT.parent / "shared"
SECTIONS = ("collected", "shared", "choices")
GRADES = ("A", "B", "C", "D", "E", None)


def ota_newest() -> list[tuple[str, bytes]]:
    """(service, bytes of its newest Privacy Policy version) for each service in the slice."""
    from score_ota import DOCUMENT, ota_clone

    clone = ota_clone()

    def git(*args: str) -> str:
        return subprocess.run(["git", "--git-dir", str(clone), *args], capture_output=True, text=True).stdout

    # The documents at HEAD: one per service today (a renamed or dropped document is not current).
    tree = git("ls-tree", "-r", "--name-only", "HEAD").splitlines()
    return [
        (path.removesuffix("/" + DOCUMENT), git_bytes(clone, f"HEAD:{path}"))
        for path in sorted(p for p in tree if p.endswith("/" + DOCUMENT))
    ]


def git_bytes(clone: Path, spec: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(clone), "show", spec], capture_output=True, check=True).stdout


def describe(card: dict[str, Any]) -> dict[str, Any]:
    from reviews.rubric import grade, is_thin
    from summaries.parser import Card

    typed = Card.model_validate(card)
    result = grade(typed)
    return {
        "grade": result["value"],
        "score": result["score"],
        "thin": is_thin(typed),
        "sizes": {s: len(getattr(typed, s)) for s in SECTIONS},
        "words": typed.stats.words,
        "warnings": list(typed.warnings),
        "points": [p["code"] for p in result["points"]],
    }


def near_thin(d: dict[str, Any]) -> bool:
    """Graded, but with one of the three main sections empty: one step from "not enough information"."""
    return not d["thin"] and sum(1 for n in d["sizes"].values() if n) == 2


def line(name: str, d: dict[str, Any]) -> str:
    sizes = " ".join(f"{s}={n}" for s, n in d["sizes"].items())
    letter = d["grade"] or "-"
    score = "" if d["score"] is None else f"{d['score']:+d}"
    warn = f"  warnings: {', '.join(d['warnings'])}" if d["warnings"] else ""
    return f"  {name[:34]:34} {letter} {score:>3}  {sizes}  words={d['words']}{warn}"


def distribution(label: str, results: list[dict[str, Any]]) -> str:
    counts = Counter(r["grade"] for r in results)
    graded = sum(1 for r in results if r["grade"] is not None)
    parts = " ".join(f"{g or 'none'}={counts.get(g, 0)}" for g in GRADES)
    share = graded / len(results) if results else 0.0
    return f"{label}: {len(results)} policies · {parts} · graded {graded}/{len(results)} ({share:.0%})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from score_ota import text_for

    from policies.ingest import from_text
    from summaries.parser import summarize

    lines: list[str] = []
    if (SHARED / "ota" / "contrib-privacy-slice.bundle").exists():
        print("OTA slice, newest version of each service:")
        ota = []
        for service, data in ota_newest():
            d = describe(summarize(text_for(data)))
            ota.append(d)
            print(line(service, d))
        lines.append(distribution("ota", ota))
    else:
        print("grade_real: ../shared/ota is absent, OTA skipped")

    seeds_dir = SHARED / "seeds"
    if seeds_dir.exists():
        print("Seeds:")
        seeds = []
        for path in sorted(seeds_dir.glob("*.txt")):
            d = describe(summarize(from_text(path.read_text(encoding="utf-8", errors="replace")).text))
            seeds.append(d)
            print(line(path.stem, d))
        lines.append(distribution("seeds", seeds))

    opp_dir = SHARED / "opp115" / "dev_policies" / "texts"
    if opp_dir.exists():
        opp = []
        for path in sorted(opp_dir.iterdir()):
            d = describe(summarize(from_text(path.read_text(encoding="utf-8", errors="replace")).text))
            opp.append(d)
            if args.verbose or d["thin"] or near_thin(d):
                print(line(f"opp115 {path.stem}", d) + ("  (thin)" if d["thin"] else "  (two of three)"))
        lines.append(distribution("opp115 (measure only)", opp))
        near = sum(1 for d in opp if near_thin(d))
        lines.append(f"opp115: {near} graded with exactly two of the three main sections (one step from thin)")

    for text in lines:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
