"""Cheap pre-checks for cue patterns: the literal text any match must start with.

Python's `re` scans fast only when a pattern begins with a literal; cue patterns begin with word boundaries
and alternations, so each search walks the whole passage. A substring test on the required prefixes
(`"retain" in text`) rules most patterns out at C speed first. The gate is only a necessary condition:
a pattern whose prefix cannot be worked out is always searched.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

MAX_PREFIXES = 64
MIN_PREFIX = 2  # shorter prefixes ("a", "s") would let nearly every passage through
MIN_LITERAL = 3  # a gate on "we" or "to" would let nearly every passage through
MAX_STEMS = 6  # more stems than this are tested with one regex of literals instead of `in` tests
_WORD = re.compile(r"\w+")


def words_of(text: str) -> frozenset[str]:
    """The distinct `\\w+` runs of a text: what `GatedPattern.search` tests whole-word gates against."""
    return frozenset(_WORD.findall(text))


class GatedPattern:
    """A cue pattern searched fast: split at its top-level `|`, each alternative behind a literal gate."""

    __slots__ = ("alternatives", "first_words", "partial", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.alternatives = [_Alternative(part) for part in split_alternatives(pattern)]
        # The union of the alternatives' word gates rules the whole pattern out with one set test.
        self.first_words: frozenset[str] | None = None
        self.partial: tuple[str, ...] = ()
        if all(alternative.first_words is not None for alternative in self.alternatives):
            self.first_words = frozenset().union(*(alternative.first_words for alternative in self.alternatives))
            self.partial = tuple(sorted({part for alternative in self.alternatives for part in alternative.partial}))

    def search(self, text: str, words: frozenset[str] | None = None) -> bool:
        """True when the pattern matches `text`; `words` must be `words_of(text)` when given (callers that
        search one text with many patterns compute it once)."""
        if words is None:
            words = words_of(text)
        if self.first_words is not None and self.first_words.isdisjoint(words):
            for part in self.partial:
                if part in text:
                    break
            else:
                return False
        for alternative in self.alternatives:  # noqa: SIM110 - a plain loop beats any() in this hot path
            if alternative.search(text, words):
                return True
        return False


class _Alternative:
    __slots__ = ("first_words", "gate", "partial", "pattern", "stems", "unbounded")

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        # A leading \b hides the pattern's literal prefix from `re`, which then tries every position; search
        # without it (fast) and check the word boundary by hand.
        self.unbounded = re.compile(pattern[2:]) if _leading_boundary(pattern) else None
        self.stems = required_literals(pattern)
        self.gate = None
        if self.stems is not None and len(self.stems) > MAX_STEMS:
            self.gate = re.compile("|".join(re.escape(stem) for stem in self.stems))
        self.first_words, self.partial = _word_gate(pattern) if self.unbounded is not None else (None, ())

    def search(self, text: str, words: frozenset[str]) -> bool:
        if self.first_words is not None and self.first_words.isdisjoint(words):
            for part in self.partial:
                if part in text:
                    break
            else:
                return False
        if self.gate is not None:
            if self.gate.search(text) is None:
                return False
        elif self.stems is not None:
            for stem in self.stems:
                if stem in text:
                    break
            else:
                return False
        if self.unbounded is None:
            return self.pattern.search(text) is not None
        position = 0
        while (match := self.unbounded.search(text, position)) is not None:
            start = match.start()
            before = start > 0 and _is_word(text[start - 1])
            after = start < len(text) and _is_word(text[start])
            if before != after:
                return True
            position = start + 1
        return False


def _word_gate(pattern: str) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """Whole words and substrings, one of which every match of a `\\b`-led pattern needs: a match starts a
    word, so a required prefix with a non-word character in it ("third party") needs its first word
    ("third") as a whole word of the text; an all-word prefix ("shar") needs only to occur somewhere.
    (None, ()) when the prefixes are unknown."""
    prefixes = required_prefixes(pattern)
    if prefixes is None:
        return None, ()
    whole: set[str] = set()
    partial: list[str] = []
    for prefix in prefixes:
        run = _WORD.match(prefix)
        if run is None:  # a match may then start after a word character: no word gate holds
            return None, ()
        if run.end() < len(prefix):
            whole.add(run.group(0))
        else:
            partial.append(prefix)
    return frozenset(whole), tuple(partial)


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


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """The most telling set of literals one of which every match must contain: the required prefixes, or
    a group of plain alternatives that no match can skip (`(?:collect|gather)`), whichever has the longest
    shortest member. None when no set is worth testing."""
    candidates: list[tuple[str, ...]] = []
    prefixes = required_prefixes(pattern)
    if prefixes:
        stemmed = stems(prefixes)
        if stemmed:
            candidates.append(stemmed)
    try:
        items = list(_parser.parse(pattern))
    except Exception:
        items = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            candidates.append(("".join(run).strip(),))
            run = []
        group = None
        if op is c.SUBPATTERN:
            group = _alternatives(list(arg[-1]))
        elif op is c.BRANCH:
            group = _alternatives([(op, arg)])
        elif op is c.MAX_REPEAT and arg[0] >= 1:
            group = _alternatives(list(arg[2]))
        if group is not None and group[1]:
            candidates.append(tuple(sorted({g.strip() for g in group[0]})))
    candidates = [cand for cand in candidates if cand and min(len(x) for x in cand) >= MIN_LITERAL]
    if not candidates:
        return None
    best = max(candidates, key=lambda cand: (min(len(x) for x in cand), -len(cand)))
    return tuple(x for x in best if not any(o != x and o in x for o in best))


def stems(prefixes: tuple[str, ...]) -> tuple[str, ...] | None:
    """The fewest short strings one of which must occur wherever a prefix does: first words, with any
    string that contains another dropped (the shorter one is absent whenever the longer one is)."""
    words = {prefix.split(" ", 1)[0] or prefix for prefix in prefixes}
    if any(len(word) < MIN_PREFIX for word in words):
        words = set(prefixes)
    kept = sorted(w for w in words if not any(o != w and o in w for o in words))
    return tuple(kept) if kept else None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _leading_boundary(pattern: str) -> bool:
    """True when the pattern is `\b` followed by one sequence (no top-level alternation)."""
    if not pattern.startswith("\\b"):
        return False
    try:
        parsed = list(_parser.parse(pattern))
    except Exception:
        return False
    # A top-level `a|b` parses as one BRANCH item; a leading AT means the pattern is `\b` then one sequence.
    return len(parsed) > 1 and parsed[0] == (c.AT, c.AT_BOUNDARY)


def required_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Literal strings, one of which starts every match of `pattern`; None when that cannot be shown."""
    try:
        parsed = _parser.parse(pattern)
        prefixes = _sequence(list(parsed))
    except Exception:  # an unusual construct: do without the gate
        return None
    if not prefixes or any(len(p) < MIN_PREFIX for p in prefixes):
        return None
    return tuple(sorted(set(prefixes)))


def _sequence(items: list) -> list[str] | None:
    """Required prefixes of a sequence of parsed items (stops at the first item that is not literal)."""
    current = [""]
    for op, arg in items:
        if op is c.AT:  # \b, ^, $: zero-width
            continue
        if op is c.LITERAL:
            current = [p + chr(arg) for p in current]
            continue
        if op is c.SUBPATTERN or op is c.BRANCH:
            options = _alternatives(list(arg[-1]) if op is c.SUBPATTERN else [(op, arg)])
            if options is None:
                return None
            full, exact = options
            current = [p + o for p in current for o in full]
            if len(current) > MAX_PREFIXES:
                return None
            if not exact:
                return current
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:
            # An optional plain group ("ad(?:vertising)? ", "e-?mail") is read both with and without it.
            options = _alternatives(_unwrap(list(arg[2])))
            if options is None or not options[1]:
                break
            expanded = [p + o for p in current for o in [*options[0], ""]]
            if len(expanded) > MAX_PREFIXES:
                break
            current = expanded
            continue
        break
    return current


def _unwrap(items: list) -> list:
    """The items inside a lone flag-free group, else the items themselves."""
    if len(items) == 1 and items[0][0] is c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        return list(items[0][1][-1])
    return items


def _alternatives(items: list) -> tuple[list[str], bool] | None:
    """(prefixes, exact) of a group: exact when every alternative is a plain literal string."""
    if len(items) == 1 and items[0][0] is c.BRANCH:
        out: list[str] = []
        exact = True
        for branch in items[0][1][1]:
            literal = _literal(list(branch))
            if literal is not None:
                out.append(literal)
                continue
            exact = False
            prefixes = _sequence(list(branch))
            if prefixes is None:
                return None
            out.extend(prefixes)
        return out, exact
    literal = _literal(items)
    if literal is not None:
        return [literal], True
    prefixes = _sequence(items)
    return (prefixes, False) if prefixes is not None else None


def _literal(items: list) -> str | None:
    chars = []
    for op, arg in items:
        if op is not c.LITERAL:
            return None
        chars.append(chr(arg))
    return "".join(chars)
