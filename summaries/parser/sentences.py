"""Where sentences end: the one definition the parser, the text diff and the pages cut text with.

A sentence ends at `.`, `!` or `?`, with any closing quotes or brackets after it (they belong to the
sentence they close), followed by space and then something that can start a sentence: a capital, a
digit or a bullet, perhaps after an opening quote or bracket. A line break always ends a sentence.
A full stop that ends an abbreviation ("e.g.", "Inc.", "U.S.") ends nothing.

Two variants, each for a kind of text rather than for a caller:
- `lowered=True`, for text already lower-cased: the next sentence's capital cannot be seen, so any
  letter starts one (abbreviations still end nothing).
- `loose=True`, for cutting text for display (the text diff's units, a long quote's excerpt), where a
  wrong cut costs nothing: `;` and `:` end a piece too, and anything may follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summaries.parser.prefix_scan import finditer_at, occurrences

STOPS = ".!?"
CLOSERS = "\"'”’)]"  # what may follow the stop of a boundary, before its spaces

# A boundary starts at the stop and holds its closers and the spaces (or line breaks) after it, nothing of the
# next sentence: `match.end()` is where the next sentence starts.
BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•])|\n+")
LOWERED_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[a-z0-9•])|\n+")
LOOSE_BOUNDARY = re.compile(r"(?<=[.!?;:])\s+(?=\S)")
# Words whose full stop ends no sentence ("e.g.", "Inc.", "U.S.").
_ABBREVIATIONS = ("e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "u.s", "mr", "mrs", "ms", "dr", "st", "no", "vs")
_ABBREVIATIONS += ("approx", "cf")
ABBREVIATION = re.compile(r"\b(?:" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")\.$", re.I)
# A match of ABBREVIATION ends at the stop, so it starts at most this far before it (the longest abbreviation,
# its stop, and one more): searching only there finds the same, instead of trying every word of the sentence.
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 2


def boundary_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`BOUNDARY.finditer(text, start, end)`: every boundary starts at . ! ? or a line break, so only there is it
    tried (re has no first character to skip to in BOUNDARY's alternatives and tries every position)."""
    candidates = occurrences(text, STOPS, start, end)
    candidates |= occurrences(text, "\n", start, end)
    return finditer_at(BOUNDARY, text, candidates, start, end)


def ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a boundary match is a true sentence end: a line break, or a stop that is not an abbreviation's."""
    at = match.start() + 1  # after the stop
    return "\n" in match.group(0) or not ABBREVIATION.search(text, max(0, at - _ABBREVIATION_REACH), at)


def stop_of(match: re.Match[str]) -> int:
    """Where the sentence before a true boundary ends: after its stop and closers."""
    return match.start() + len(match.group(0).rstrip())


def boundaries(text: str, start: int = 0, end: int | None = None, *, lowered: bool = False) -> Iterator[re.Match[str]]:
    """The true sentence boundaries in text[start:end], in order."""
    end = len(text) if end is None else end
    pattern = LOWERED_BOUNDARY if lowered else BOUNDARY
    # A boundary starts at . ! ? or at a line break: trying only there beats `re` trying every position.
    candidates = occurrences(text, STOPS, start, end)
    candidates |= occurrences(text, "\n", start, end)
    for match in finditer_at(pattern, text, candidates, start, end):
        if ends_sentence(text, match):
            yield match


def sentences(text: str, start: int = 0, end: int | None = None, *, lowered: bool = False) -> Iterator[tuple[int, int]]:
    """(start, end) spans of the sentences in text[start:end], trimmed of whitespace."""
    end = len(text) if end is None else end
    cursor = start
    for match in boundaries(text, start, end, lowered=lowered):
        span = _trim(text, cursor, stop_of(match))
        if span:
            yield span
        cursor = match.end()
    span = _trim(text, cursor, end)
    if span:
        yield span


def split(text: str, *, lowered: bool = False) -> list[str]:
    """The sentences of a text as strings (what lies between them, spaces and line breaks, dropped)."""
    return [text[s:e] for s, e in sentences(text, lowered=lowered)]


def loose_pieces(line: str) -> list[str]:
    """A line cut after every . ! ? ; or : followed by space (the spaces dropped), for display."""
    return LOOSE_BOUNDARY.split(line)


def loose_ends(text: str) -> list[int]:
    """Positions just after every . ! ? ; or : followed by space (and more text): where a display cut may go."""
    return [m.start() for m in LOOSE_BOUNDARY.finditer(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
