"""Random and hostile text never crashes the parser, always gives a valid card, and the same card twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summaries.parser.card import summarize
from summaries.parser.choices import extract_choices
from summaries.parser.collected import extract_collected
from summaries.parser.shared import extract_shared
from summaries.parser.validate import validate_card

# Pieces of policy language, contacts and dates, so random texts reach the extractors' deeper paths.
FRAGMENTS = [
    "We collect your name, email address and phone number.",
    "We do not sell your personal information.",
    "We may share your data with service providers and advertisers.",
    'We do not respond to "Do Not Track" signals.',
    "not directed to children under the age of 13",
    "We retain data for 30 days",
    "as long as necessary",
    "Effective Date: May 9, 2023",
    "Last updated 06/29/2023",
    "(510) 603-7564",
    "1-833-922-7529",
    "privacy@example.com",
    "[email protected]",
    "https://example.com/opt-out",
    "24836 Avenue Rockefeller Valencia, Ca 91355",
    "P.O. Box 12, Austin, TX 78701",
    "You may opt out of cookies in your browser.",
    "Copyright Agent",
    "PRIVACY POLICY",
    "Contact Us",
    "(“we,” “us,” or “our”)",
    "At ",
    " dba ",
    "\n",
    "\n\n",
    ". ",
    "@",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "سياسة الخصوصية",
    "🙂🍫",
    "\x00\x07\x1b",
    "İ",  # grows when lower-cased
    "\ufeff",
]

policy_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=60).map("".join)


def check(text: str) -> dict:
    card = summarize(text)
    assert validate_card(card, text) == []
    assert not [w for w in card["warnings"] if "extraction failed" in w], card["warnings"]
    again = summarize(text)
    assert json.dumps(card, sort_keys=True) == json.dumps(again, sort_keys=True)
    return card


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policy_like)
def test_policy_like_random_text(text):
    check(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "privacy " + "a" * 300_000,
        "We collect data. " + "x" * 200_000 + " (510) 603-7564 " + "@" * 50_000,
        "!?.,;:-–—()[]{}<>/\\|\"'`~#$%^&*_+=" * 2_000,
        "privacy\x00\x01\x02\x03\x1b[31m\x7f cookies \x0c\x0b" * 500,
        "\u202eyciloP ycavirP\u202c نحن نجمع بياناتك privacy cookies " * 400,
        "🙂🍫🔒 privacy cookies 👶 under 13 " * 1_000,
        "\n" * 10_000,
        "Privacy Policy" + "\n" * 10_000 + "We collect cookies.",
        "privacy " + "1-800-555-0199 " * 5_000,
        "privacy " + "a@b.co " * 5_000,
        "privacy " + "Effective Date: May 9, 2023 " * 3_000,
        "privacy " + "123 Main Street " * 5_000 + "Springfield, IL 62701",
        "privacy " + "https://" * 5_000,
        "Do Not Track " * 5_000,
        "under the age of 13 children " * 5_000,
        "privacy " + ("(" * 5_000) + (")" * 5_000),
    ],
    ids=lambda text: repr(text[:24]),
)
def test_hostile_inputs(text):
    check(text)


@pytest.mark.slow
def test_a_five_megabyte_policy_completes():
    paragraph = (
        "Information We Collect\nWe collect your name, email address and purchase history when you shop with us. "
        "We share it with service providers who deliver orders. We do not sell personal information. "
        "You can opt out of marketing emails at any time. Questions? Call (510) 555-0134.\n\n"
    )
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(text) >= 5_000_000
    card = summarize(text)
    assert validate_card(card, text) == []
    assert card["stats"]["words"] == len(text.split())
    assert [c["normalized"] for c in card["contacts"]] == ["+15105550134"]


def test_cards_do_not_depend_on_the_hash_seed():
    # Sets iterate in a per-process order; a card built from one would differ between workers.
    script = (
        "import json, sys\n"
        "from summaries.parser import summarize\n"
        "print(json.dumps(summarize(sys.stdin.read()), sort_keys=True))\n"
    )
    text = " ".join(FRAGMENTS[:20]) + "\n\nContact Us\nEmail privacy@example.com or call (510) 603-7564."
    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], input=text, capture_output=True, text=True, cwd=root, env=env, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["contacts"]


def test_cards_built_in_parallel_threads_match_serial_ones():
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        " ".join(FRAGMENTS[i : i + 12]) + f"\nContact Us\nCall (510) 603-75{60 + i} or email team{i}@example.com."
        for i in range(8)
    ]
    serial = [json.dumps(summarize(t), sort_keys=True) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda t: json.dumps(summarize(t), sort_keys=True), texts * 3))
    assert parallel == serial * 3


@pytest.mark.parametrize("text", ["We do not sell your personal information.İİU", "İ" * 50 + " we collect your name"])
def test_letters_that_grow_when_lower_cased_do_not_shift_offsets(text):
    # "İ" lower-cases to two characters; positions found in lowered text must still fit the original.
    for extract in (extract_collected, extract_choices, extract_shared):
        extract(text, [])
    check(text)
