"""The training examples: ToS;DR points, OTA paragraphs under telling headings, and the project's own labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summaries.parser import codes
from training import ota
from training.headings import section_label
from training.tosdr_cases import practices_for_case

LABELS = Path(__file__).resolve().parent / "labels" / "ota-practices.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    heading: str  # given to the model as a feature; empty where the label was read off the heading
    practices: tuple[str, ...]
    weight: float
    source: str  # "tosdr", "ota-heading" or "own"
    group: str  # the service: splits are by policy, never by paragraph


def tosdr_examples(path: Path, weight: float = 1.0) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        point = json.loads(line)
        practices = practices_for_case(point.get("case"))
        quote = " ".join(str(point.get("quote") or "").split())
        if practices and len(quote) >= 20:
            out.append(Example(quote, "", practices, weight, "tosdr", "tosdr:" + str(point.get("service"))))
    return out


def heading_examples(paragraphs: list[ota.Paragraph], skip: set[str], weight: float) -> list[Example]:
    """Paragraphs labelled by their section heading; the heading itself is kept from the model (it is the label)."""
    out = []
    for p in paragraphs:
        label = section_label(p.heading, p.outer)
        if label is not None and p.key not in skip:
            out.append(Example(p.text, "", (label,), weight, "ota-heading", p.service))
    return out


def read_labels(path: Path = LABELS) -> list[dict]:
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        unknown = set(row["practices"]) - set(codes.PRACTICES)
        if unknown or not row["practices"]:
            raise ValueError(f"{row['service']}:{row['start']}: bad practices {row['practices']}")
    return rows


def own_examples(repo: Path, rows: list[dict], weight: float) -> list[Example]:
    """The project's own labels, their paragraphs read back from the OTA clone by commit and offsets."""
    out, files = [], {}
    for row in rows:
        key = (row["commit"], row["service"])
        if key not in files:
            files[key] = ota.read(repo, row["commit"], row["service"])
        found = [
            p
            for p in ota.paragraphs(files[key], row["service"], row["commit"], row["date"])
            if p.start == row["start"] and p.end == row["end"]
        ]
        if not found or found[0].digest != row["digest"]:
            raise ValueError(f"label {row['service']}:{row['start']}-{row['end']} no longer points at its paragraph")
        p = found[0]
        out.append(Example(p.text, p.heading, tuple(row["practices"]), weight, "own", p.service))
    return out


def label_key(row: dict) -> str:
    return f"{row['service']}@{row['commit'][:12]}:{row['start']}-{row['end']}"
