"""The bounded text diff: right answers on ordinary edits, bounded time on hostile pairs."""

from __future__ import annotations

import time

import pytest

from summaries.textdiff import Segment, _opcodes, split_units, text_diff
from tests.summaries.policy_pairs import pair, rewritten_pair


def rebuild(diff, side: str) -> str:
    keep = {"text", "del"} if side == "old" else {"text", "ins"}
    return "".join(s.text for s in diff.segments if s.kind in keep)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("A. B. C. D.", "A. B. X. D."),
        ("A.\nB.\nC.\n", "B.\nC.\nD.\n"),
        ("Same.\nSame.\nOther.\n", "Same.\nOther.\nSame.\n"),
        ("", "Only new."),
        ("Only old.", ""),
    ],
)
def test_opcodes_cover_both_sides_in_order(old, new):
    a, b = split_units(old), split_units(new)
    ops = _opcodes(a, b, time.monotonic() + 1)
    assert [(i1, i2) for _, i1, i2, _, _ in ops] == sorted((i1, i2) for _, i1, i2, _, _ in ops)
    assert sum(i2 - i1 for _, i1, i2, _, _ in ops) == len(a)
    assert sum(j2 - j1 for _, _, _, j1, j2 in ops) == len(b)
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            assert a[i1:i2] == b[j1:j2]


def test_full_context_rebuilds_both_texts():
    old, new = pair(20_000, share=0.3)
    diff = text_diff(old, new, context=10**9, budget=10**9)
    assert rebuild(diff, "old") == old
    assert rebuild(diff, "new") == new


def test_a_one_word_change_is_shown_as_that_word():
    diff = text_diff("We keep data. We sell nothing. Contact us.", "We keep data. We sell everything. Contact us.")
    assert Segment("del", "nothing. ") in diff.segments
    assert Segment("ins", "everything. ") in diff.segments
    assert (diff.insertions, diff.deletions) == (1, 1)


def test_400k_character_pairs_are_bounded():
    for old, new in (pair(), rewritten_pair()):
        started = time.monotonic()
        diff = text_diff(old, new)
        elapsed = time.monotonic() - started
        # The search stops at 0.5 s; splitting and rendering are linear. Generous for a busy machine.
        assert elapsed < 5
        assert diff.insertions and diff.deletions
        assert sum(len(s.text) for s in diff.segments) <= 60_000


def test_a_hostile_single_line_is_not_diffed_word_by_word():
    old, new = "word " * 200_000, "word " * 199_999 + "other"
    started = time.monotonic()
    diff = text_diff(old, new)
    assert time.monotonic() - started < 5
    assert diff.truncated
