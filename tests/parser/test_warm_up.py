"""`warm_up` pays the parser's one-off costs up front, and changes no card.

Each check runs in a fresh interpreter: what is already loaded in the test process would hide a cost.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Written for this test (not from a real policy): letters beyond ASCII and curly quotes, as most real policies
# have, and sections the warm-up policy also has, worded differently.
POLICY = """Datenschutz – Privacy Notice
Effective 3 March 2025

What we gather
When you register, Müller GmbH (“we”) collects your full name, e-mail address and date of birth. Our servers log
your device’s IP address and browser type; we place cookies and pixels.

Disclosure
We disclose data to our payment processor and to advertising partners. We don’t rent or sell customer data.

Rights
You may request access to or erasure of your data, or withdraw consent, by writing to datenschutz@example.de.
We retain records for 6 years. Children under 16 may not use the service. Data is encrypted in transit.
"""

_CHILD = """
import json, sys
sys.path.insert(0, {root!r})
import summaries.parser as parser
from summaries.parser import prefix_scan, stats
if {warm}:
    parser.warm_up()
forms = len(prefix_scan._FORMS)
loaded = stats._hyphenator.cache_info().currsize
card = parser.summarize({policy!r})
labels = parser.classify_passage({policy!r}.split("\\n\\n")[2])
print(json.dumps({{"forms_before": forms, "forms_after": len(prefix_scan._FORMS), "hyphenator": loaded,
                  "card": card, "labels": labels}}))
"""


def _run(warm: bool) -> dict:
    code = _CHILD.format(root=str(ROOT), warm=warm, policy=POLICY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def test_warm_up_builds_what_the_first_card_would():
    warm = _run(warm=True)
    assert warm["hyphenator"] == 1  # the hyphenation dictionary is read before the first card
    assert warm["forms_before"] > 0
    assert warm["forms_after"] == warm["forms_before"]  # the card compiled no RE2 form of its own


def test_warm_up_changes_no_card():
    cold, warm = _run(warm=False), _run(warm=True)
    assert cold["forms_after"] > cold["forms_before"]  # without it, the first card pays (the test above means it)
    assert warm["card"] == cold["card"]
    assert warm["labels"] == cold["labels"]
