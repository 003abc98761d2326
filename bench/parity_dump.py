"""Dump every card and passage label the parser gives on the real texts, to diff before and after a change.

    .venv/bin/python bench/parity_dump.py /tmp/before.jsonl     # on main
    .venv/bin/python bench/parity_dump.py /tmp/after.jsonl      # on the branch
    cmp /tmp/before.jsonl /tmp/after.jsonl

Texts: the seed policies, every OPP-115 dev policy, up to ten versions of each OTA service (oldest and
newest among them) and the bench policies; labels: `classify_passage` on every OPP-115 dev passage. The dump holds text
read from ../shared, so write it outside the repository (the script refuses a path inside it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SHARED = ROOT.parent / "shared"


def ota_versions(per_service: int = 10) -> list[tuple[str, str]]:
    """(name, normalised text) of up to `per_service` versions of each OTA service, oldest and newest among them."""
    from score_ota import DOCUMENT, ota_clone

    from policies.ingest import extract

    git = ["git", "--git-dir", str(ota_clone())]
    log = subprocess.run([*git, "log", "--format=%H", "--name-only"], capture_output=True, text=True, check=True)
    commits: dict[str, list[str]] = {}
    commit = ""
    for line in log.stdout.splitlines():
        if len(line) == 40 and " " not in line:
            commit = line
        elif line.endswith("/" + DOCUMENT):
            commits.setdefault(line.removesuffix("/" + DOCUMENT), []).append(commit)  # newest first
    out = []
    for service, found in sorted(commits.items()):
        step = max(1, (len(found) - 1) / max(1, per_service - 1))
        for which in dict.fromkeys(found[min(len(found) - 1, round(i * step))] for i in range(per_service)):
            shown = subprocess.run([*git, "show", f"{which}:{service}/{DOCUMENT}"], capture_output=True)
            if shown.returncode == 0:
                out.append((f"ota {service} {which[:10]}", extract(shown.stdout, "policy.md").text))
    return out


def texts() -> list[tuple[str, str]]:
    from bench_parser import make_policy

    from policies.ingest import extract

    out = [(f"bench {words} {salt}", make_policy(words, salt)) for words in (300, 2500) for salt in range(3)]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        out.append((f"seed {path.name}", extract(path.read_bytes(), path.name).text))
    for path in sorted((SHARED / "opp115" / "dev_policies" / "texts").glob("*.txt")):
        out.append((f"opp115 {path.name}", extract(path.read_bytes(), path.name).text))
    return out + ota_versions()


def main() -> int:
    target = Path(sys.argv[1]).resolve()
    if target.is_relative_to(ROOT):
        raise SystemExit("parity_dump: write the dump outside the repository (it holds policy text)")
    from summaries.parser.card import summarize
    from summaries.parser.classify import classify_passage

    count = 0
    with target.open("w", encoding="utf-8") as out:
        for name, text in texts():
            card = summarize(text)
            out.write(json.dumps({"name": name, "card": card}, sort_keys=True) + "\n")
            count += 1
        passages = SHARED / "opp115" / "dev.jsonl"
        for line in passages.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out.write(json.dumps({"passage": item["id"], "labels": classify_passage(item["text"])}) + "\n")
    print(f"parity_dump: {count} cards and the OPP-115 passage labels written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
