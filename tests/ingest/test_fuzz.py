"""Seeded fuzzing of the sandboxed extractor: mutated PDFs, DOCX files and HTML pages.

Every mutant must come back as text or as an IngestError (never another exception), and within
the sandbox's wall limit. The mutations are seeded, so a failure names a reproducible input;
FUZZ_MUTANTS raises the count per format for a longer run (CI runs the default).
"""

from __future__ import annotations

import os
import random
import time

import pytest

from policies.ingest import IngestError
from policies.sandbox import Limits, extract_untrusted
from tests.ingest.documents import docx_bytes, pdf_bytes

MUTANTS = int(os.environ.get("FUZZ_MUTANTS", "25"))
LIMITS = Limits(wall_seconds=10, cpu_seconds=10)
SLACK_SECONDS = 5

_LINES = ["Privacy Policy", "We collect your name and e-mail address.", "Contact privacy@shop.example."]


def _seeds() -> dict[str, bytes]:
    def build(document):
        document.add_heading("Privacy Policy", 1)
        for line in _LINES[1:]:
            document.add_paragraph(line, style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Data"
        table.cell(0, 1).text = "Purpose"

    html = (
        b"<html><head><meta charset='utf-8'><title>Privacy</title></head><body><nav><a href='/cart'>Cart</a></nav>"
        b"<main><h1>Privacy Policy</h1><p>We collect your name.</p><ul><li>E-mail</li><li>Phone</li></ul>"
        b"<table><tr><td>Data</td><td>Purpose</td></tr></table></main><div class='cookie-banner'>Accept</div>"
        b"</body></html>"
    )
    return {"pdf": pdf_bytes([_LINES, _LINES[::-1]]), "docx": docx_bytes(build), "html": html}


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(6)
        at = rng.randrange(len(out)) if out else 0
        if kind == 0 and out:  # flip bits
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:  # insert random bytes
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif kind == 2:  # delete a run
            del out[at : at + rng.randint(1, 64)]
        elif kind == 3 and out:  # duplicate a chunk many times (nesting, repetition)
            chunk = bytes(out[at : at + rng.randint(1, 32)])
            out[at:at] = chunk * rng.randint(2, 2000)
        elif kind == 4:  # truncate
            del out[rng.randrange(len(out) + 1) :]
        elif kind == 5 and out:  # interesting values
            out[at : at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"9999", b"-1 0", b"<<<<"])
    return bytes(out)


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_mutants_end_as_text_or_a_plain_refusal_within_the_limits(kind):
    seed = _seeds()[kind]
    rng = random.Random(f"fineprint-fuzz-{kind}")
    outcomes = {"text": 0, "refused": 0}
    for index in range(MUTANTS):
        mutant = mutate(seed, rng)
        started = time.monotonic()
        try:
            extract_untrusted(mutant, f"fuzz.{kind}", limits=LIMITS)
            outcomes["text"] += 1
        except IngestError:
            outcomes["refused"] += 1
        elapsed = time.monotonic() - started
        assert elapsed < LIMITS.wall_seconds + SLACK_SECONDS, f"mutant {index} of {kind} took {elapsed:.1f} s"
    assert sum(outcomes.values()) == MUTANTS
