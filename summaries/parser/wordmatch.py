"""Matching a few hundred vocabulary phrases quickly, keyed on their first word.

One big regex alternation is tried at every word of a policy and costs tens of milliseconds. Instead
each phrase's possible first words are worked out once from its pattern; a policy's words are listed
once (cached), and only at words that can begin some phrase is a small precompiled regex tried.
Semantics match a left-to-right alternation: at one position the earliest group in the given order
wins, and matches do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from summaries.parser.lowercase import lowered

try:  # the parser is internal to `re`; phrases it cannot read fall back to a plain regex
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _p = None

# A word of the lowered text and what comes before it: the pairs tile the text up to its last word.
_GAP_AND_WORD = re.compile(r"([^a-z0-9]*)([a-z0-9]+)")
_LIMIT = 256
# A phrase starts at a word start that is not inside an e-mail address or a domain name.


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


_BEFORE_WORD = _WORD_CHARS | {"@", "."}


def _is_word(char: str) -> bool:
    return char in _WORD_CHARS


def _first_words(items: list, states: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    """Extend (prefix, finished) states through a parsed regex sequence; None when unbounded."""
    for op, av in items:
        live = {s for s in states if not s[1]}
        if not live:
            return states
        done = states - live
        if op in (_c.AT, _c.ASSERT_NOT, _c.ASSERT):
            continue
        if op is _c.LITERAL:
            char = chr(av).lower()
            new = {(p + char, False) if _is_word(char) else (p, True) for p, _ in live}
        elif op is _c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is _c.LITERAL:
                    chars.add(chr(value).lower())
                elif kind is _c.RANGE:
                    chars.update(chr(x).lower() for x in range(value[0], value[1] + 1))
                elif kind is _c.CATEGORY and value in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD):
                    chars.add(" ")
                else:
                    return None
            new = set()
            for p, _ in live:
                for char in chars:
                    new.add((p + char, False) if _is_word(char) else (p, True))
        elif op is _c.SUBPATTERN:
            new = _first_words(list(av[-1]), live)
            if new is None:
                return None
        elif op is _c.BRANCH:
            new = set()
            for branch in av[1]:
                got = _first_words(list(branch), live)
                if got is None:
                    return None
                new |= got
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            got = _first_words(list(sub), live)
            if got is None:
                return None
            if high > 1 and any(not finished for _, finished in got):
                return None  # a repeated piece that stays inside the first word: unbounded
            new = got | (live if low == 0 else set())
        else:
            return None
        states = done | new
        if len(states) > _LIMIT:
            return None
    return states


def first_words(pattern: str) -> set[str] | None:
    """The lower-case words a match of `pattern` can begin with (None when that can't be told)."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    states = _first_words(list(parsed), {("", False)})
    if not states:
        return None
    words = {p for p, _ in states}
    if "" in words:
        return None
    return words


# First words of every matcher built so far: only these are worth indexing in a text.
_KEYS: set[str] = set()


def word_index(text: str) -> dict[str, list[int]]:
    """Positions of the words of the text that can begin some phrase, by word; shared by all matchers."""
    return _word_index(text, len(_KEYS))  # a matcher built later changes the key and so the cache entry


@lru_cache(maxsize=8)
def _word_index(text: str, _generation: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    keys = _KEYS
    # Positions are running sums of the pairs' lengths: no match object per word.
    position = 0
    for gap, word in _GAP_AND_WORD.findall(lowered(text)):
        position += len(gap)
        if word in keys and not (position and text[position - 1] in _BEFORE_WORD):  # not in an address or domain
            where = index.get(word)
            if where is None:
                index[word] = [position]
            else:
                where.append(position)
        position += len(word)
    return index


def _candidates(text: str, patterns: dict[str, Any]) -> list[tuple[int, Any]]:
    """(position, what to try there) for the words of the text that can begin a phrase, in text order."""
    index = word_index(text)
    found = [(position, patterns[word]) for word in patterns.keys() & index.keys() for position in index[word]]
    found.sort(key=lambda entry: entry[0])
    return found


class WordMatcher:
    """Finds the phrases of named groups; with `overlapping`, each group is matched independently."""

    def __init__(
        self, groups: list[tuple[str, list[str]]], tail: str = r"(?![\w@-])", overlapping: bool = False
    ) -> None:
        self.overlapping = overlapping
        by_word: dict[str, list[tuple[int, str, str]]] = {}
        slow: list[tuple[int, str, str]] = []
        rank = 0
        for name, alternatives in groups:
            for alternative in alternatives:
                rank += 1
                words = first_words(alternative)
                if words is None:
                    slow.append((rank, name, alternative))
                    continue
                for word in words:
                    by_word.setdefault(word, []).append((rank, name, alternative))
        self.patterns = {word: self._compile(sorted(entries), tail) for word, entries in by_word.items()}
        _KEYS.update(by_word)
        self.per_group: dict[str, list[re.Pattern[str]]] = {}
        if overlapping:
            for word, entries in by_word.items():
                names = list(dict.fromkeys(name for _, name, _ in sorted(entries)))
                self.per_group[word] = [
                    self._compile([e for e in sorted(entries) if e[1] == name], tail) for name in names
                ]
        self.slow = self._compile(slow, tail, leading=r"\b") if slow else None

    @staticmethod
    def _compile(entries: list[tuple[int, str, str]], tail: str, leading: str = "") -> re.Pattern[str]:
        body = "|".join(f"(?P<{name}__{rank}>{alternative})" for rank, name, alternative in entries)
        return re.compile(f"{leading}(?:{body}){tail}", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.overlapping:
            return self._overlapping(text)
        found: list[re.Match[str]] = []
        last_end = 0
        for position, pattern in _candidates(text, self.patterns):
            if position < last_end:
                continue
            match = pattern.match(text, position)
            if match:
                found.append(match)
                last_end = match.end()
        if self.slow is not None:
            taken = [(m.start(), m.end()) for m in found]
            for match in self.slow.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    found.append(match)
            found.sort(key=lambda m: m.start())
        return iter(found)

    def _overlapping(self, text: str) -> Iterator[re.Match[str]]:
        found: list[re.Match[str]] = []
        last_end: dict[int, int] = {}
        for position, patterns in _candidates(text, self.per_group):
            for pattern in patterns:
                key = id(pattern)
                if position < last_end.get(key, 0):
                    continue
                match = pattern.match(text, position)
                if match:
                    found.append(match)
                    last_end[key] = match.end()
        if self.slow is not None:
            found.extend(self.slow.finditer(text))
            found.sort(key=lambda m: m.start())
        return iter(found)


def group_name(match: re.Match[str]) -> str | None:
    name = match.lastgroup
    return name.rsplit("__", 1)[0] if name else None
