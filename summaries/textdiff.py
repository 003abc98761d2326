"""A readable text diff of two policy versions, with a bounded cost whatever the texts.

The texts are cut into units a reader notices changing (lines, then sentences); each distinct
unit becomes one character, and Google's diff-match-patch (Myers' O(ND) diff with common prefix
and suffix trimming) compares the two unit strings. Its `Diff_Timeout` bounds the search: past
it, the rest is reported as removed-and-added instead of searched further, so two rewritten
400,000-character policies cost a fraction of a second rather than minutes of `difflib`.
Sentences replaced one for one are then diffed word by word, the same way and under the same
overall deadline. No Django imports: the pages cache the result per version pair.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from summaries.parser.sentences import loose_pieces

# Bump when the output for the same pair of texts changes, so cached diffs are recomputed.
ALGORITHM = "dmp-1"

# The whole diff (units, then words) gets this long; each word diff gets what is left.
DEADLINE_SECONDS = 0.5
# A "sentence" longer than this (a page with no punctuation) is shown whole, not word by word.
WORD_DIFF_MAX_CHARS = 3000
# Each distinct unit becomes one character; beyond this many (never seen in a policy) the
# remaining units are shown as plain removals and additions.
MAX_DISTINCT_UNITS = 500_000

_WORD = re.compile(r"\S+\s*")
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class Segment:
    """A piece of text to show: plain, highlighted, inserted or deleted."""

    kind: str  # "text" | "mark" | "ins" | "del" | "gap"
    text: str


@dataclass(frozen=True)
class TextDiff:
    segments: list[Segment]
    insertions: int
    deletions: int
    truncated: bool


# Each inserted or deleted piece costs about this much markup on the page (tags and the
# hidden "[added: …]" words for screen readers), counted against the page-size budget.
MARKUP_COST = 90


def split_units(text: str) -> list[str]:
    """Lines, then sentences: the units a reader notices changing. Each keeps its trailing space."""
    units: list[str] = []
    for line in text.splitlines(keepends=True):
        pieces = loose_pieces(line.rstrip("\n"))
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            units.append(piece + ("\n" if last and line.endswith("\n") else "" if last else " "))
    return units


def _as_chars(a: list[str], b: list[str]) -> tuple[str, str]:
    """Each distinct unit as one character (skipping surrogates), the same unit the same character."""
    codes: dict[str, str] = {}

    def encode(units: list[str], spare: str) -> str:
        out = []
        for unit in units:
            char = codes.get(unit)
            if char is None:
                index = len(codes) + 1
                if index >= MAX_DISTINCT_UNITS:
                    out.append(spare)  # "some other unit": equal to nothing on the other side
                    continue
                char = chr(index + len(_SURROGATES) if index >= _SURROGATES.start else index)
                codes[unit] = char
            out.append(char)
        return "".join(out)

    return encode(a, "\U0010ffff"), encode(b, "\U0010fffe")


def _opcodes(a: list[str], b: list[str], deadline: float) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (equal / replace / delete / insert) between two unit lists.

    Patience first: units found exactly once on each side, kept in the longest run that is in
    the same order on both sides, pin the texts together; only the stretches between those
    anchors are searched with Myers' algorithm. Policies are mostly unique sentences, so the
    stretches are short and a deadline hit coarsens one stretch, not the whole diff.
    """
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for anchor_i, anchor_j in [*_anchors(a, b), (len(a), len(b))]:
        ops.extend(_myers(a[i:anchor_i], b[j:anchor_j], i, j, deadline))
        if anchor_i < len(a):
            ops.append(("equal", anchor_i, anchor_i + 1, anchor_j, anchor_j + 1))
        i, j = anchor_i + 1, anchor_j + 1
    return _merged(ops)


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """(i, j) of units unique on both sides, the longest increasing run of them (patience sorting)."""
    seen_a: dict[str, int] = {}
    for index, unit in enumerate(a):
        seen_a[unit] = -1 if unit in seen_a else index
    seen_b: dict[str, int] = {}
    for index, unit in enumerate(b):
        seen_b[unit] = -1 if unit in seen_b else index
    pairs = [(i, seen_b[unit]) for unit, i in seen_a.items() if i >= 0 and seen_b.get(unit, -1) >= 0]
    pairs.sort()
    # Longest increasing subsequence of the j's, O(n log n), with back links.
    tails: list[int] = []  # tails[k]: index in pairs of the smallest tail of a run of length k+1
    back: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = _bisect_tails(pairs, tails, j)
        back[index] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(index)
        else:
            tails[k] = index
    run: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        run.append(pairs[index])
        index = back[index]
    run.reverse()
    return run


def _bisect_tails(pairs: list[tuple[int, int]], tails: list[int], j: int) -> int:
    low, high = 0, len(tails)
    while low < high:
        middle = (low + high) // 2
        if pairs[tails[middle]][1] < j:
            low = middle + 1
        else:
            high = middle
    return low


def _myers(a: list[str], b: list[str], di: int, dj: int, deadline: float) -> list[tuple[str, int, int, int, int]]:
    if not a and not b:
        return []
    if not a or not b:
        return [("insert" if b else "delete", di, di + len(a), dj, dj + len(b))]
    chars_a, chars_b = _as_chars(a, b)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = max(deadline - time.monotonic(), 0.001)
    ops: list[tuple[str, int, int, int, int]] = []
    i, j = di, dj
    for op, chunk in dmp.diff_main(chars_a, chars_b, checklines=False):
        size = len(chunk)
        if op == 0:
            ops.append(("equal", i, i + size, j, j + size))
            i, j = i + size, j + size
        elif op < 0:
            ops.append(("delete", i, i + size, j, j))
            i += size
        else:
            ops.append(("insert", i, i, j, j + size))
            j += size
    return ops


def _merged(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Adjacent runs of one kind joined; a deletion next to an insertion becomes a replacement."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out:
            kind, i1, _, j1, _ = out[-1]
            both_changes = kind != "equal" and op[0] != "equal"
            if both_changes or kind == op[0] == "equal":
                merged = "equal" if kind == "equal" else _change_kind(i1, op[2], j1, op[4])
                out[-1] = (merged, i1, op[2], j1, op[4])
                continue
        out.append(op)
    return out


def _change_kind(i1: int, i2: int, j1: int, j2: int) -> str:
    if i2 > i1 and j2 > j1:
        return "replace"
    return "delete" if i2 > i1 else "insert"


def _word_diff(old: str, new: str, deadline: float) -> list[Segment]:
    a, b = _WORD.findall(old), _WORD.findall(new)
    if len(old) > WORD_DIFF_MAX_CHARS or len(new) > WORD_DIFF_MAX_CHARS or time.monotonic() >= deadline:
        return [Segment("del", old), Segment("ins", new)]
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in _opcodes(a, b, deadline):
        if op == "equal":
            out.append(Segment("text", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("ins", "".join(b[j1:j2])))
    return out


def text_diff(
    old: str, new: str, *, context: int = 1, budget: int = 60_000, seconds: float = DEADLINE_SECONDS
) -> TextDiff:
    """A sentence-level diff with a little unchanged context; long unchanged runs become gaps.

    The output stops once it would cost more than `budget` characters of HTML, so the page
    stays small even when a policy was rewritten from scratch; the search stops after about
    `seconds` (then the rest is shown as removed and added, never wrong, only coarser).
    """
    deadline = time.monotonic() + seconds
    a, b = split_units(old), split_units(new)
    opcodes = _opcodes(a, b, deadline)
    segments: list[Segment] = []
    spent = 0
    ins = dels = 0
    truncated = False
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            pieces = _equal_run(a[i1:i2], context, first=index == 0, last=index == len(opcodes) - 1)
        else:
            dels += i2 - i1
            ins += j2 - j1
            pieces = [] if truncated else _changed_run(op, a[i1:i2], b[j1:j2], deadline)
        for segment in pieces:
            if truncated:
                break
            spent += len(segment.text) + (MARKUP_COST if segment.kind in ("ins", "del") else 0)
            if spent > budget:
                truncated = True  # counting goes on, showing stops
                break
            segments.append(segment)
    return TextDiff(segments, ins, dels, truncated)


def _equal_run(block: list[str], context: int, *, first: bool, last: bool) -> list[Segment]:
    head = block[:context] if not first else []
    tail = block[-context:] if not last and context else []
    if len(block) <= len(head) + len(tail) + 1:
        return [Segment("text", "".join(block))]
    hidden = len(block) - len(head) - len(tail)
    out = [Segment("text", "".join(head))] if head else []
    out.append(Segment("gap", f"{hidden} unchanged sentence{'s' if hidden != 1 else ''}"))
    if tail:
        out.append(Segment("text", "".join(tail)))
    return out


def _changed_run(op: str, old: list[str], new: list[str], deadline: float) -> list[Segment]:
    if op == "replace" and len(old) == len(new):
        # Sentence for sentence: show the words that changed inside each one.
        out: list[Segment] = []
        for old_unit, new_unit in zip(old, new, strict=True):
            out.extend(_word_diff(old_unit, new_unit, deadline))
        return out
    out = [Segment("del", "".join(old))] if old else []
    if new:
        out.append(Segment("ins", "".join(new)))
    return out
