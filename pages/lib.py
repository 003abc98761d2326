"""Pure helpers for the public pages: labels for card codes (the words live on `codes`),
highlighting and a readable text diff. Query strings are read by `pages.forms`.

No Django imports, so every rule here is tested without a database.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from summaries.parser import codes

WARNING_LABELS: dict[str, str] = {
    "not_a_privacy_policy": "This document may not be a privacy policy, so the card may be incomplete or wrong.",
}


def label(vocabulary: type[codes.Code], code: Any) -> str:
    """A code's label, or the code made readable when a newer parser adds one we don't know."""
    if code is None:
        return ""
    member = vocabulary.words(code)
    return member.label if member is not None else str(code).replace("_", " ").capitalize()


def fact_value_label(name: str, fact: Mapping[str, Any] | None) -> str:
    fact = fact or {}
    value = fact.get("value")
    if name == codes.Fact.CHILDREN_MIN_AGE:
        return f"{value} or older" if value else "Does not say"
    text = label(codes.FACT_VALUES.get(name, codes.Code), value) if value is not None else "Does not say"
    if name == codes.Fact.RETENTION and fact.get("text"):
        text = f"{text}: {fact['text']}"
    return text


def warning_text(warning: Any) -> str:
    if isinstance(warning, dict):
        code = str(warning.get("code") or "")
        return WARNING_LABELS.get(code) or str(warning.get("message") or code.replace("_", " "))
    text = str(warning)
    return WARNING_LABELS.get(text, text)


@dataclass(frozen=True)
class Segment:
    """A piece of text to show: plain, highlighted, inserted or deleted."""

    kind: str  # "text" | "mark" | "ins" | "del" | "gap"
    text: str


def highlight(text: str, span: tuple[int, int] | None) -> list[Segment]:
    if span is None:
        return [Segment("text", text)]
    start, end = span
    return [Segment("text", text[:start]), Segment("mark", text[start:end]), Segment("text", text[end:])]


# --- text diff ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=\S)")


def split_units(text: str) -> list[str]:
    """Lines, then sentences: the units a reader notices changing. Each keeps its trailing space."""
    units: list[str] = []
    for line in text.splitlines(keepends=True):
        pieces = _SENTENCE_END.split(line.rstrip("\n"))
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            units.append(piece + ("\n" if last and line.endswith("\n") else "" if last else " "))
    return units


def _word_diff(old: str, new: str) -> list[Segment]:
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Segment("text", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(Segment("del", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(Segment("ins", "".join(b[j1:j2])))
    return out


@dataclass(frozen=True)
class TextDiff:
    segments: list[Segment]
    insertions: int
    deletions: int
    truncated: bool


# Each inserted or deleted piece costs about this much markup on the page (tags and the
# hidden "[added: …]" words for screen readers), counted against the page-size budget.
MARKUP_COST = 90


def _budgeted(segments: list[Segment], budget: int) -> tuple[list[Segment], bool]:
    spent = 0
    for index, segment in enumerate(segments):
        spent += len(segment.text) + (MARKUP_COST if segment.kind in ("ins", "del") else 0)
        if spent > budget:
            return segments[:index], True
    return segments, False


def text_diff(old: str, new: str, *, context: int = 1, budget: int = 60_000) -> TextDiff:
    """A sentence-level diff with a little unchanged context; long unchanged runs become gaps.

    The output stops once it would cost more than `budget` characters of HTML, so the
    page stays small even when a policy was rewritten from scratch.
    """
    a, b = split_units(old), split_units(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []
    ins = dels = 0
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            block = a[i1:i2]
            head = block[:context] if index > 0 else []
            tail = block[-context:] if index < len(opcodes) - 1 and context else []
            if len(block) <= len(head) + len(tail) + 1:
                segments.append(Segment("text", "".join(block)))
                continue
            if head:
                segments.append(Segment("text", "".join(head)))
            hidden = len(block) - len(head) - len(tail)
            segments.append(Segment("gap", f"{hidden} unchanged sentence{'s' if hidden != 1 else ''}"))
            if tail:
                segments.append(Segment("text", "".join(tail)))
            continue
        dels += i2 - i1
        ins += j2 - j1
        if op == "replace" and i2 - i1 == j2 - j1:
            # Sentence for sentence: show the words that changed inside each one.
            for old_unit, new_unit in zip(a[i1:i2], b[j1:j2], strict=True):
                segments.extend(_word_diff(old_unit, new_unit))
            continue
        if i2 > i1:
            segments.append(Segment("del", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment("ins", "".join(b[j1:j2])))
    shown, truncated = _budgeted(segments, budget)
    return TextDiff(shown, ins, dels, truncated)


def reading_minutes(words: Any) -> int | None:
    try:
        count = int(words)
    except (TypeError, ValueError):
        return None
    return max(1, round(count / 238)) if count > 0 else None
