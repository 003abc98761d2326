"""Sentences and evidence quotes: every fact on a card points back into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _parser  # type: ignore[attr-defined]

from summaries.parser.prefix_scan import finditer_at, occurrences
from summaries.parser.types import Evidence

# A sentence ends at . ! ? or ; followed by space and an upper-case letter/digit/quote, or at
# a line break. Abbreviations such as "e.g." and "U.S." are protected below.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9•])|\n+")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|etc|Inc|Ltd|Co|Corp|U\.S|Mr|Mrs|Ms|Dr|St|No|vs|approx)\.$", re.IGNORECASE)
# A match of _ABBREV ends at the end of the span searched (or before a final line break), so it starts at most
# this far before that end: searching only there finds the same, instead of trying every word of the sentence.
_ABBREV_REACH = _parser.parse(_ABBREV.pattern, _ABBREV.flags).getwidth()[1] + 1


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of the sentences in text[start:end], trimmed of whitespace."""
    end = len(text) if end is None else end
    cursor = start
    # A boundary starts after . ! ? or at a line break: trying only there beats `re` trying every position.
    candidates = {at + 1 for at in occurrences(text, ".!?", max(0, start - 1), end)}
    candidates |= occurrences(text, "\n", start, end)
    for match in finditer_at(_BOUNDARY, text, candidates, start, end):
        at = match.start()
        if (
            match.group(0).strip() == ""
            and "\n" not in match.group(0)
            and _ABBREV.search(text, max(cursor, at - _ABBREV_REACH), at)
        ):
            continue
        span = _trim(text, cursor, at)
        if span:
            yield span
        cursor = match.end()
    span = _trim(text, cursor, end)
    if span:
        yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def evidence(text: str, start: int, end: int) -> Evidence:
    """An evidence object whose quote is exactly text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    return {"quote": text[start:end], "start": start, "end": end}


def sentence_evidence(text: str, position: int) -> Evidence:
    """The evidence for the whole sentence that contains `position`."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    for s, e in sentences(text, line_start, line_end):
        if s <= position < e:
            return evidence(text, s, e)
    return evidence(text, line_start, line_end)
