"""`pattern.finditer(text)` over a whole policy, with RE2 finding where each next match may start.

A pattern led by `\\b` and a group of words tries every position of a 15,000-character policy, and under
re.IGNORECASE `re` has no fast skip at all. The pattern's RE2 form (`re2_forms`: it matches at every
position the pattern matches at, perhaps at more) finds, from where the last match ended, the first place
a match may start; `re` then searches from there. No match of the pattern starts before that place, so each
match found is the one `finditer` finds next, with `re`'s own groups. RE2 reads the text as UTF-8 bytes:
offsets are mapped between bytes and characters once per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import re2

from summaries.parser.re2_forms import FOLDS_TO_ASCII, FORM_OPTIONS, Form, ascii_like, re2_form

_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
# The form, compiled by RE2, and whether it matches in a span of bytes (`_found_by`).
# Keyed by the pattern's id, the entry holding the pattern itself (so the id stays its own): hashing a re.Pattern
# hashes its whole compiled code each time, a cost paid per search.
_FORMS: dict[tuple[int, bool], tuple[re.Pattern[str], tuple[Form, Any, Callable[[Any, int, int], bool]] | None]] = {}


def _form(pattern: re.Pattern[str], ascii: bool) -> tuple[Form, Any, Callable[[Any, int, int], bool]] | None:
    entry = _FORMS.get((id(pattern), ascii))
    if entry is None:
        entry = _FORMS[(id(pattern), ascii)] = (pattern, _form_of(pattern, ascii=ascii))
    return entry[1]


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    encoded = _encoded(text)
    if encoded is None:
        return pattern.finditer(text)
    form = _form(pattern, encoded.ascii)
    if form is None or (form[0].caseless and encoded.folds):
        return pattern.finditer(text)
    found = _matches(pattern, form[1], text, encoded)
    return iter(found) if found is not None else pattern.finditer(text)


def may_match(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """False only when `pattern.search(text, pos, endpos)` finds nothing, as the pattern's RE2 form says.

    For a short span of a policy `re` tries every position, and a case-insensitive pattern led by `\\b` has no
    first character it can skip to; RE2 reads the span once. Python reads the text as if it ended at `endpos`,
    so RE2 is given the bytes up to there (a view, not a copy) and starts at `pos` with what lies before it in
    view, as `re` does for `\\b`. The policy's own encoding is remembered; a short text of its own is encoded
    when it is ASCII and left to `re` otherwise."""
    endpos = len(text) if endpos is None else min(endpos, len(text))
    pos = max(0, pos)
    if pos > endpos:
        return pattern.search(text, pos, endpos) is not None  # re's own rule for an empty window
    cached = _last_encoded
    if cached[0] is text:
        encoded = cached[1]
        if encoded is None:
            return True
        ascii, data, start, end = encoded.ascii, encoded.data, encoded.byte(pos), encoded.byte(endpos)
        folds = encoded.folds
    elif text.isascii():
        ascii, data, start, end, folds = True, text.encode("ascii"), pos, endpos, False
    else:
        return True
    form = _form(pattern, ascii)
    if form is None or (form[0].caseless and folds):
        return True
    view = memoryview(data)[:end] if end < len(data) else data
    return form[2](view, start, end)


def search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, run only where the RE2 form finds a match (see `may_match`)."""
    endpos = len(text) if endpos is None else endpos
    return pattern.search(text, pos, endpos) if may_match(pattern, text, pos, endpos) else None


def finditer_in(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, run only where the RE2 form finds a match (see `may_match`)."""
    endpos = len(text) if endpos is None else endpos
    return pattern.finditer(text, pos, endpos) if may_match(pattern, text, pos, endpos) else ()


class _Encoded:
    """A text as UTF-8 bytes, with the offsets of its characters in them."""

    __slots__ = ("ascii", "bytes_at", "chars_at", "data", "folds")

    def __init__(self, text: str) -> None:
        self.ascii = ascii_like(text)
        self.data = text.encode()
        self.folds = not self.ascii and any(char in text for char in FOLDS_TO_ASCII)
        if len(self.data) == len(text):
            self.bytes_at = self.chars_at = None
            return
        raw = np.frombuffer(self.data, dtype=np.uint8)
        leads = (raw & 0xC0) != 0x80  # the first byte of each character
        self.bytes_at = np.append(np.flatnonzero(leads), len(self.data))  # character -> its first byte
        self.chars_at = np.append(np.cumsum(leads) - 1, len(text))  # first byte -> its character

    def byte(self, char: int) -> int:
        return char if self.bytes_at is None else int(self.bytes_at[char])

    def char(self, byte: int) -> int:
        return byte if self.chars_at is None else int(self.chars_at[byte])


_last_encoded: tuple[str, _Encoded | None] = ("", None)


def _encoded(text: str) -> _Encoded | None:
    """The text's encoding, or None for a text UTF-8 cannot hold (a lone surrogate); the last one is
    remembered, as every scan of a card reads the same policy."""
    global _last_encoded
    cached = _last_encoded  # one read of an immutable pair: safe when cards are built in threads
    if cached[0] is text:
        return cached[1]
    try:
        encoded: _Encoded | None = _Encoded(text)
    except UnicodeEncodeError:
        encoded = None
    _last_encoded = (text, encoded)
    return encoded


def _form_of(pattern: re.Pattern[str], *, ascii: bool) -> tuple[Form, Any, Callable[[Any, int, int], bool]] | None:
    if pattern.flags & re.VERBOSE:
        return None
    letters = "".join(letter for flag, letter in _FLAGS if pattern.flags & flag)
    source = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1)  # pattern.flags holds them too
    if letters:
        source = f"(?{letters}){source}"
    form = re2_form(source, ascii=ascii)
    if form is None:
        return None
    compiled = re2.compile(form.pattern, FORM_OPTIONS)
    return form, compiled, _found_by(compiled)


def _found_by(compiled: Any) -> Callable[[Any, int, int], bool]:
    """Whether the compiled form matches in data[start:end] (data: UTF-8 bytes or a view of them). google-re2's
    `search` wraps every call in Python (a generator, a match object): its binding's own `Match` is asked
    directly where the installed version has it (its spans; (-1, -1) for no match), `search` otherwise."""
    raw = getattr(getattr(compiled, "_regexp", None), "Match", None)
    anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
    if raw is None or anchor is None:
        return lambda data, start, end: compiled.search(data, start, end) is not None
    return lambda data, start, end: raw(anchor, data, start, end)[0][0] >= 0


def _matches(pattern: re.Pattern[str], form: Any, text: str, encoded: _Encoded) -> list[re.Match[str]] | None:
    """Every match `finditer` gives, or None when one is empty (its rule for the next start is `re`'s)."""
    found: list[re.Match[str]] = []
    data, search, position = encoded.data, form.search, 0
    while position <= len(text):
        hit = search(data, encoded.byte(position))
        if hit is None:
            break
        match = pattern.search(text, encoded.char(hit.start()))
        if match is None:
            break
        if match.end() == match.start():
            return None
        found.append(match)
        position = match.end()
    return found


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
