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

import numpy as np

from summaries.parser.lowercase import lowered
from summaries.parser.pattern_tree import Chars, Group, Node, Unsupported, parse
from summaries.parser.re2_forms import FOLDS_TO_ASCII

# A word of the lowered text and what comes before it: the pairs tile the text up to its last word.
_GAP_AND_WORD = re.compile(r"([^a-z0-9]*)([a-z0-9]+)")
_LIMIT = 256
# A phrase starts at a word start that is not inside an e-mail address or a domain name.


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


_BEFORE_WORD = _WORD_CHARS | {"@", "."}


def _is_word(char: str) -> bool:
    return char in _WORD_CHARS


def _first_words(items: list[Node], states: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    """Extend (prefix, finished) states through a parsed sequence; None when unbounded."""
    for node in items:
        live = {s for s in states if not s[1]}
        if not live:
            return states
        done = states - live
        if isinstance(node, Chars):
            if node.chars is None:
                return None  # any character, a word or digit class, a negated class: too many words
            new = set()
            for p, _ in live:
                for char in node.chars:
                    low = char.lower()
                    new.add((p + low, False) if _is_word(low) else (p, True))
        elif isinstance(node, Group):
            if node.kind == "assert":
                continue  # a zero-width test: it neither adds nor ends a word
            if node.kind == "other":
                return None
            new = set()
            for branch in node.branches:
                got = _first_words(branch, live)
                if got is None:
                    return None
                new |= got
        else:  # a repeat
            got = _first_words(node.items, live)
            if got is None:
                return None
            if node.high > 1 and any(not finished for _, finished in got):
                return None  # a repeated piece that stays inside the first word: unbounded
            new = got | (live if node.low == 0 else set())
        states = done | new
        if len(states) > _LIMIT:
            return None
    return states


def first_words(pattern: str) -> set[str] | None:
    """The lower-case words a match of `pattern` can begin with (None when that can't be told)."""
    try:
        re.compile(pattern, re.IGNORECASE)
        parsed = parse(pattern)
    except (re.error, Unsupported):
        return None
    states = _first_words(parsed, {("", False)})
    if not states:
        return None
    words = {p for p, _ in states}
    if "" in words:
        return None
    return words


# How far `prefixes` reads into a phrase, how many prefixes it follows at once (past that it stops where it was),
# and how many a first word's test may hold (a test of more costs about what the `re` try it spares).
_PREFIX_CHARS = 24
_PREFIX_LIMIT = 4096
_TEST_LIMIT = 32
# What a prefix may hold: a text's character matches one of these under re.IGNORECASE only as its lower case.
_PREFIX_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'&/.,")


def _closed(states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    return {(p, False) for p, _ in states}


def _prefixes(items: list[Node], states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """Extend (prefix, open) states through a parsed sequence: a closed prefix reads no further."""
    for node in items:
        live = {s for s in states if s[1]}
        if not live:
            return states
        done = states - live
        if isinstance(node, Chars):
            chars = node.chars
            lowered_chars = None if chars is None or node.category else {char.lower() for char in chars}
            if lowered_chars is None or not lowered_chars <= _PREFIX_SAFE:
                return done | _closed(live)  # a character not listed, or folded beyond lower case
            new = {(p + char, len(p) + 1 < _PREFIX_CHARS) for p, _ in live for char in lowered_chars}
        elif isinstance(node, Group):
            if node.kind == "assert":
                continue  # reads nothing: the prefix goes on
            if node.kind == "other":
                return done | _closed(live)
            new = set()
            for branch in node.branches:
                new |= _prefixes(branch, live)
        else:  # a repeat: its required copies, then one optional copy or nothing more known
            new = live
            for _ in range(min(node.low, 4)):
                new = _prefixes(node.items, new)
            if node.low > 4:
                new = _closed(new)
            elif node.high == node.low + 1:
                new = new | _prefixes(node.items, new)
            elif node.high != node.low:
                new = _closed(new)
        if len(done) + len(new) > _PREFIX_LIMIT:
            return done | _closed(live)  # too many to follow: what was known before this node
        states = done | new
    return states


def prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings one of which begins the lowered text of every match of `pattern` (case-insensitive), in
    a text with none of FOLDS_TO_ASCII; None when that can't be told, or tells no more than an empty string."""
    try:
        parsed = parse(pattern)
    except Unsupported:
        return None
    found = {p for p, _ in _prefixes(parsed, {("", True)})}
    if "" in found:
        return None
    return tuple(sorted(found))


def _prefix_test(word: str, entries: list[tuple[int, str, str]]) -> tuple[str, ...] | None:
    """What the lowered text must begin with at `word` for one of the entries' phrases to match there; None when
    there is no test, or none that says more than the word itself.

    At a word of the index the lowered text holds that word and then no letter or digit, so a prefix can begin it
    there only if it begins the word (then every position passes: no test) or goes on from the word's end with
    something other than a letter or digit."""
    kept: set[str] = set()
    for _rank, _name, alternative in entries:
        found = prefixes(alternative)
        if found is None:
            return None
        for prefix in found:
            if word.startswith(prefix):
                return None  # true at every position of this word
            if prefix.startswith(word) and not _is_word(prefix[len(word) : len(word) + 1]):
                kept.add(prefix)  # (one going on with a letter or digit would need a longer word there)
    return tuple(sorted(kept)) if len(kept) <= _TEST_LIMIT else None


# First words of every matcher built so far: only these are worth indexing in a text.
_KEYS: set[str] = set()


def word_index(text: str) -> dict[str, list[int]]:
    """Positions of the words of the text that can begin some phrase, by word; shared by all matchers."""
    return _word_index(text, len(_KEYS))  # a matcher built later changes the key and so the cache entry


@lru_cache(maxsize=8)
def _word_index(text: str, _generation: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    keys = _KEYS
    low = lowered(text)
    for start, end in _word_spans(low):
        word = low[start:end]
        if word in keys and not (start and text[start - 1] in _BEFORE_WORD):  # not in an address or domain
            where = index.get(word)
            if where is None:
                index[word] = [start]
            else:
                where.append(start)
    return index


def _word_spans(low: str) -> zip[tuple[int, int]]:
    """(start, end) of every run of [a-z0-9] in a lowered text: what `_GAP_AND_WORD` reads as its words, found
    for all characters at once (a loop over the regex's pairs cost about a microsecond a word)."""
    if low.isascii():
        codes = np.frombuffer(low.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # a code point each
    # In a word or not, with a "not" before and after: a word starts and ends where the flag changes.
    in_word = np.zeros(len(codes) + 2, dtype=np.bool_)
    in_word[1:-1] = ((codes >= 0x61) & (codes <= 0x7A)) | ((codes >= 0x30) & (codes <= 0x39))
    edges = np.flatnonzero(in_word[1:] != in_word[:-1]).tolist()
    return zip(edges[0::2], edges[1::2], strict=True)


def _candidates(text: str, patterns: dict[str, Any]) -> list[tuple[int, Any]]:
    """(position, what to try there) for the words of the text that can begin a phrase, in text order."""
    index = word_index(text)
    found = [(position, patterns[word]) for word in patterns.keys() & index.keys() for position in index[word]]
    # No two words start at one position, so the tuples compare by position alone (never by what to try there).
    found.sort()
    return found


_last_tested: tuple[str, str | None] = ("", "")


def _tested_text(text: str) -> str | None:
    """The lowered text the prefix tests read, or None where they do not hold (a character of FOLDS_TO_ASCII).
    The last answer is remembered: every matcher asks it of one text in turn."""
    global _last_tested
    cached = _last_tested  # one read of an immutable pair: safe when cards are built in threads
    if cached[0] is text:
        return cached[1]
    tested = None if not text.isascii() and any(char in text for char in FOLDS_TO_ASCII) else lowered(text)
    _last_tested = (text, tested)
    return tested


class WordMatcher:
    """Finds the phrases of named groups; with `overlapping`, each group is matched independently."""

    def __init__(
        self, groups: list[tuple[str, list[str]]], tail: str = r"(?![\w@-])", overlapping: bool = False
    ) -> None:
        self.overlapping = overlapping
        self.phrases = [alternative for _, alternatives in groups for alternative in alternatives]
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
        # Each first word's pattern, with the prefixes its matches begin with (`prefixes`): at a word where the
        # lowered text begins with none of them, `re` need not try (most tries fail, and a test is cheaper).
        self.patterns = {
            word: (self._compile(sorted(entries), tail), _prefix_test(word, entries))
            for word, entries in by_word.items()
        }
        _KEYS.update(by_word)
        self.per_group: dict[str, list[tuple[re.Pattern[str], tuple[str, ...] | None]]] = {}
        if overlapping:
            for word, entries in by_word.items():
                names = list(dict.fromkeys(name for _, name, _ in sorted(entries)))
                self.per_group[word] = [
                    (self._compile(group, tail), _prefix_test(word, group))
                    for name in names
                    if (group := [e for e in sorted(entries) if e[1] == name])
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
        low = _tested_text(text)
        for position, (pattern, test) in _candidates(text, self.patterns):
            if position < last_end:
                continue
            if test is not None and low is not None and not low.startswith(test, position):
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
        low = _tested_text(text)
        for position, patterns in _candidates(text, self.per_group):
            for pattern, test in patterns:
                key = id(pattern)
                if position < last_end.get(key, 0):
                    continue
                if test is not None and low is not None and not low.startswith(test, position):
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
