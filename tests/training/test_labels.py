"""The project's own OTA paragraph labels: references only, valid codes, and they still point at their paragraphs."""

from __future__ import annotations

import json
import subprocess

from summaries.parser import codes
from tests.conftest import shared_or_skip
from training import data

FIELDS = {"service", "commit", "date", "start", "end", "digest", "practices"}


def test_labels_hold_references_and_contract_codes_but_no_text():
    rows = data.read_labels()
    assert len(rows) >= 2000
    for row in rows:
        assert set(row) == FIELDS
        assert set(row["practices"]) <= set(codes.PRACTICES) and row["practices"]
        assert len(row["commit"]) == 40 and len(row["digest"]) == 16 and 0 <= row["start"] < row["end"]
    assert len({data.label_key(r) for r in rows}) == len(rows)
    assert "quote" not in data.LABELS.read_text() and "text" not in json.loads(data.LABELS.read_text().splitlines()[0])


def test_labels_resolve_to_their_paragraphs_in_the_ota_bundle(tmp_path):
    bundle = shared_or_skip("ota", "contrib-privacy-slice.bundle")
    clone = tmp_path / "ota"
    subprocess.run(["git", "clone", "-q", str(bundle), str(clone)], check=True)
    rows = data.read_labels()[::25]
    examples = data.own_examples(clone, rows, weight=1.0)
    assert [tuple(r["practices"]) for r in rows] == [ex.practices for ex in examples]
