"""Many cue patterns searched in one text at once, visiting only the few whose literals the text holds.

Every pattern is split at its top-level `|`, and each alternative is known by the literal sets it cannot
match without (see `literals.py`), cut to their first `KEY_LENGTH` characters. One regex over the text
finds, at every position, the longest such key there; from those the set of keys present follows, and an
inverted index from key to alternative names the candidates. Only a candidate whose every set is present
has its regex run. Patterns are reported in the order given, so callers that add weights add them in the
same order as a plain loop would. An alternative with no usable literal is a candidate for every text: the
index only ever saves work, it never decides an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from re import (
    _compiler,  # type: ignore[attr-defined]
    _parser,  # type: ignore[attr-defined]
)
from re import _constants as c  # type: ignore[attr-defined]

from summaries.parser.literals import required_literals

KEY_LENGTH = 16  # shorter keys tell passages apart less well (more regexes run); longer ones gain nothing

_Search = Callable[[str], object]


class CueIndex:
    """`matching(text)`: the indices of the patterns that `re.search` would find in the text, ascending."""

    __slots__ = ("_always", "_by_key", "_prefixes", "_scan", "_units")

    def __init__(self, patterns: Sequence[str]) -> None:
        for pattern in patterns:
            re.compile(pattern)  # an invalid pattern fails here, as it would anywhere else
        # (pattern index, search, the literal sets other than the one it is indexed under), in pattern order.
        self._units: list[tuple[int, _Search, tuple[frozenset[str], ...]]] = []
        keyed: list[tuple[int, frozenset[str]]] = []
        always: list[int] = []
        for index, pattern in enumerate(patterns):
            for part in split_alternatives(pattern) if _splittable(pattern) else [pattern]:
                conditions = _keys(required_literals(part))
                unit = len(self._units)
                if conditions:
                    key = max(conditions, key=_selectivity)
                    keyed.append((unit, key))
                    conditions = tuple(condition for condition in conditions if condition is not key)
                else:
                    always.append(unit)
                self._units.append((index, _searcher(part), conditions))
        indexed = [condition for _, condition in keyed]
        others = [condition for _, _, rest in self._units for condition in rest]
        keys = sorted({key for condition in [*indexed, *others] for key in condition})
        self._always = frozenset(always)
        # The scan reports the longest key at each position; the shorter keys there are its prefixes.
        known = set(keys)
        self._prefixes = {key: frozenset(key[:n] for n in range(1, len(key) + 1)) & known for key in keys}
        units_of: dict[str, set[int]] = {}
        for unit, condition in keyed:
            for key in condition:
                units_of.setdefault(key, set()).add(unit)
        self._by_key = {
            key: frozenset().union(*(units_of.get(prefix, ()) for prefix in prefixes))
            for key, prefixes in self._prefixes.items()
        }
        # Eating one character after each find visits the same positions as a bare lookahead, and `findall`
        # is faster at non-empty matches.
        self._scan = re.compile(f"(?=({_trie(keys)}))(?s:.)") if keys else None

    def matching(self, text: str) -> list[int]:
        found = set(self._scan.findall(text)) if self._scan is not None else set()
        present = frozenset().union(*map(self._prefixes.__getitem__, found))
        candidates = self._always.union(*map(self._by_key.__getitem__, found))
        matched: list[int] = []
        units = self._units
        for unit in sorted(candidates):
            index, search, conditions = units[unit]
            if matched and matched[-1] == index:
                continue  # an earlier alternative of this pattern matched already
            for condition in conditions:
                if condition.isdisjoint(present):
                    break
            else:
                if search(text):
                    matched.append(index)
        return matched

    def search(self, text: str) -> bool:
        """Whether any of the patterns matches the text."""
        return bool(self.matching(text))


def _keys(conditions: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """The sets cut to key length, each without members that contain another member."""
    out = []
    for condition in conditions:
        cut = {member[:KEY_LENGTH] for member in condition}
        out.append(frozenset(m for m in cut if not any(o != m and o in m for o in cut)))
    return tuple(out)


def _selectivity(condition: frozenset[str]) -> tuple[int, int]:
    """Longer shortest member first (rarer in text), then fewer members."""
    return min(len(member) for member in condition), -len(condition)


def _trie(keys: list[str]) -> str:
    """One regex for a list of literals that matches, at a position, the longest of them found there."""
    root: dict[str, dict] = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        # Children differ in their first character, so at most one can match: greedy `?` then keeps the longest.
        children = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else f"(?:{'|'.join(children)})"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _searcher(pattern: str) -> _Search:
    compiled = re.compile(pattern)
    if not _leading_boundary(pattern):
        return compiled.search
    try:
        unbounded = re.compile(pattern[2:])
    except re.error:
        return compiled.search
    if not _skips_ahead(pattern[2:]):
        return compiled.search  # without a prefix to skip to, the loop below only adds work

    # A leading \b hides the pattern's literal prefix from `re`, which then tries every position; search
    # without it (fast) and check the word boundary by hand.
    def search(text: str) -> bool:
        position = 0
        # `search` reads a position past the end as the end: stop there, or a nullable pattern never ends.
        while position <= len(text) and (match := unbounded.search(text, position)) is not None:
            start = match.start()
            before = start > 0 and _is_word(text[start - 1])
            after = start < len(text) and _is_word(text[start])
            if before != after:
                return True
            position = start + 1
        return False

    return search


def _skips_ahead(pattern: str) -> bool:
    """Whether `re` can skip to the places a match may start: the pattern begins with a literal or one
    character of a known set (asked of `re`'s own compiler; when it cannot say, assume so)."""
    try:
        parsed = _parser.parse(pattern)
        prefix, _skip, _all = _compiler._get_literal_prefix(parsed, parsed.state.flags)
        return bool(prefix) or _compiler._get_charset_prefix(parsed, parsed.state.flags) is not None
    except Exception:
        return True


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _leading_boundary(pattern: str) -> bool:
    """True when the pattern is `\\b` followed by one sequence (no top-level alternation)."""
    if not pattern.startswith("\\b"):
        return False
    try:
        parsed = list(_parser.parse(pattern))
    except Exception:
        return False
    # A top-level `a|b` parses as one BRANCH item; a leading AT means the pattern is `\b` then one sequence.
    return len(parsed) > 1 and parsed[0] == (c.AT, c.AT_BOUNDARY)


def _splittable(pattern: str) -> bool:
    """Whether the top-level alternatives may be searched one by one: no global flags (`(?i)a|b` would lose
    the flag for `b`) and no backreferences (group numbers change when the pattern is cut)."""
    try:
        parsed = _parser.parse(pattern)
    except Exception:
        return False
    if parsed.state.flags & ~c.SRE_FLAG_UNICODE:
        return False
    if _has_backreference(list(parsed)):
        return False
    try:
        for part in split_alternatives(pattern):
            re.compile(part)
    except re.error:
        return False
    return True


def _has_backreference(node: object) -> bool:
    if isinstance(node, _parser.SubPattern):
        node = node.data
    if isinstance(node, (list, tuple)):
        if node and (node[0] is c.GROUPREF or node[0] is c.GROUPREF_EXISTS):
            return True
        return any(_has_backreference(item) for item in node)
    return False


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(c|d)` gives `a` and `b(c|d)`)."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts
