"""`pattern.finditer(text)` over a whole policy, trying the pattern only where its literal prefix occurs.

A pattern led by `\\b` and a group of words tries every position of a 15,000-character policy, and under
re.IGNORECASE `re` has no fast skip at all. When every match must start with one of a few literals, those
are found with `str.find` (in the lower-cased text for a case-insensitive pattern) and the pattern is tried
there only, in order, resuming after each match, which is what `finditer` does: the matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from summaries.parser.literals import required_prefixes

# The only non-ASCII characters that re.IGNORECASE matches with an ASCII letter (İ and ı with i, ſ with s,
# the Kelvin sign with k): a text holding one is searched the plain way.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"

_PREFIXES: dict[re.Pattern[str], tuple[str, ...] | None] = {}


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    if pattern not in _PREFIXES:
        _PREFIXES[pattern] = _prefixes_of(pattern)
    prefixes = _PREFIXES[pattern]
    if prefixes is None:
        return pattern.finditer(text)
    haystack = text
    if pattern.flags & re.IGNORECASE:
        folded = _folded(text)
        if folded is None:
            return pattern.finditer(text)
        haystack = folded
    return _matches(pattern, text, haystack, prefixes)


_last_folded: tuple[str, str | None] = ("", "")


def _folded(text: str) -> str | None:
    """The text lower-cased for finding case-insensitive prefixes, or None where that would not be exact;
    the last one is remembered, as every case-insensitive scan of a card lowers the same policy."""
    global _last_folded
    cached = _last_folded  # one read of an immutable pair: safe when cards are built in threads
    if cached[0] is text:
        return cached[1]
    low: str | None = None
    if not any(char in text for char in FOLDS_TO_ASCII):
        low = text.lower()
        if len(low) != len(text):  # a character lower-cased to two: positions would drift
            low = None
    _last_folded = (text, low)
    return low


def _matches(pattern: re.Pattern[str], text: str, haystack: str, prefixes: tuple[str, ...]) -> Iterator[re.Match[str]]:
    return finditer_at(pattern, text, occurrences(haystack, prefixes))


def occurrences(text: str, literals: Iterable[str], pos: int = 0, endpos: int | None = None) -> set[int]:
    """Where any of the literals starts in text[pos:endpos] (wholly inside it)."""
    endpos = len(text) if endpos is None else endpos
    starts: set[int] = set()
    for literal in literals:
        at = text.find(literal, pos, endpos)
        while at >= 0:
            starts.add(at)
            at = text.find(literal, at + 1, endpos)
    return starts


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, given every position where a match may start (more do no
    harm) and a pattern that cannot match the empty string."""
    endpos = len(text) if endpos is None else endpos
    end = pos
    for start in sorted(starts):
        if start < end:
            continue  # before `pos`, or inside the previous match: finditer does not look there
        if start > endpos:
            break
        match = pattern.match(text, start, endpos)
        if match is not None:
            yield match
            end = match.end()


def _prefixes_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    prefixes = required_prefixes(pattern.pattern, pattern.flags)
    if prefixes is None:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(_caseless(char) for prefix in prefixes for char in prefix):
            return None
        prefixes = frozenset(prefix.lower() for prefix in prefixes)
    # A prefix that starts with another prefix adds no position the shorter one does not find.
    return tuple(sorted(p for p in prefixes if not any(o != p and p.startswith(o) for o in prefixes)))


def _caseless(char: str) -> bool:
    """Whether a text character matches `char` under re.IGNORECASE exactly when its lower case equals
    `char.lower()`: true of ASCII (given a text without FOLDS_TO_ASCII) and of characters with no case."""
    return char.isascii() or (char.lower() == char and char.upper() == char and char.casefold() == char)
