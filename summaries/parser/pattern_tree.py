"""A plain parse of the regex syntax the vocabularies use, for reading what a pattern's match can begin with.

`wordmatch` needs to know the first words of each vocabulary phrase; it used to read them from `re`'s
private parser. This parses the same syntax into a small tree that says only what that question needs:
which characters each position can take (when they can be listed), groups with their alternatives,
repeats, and zero-width tests. A construct it does not read in detail (any character, a word or digit
class, a negated class, an atomic group, a possessive repeat, a backreference) is kept as an opaque node:
`wordmatch` gives up on a phrase only if it reaches one before its first word ends. A pattern it cannot
parse raises `Unsupported` (the caller then treats the phrase as one with unknown first words). Callers
compile the pattern with `re` first, so this parser need not find every error `re` would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

_REPEAT_MAX = 1 << 32  # an open repeat ("*", "+", "{2,}"): more than any text holds


class Unsupported(Exception):
    """A pattern this parser cannot read."""


@dataclass(frozen=True)
class Chars:
    """One character from `chars`; None when the set is not listed (".", "\\w", "[^x]", ...)."""

    chars: frozenset[str] | None
    # The set stands for a category ("\\s", "\\W", or a class holding one) by one of its members: a match may read
    # a character not listed. Listed characters alone are the only ones a match can read there otherwise.
    category: bool = False


@dataclass(frozen=True)
class Group:
    """A group's alternatives (`group`), a zero-width test (`assert`) or a group read no further (`other`)."""

    kind: Literal["group", "assert", "other"]
    branches: tuple[list[Node], ...] = ()


@dataclass(frozen=True)
class Repeat:
    low: int
    high: int
    items: list[Node]


Node = Chars | Group | Repeat

_OPAQUE = Chars(None)
_SPACE = frozenset(" ")  # "\s" and "\W" stand for a character that ends a word; a space is one
_CONTROL = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ZERO_WIDTH = frozenset("bBAZ")


def parse(pattern: str) -> list[Node]:
    """The tree of `pattern` (a sequence of nodes; a top-level alternation is one group)."""
    parser = _Parser(pattern)
    items = parser.alternation()
    if parser.at != len(pattern):
        raise Unsupported(f"unbalanced ')' at {parser.at}")
    return items


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def _peek(self, text: str) -> bool:
        return self.pattern.startswith(text, self.at)

    def alternation(self) -> list[Node]:
        branches = [self.sequence()]
        while self._peek("|"):
            self.at += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else [Group("group", tuple(branches))]

    def sequence(self) -> list[Node]:
        items: list[Node] = []
        while self.at < len(self.pattern) and self.pattern[self.at] not in "|)":
            node = self.atom()
            if node is not None:
                items.append(self.repeated(node))
            elif items:  # a comment or flags: a repeat after it repeats the item before it, as in `re`
                items[-1] = self.repeated(items[-1])
        return items

    def repeated(self, node: Node) -> Node:
        p = self.pattern
        if self.at >= len(p):
            return node
        char = p[self.at]
        if char in "*+?":
            low, high = {"*": (0, _REPEAT_MAX), "+": (1, _REPEAT_MAX), "?": (0, 1)}[char]
            self.at += 1
        elif char == "{":
            bounds = self._bounds()
            if bounds is None:
                return node  # a "{" that opens no repeat is a literal, read as the next atom
            low, high = bounds
        else:
            return node
        if self._peek("?"):  # lazy: the same words can begin a match
            self.at += 1
        elif self._peek("+"):  # possessive: read no further
            self.at += 1
            return Group("other")
        return Repeat(low, high, [node])

    def _bounds(self) -> tuple[int, int] | None:
        p = self.pattern
        close = p.find("}", self.at)
        if close < 0:
            return None
        body = p[self.at + 1 : close]
        low_text, comma, high_text = body.partition(",")
        if not (low_text.isdigit() or (comma and not low_text)) or not (high_text.isdigit() or not high_text):
            return None
        if not (low_text.isascii() and high_text.isascii()):
            return None
        low = int(low_text or 0)
        high = int(high_text) if high_text else (_REPEAT_MAX if comma else low)
        if high < low:
            raise Unsupported("min repeat greater than max repeat")
        self.at = close + 1
        return low, high

    def atom(self) -> Node | None:
        char = self.pattern[self.at]
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char in "*+?":
            raise Unsupported("nothing to repeat")
        self.at += 1
        if char == "\\":
            return self.escape()
        if char == ".":
            return _OPAQUE
        if char in "^$":
            return Group("assert")
        return Chars(frozenset(char))

    def escape(self) -> Node:
        if self.at >= len(self.pattern):
            raise Unsupported("a pattern ending in a backslash")
        char = self.pattern[self.at]
        self.at += 1
        if char in _ZERO_WIDTH:
            return Group("assert")
        if char in "sW":
            return Chars(_SPACE, category=True)
        if char in "wdSD":
            return _OPAQUE
        if char.isdigit() and char != "0":
            return Group("other")  # a backreference
        return Chars(frozenset(self._literal_escape(char)))

    def _literal_escape(self, char: str) -> str:
        """The character a one-character escape stands for (after its letter, for \\x, \\u, \\U and \\0)."""
        if char in _CONTROL:
            return _CONTROL[char]
        p = self.pattern
        if char in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[char]
            digits = p[self.at : self.at + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise Unsupported(f"a bad \\{char} escape")
            self.at += width
            return chr(int(digits, 16))
        if char == "0":
            end = self.at
            while end < len(p) and end < self.at + 2 and p[end] in "01234567":
                end += 1
            value = int("0" + p[self.at : end], 8)
            self.at = end
            return chr(value)
        if char.isascii() and char.isalnum():
            raise Unsupported(f"the escape \\{char}")  # \N{...}, \g and unknown letters
        return char

    def char_class(self) -> Node:
        p = self.pattern
        self.at += 1
        negated = self._peek("^")
        if negated:
            self.at += 1
        chars: set[str] = set()
        listed = True
        category = False
        first = True
        while True:
            if self.at >= len(p):
                raise Unsupported("an unterminated class")
            char = p[self.at]
            if char == "]" and not first:
                self.at += 1
                break
            first = False
            if char == "[" and p.startswith(":", self.at + 1):
                raise Unsupported("a POSIX-like class")
            low = self._class_member()
            if low is None:
                continue
            if isinstance(low, frozenset):  # a category
                if low is _SPACE:
                    chars |= low
                    category = True
                else:
                    listed = False
                continue
            if self._peek("-") and not p.startswith("]", self.at + 1) and self.at + 1 < len(p):
                self.at += 1
                high = self._class_member()
                if not isinstance(high, str) or ord(high) < ord(low):
                    raise Unsupported("a bad character range")
                chars.update(chr(x) for x in range(ord(low), ord(high) + 1))
            else:
                chars.add(low)
        if negated or not listed:
            return _OPAQUE
        return Chars(frozenset(chars), category=category)

    def _class_member(self) -> str | frozenset[str] | None:
        """One character of a class, or a category (the space set, or an empty set for one not listed)."""
        p = self.pattern
        char = p[self.at]
        self.at += 1
        if char != "\\":
            return char
        if self.at >= len(p):
            raise Unsupported("a class ending in a backslash")
        char = p[self.at]
        self.at += 1
        if char in "sW":
            return _SPACE
        if char in "wdSD":
            return frozenset()
        if char == "b":
            return "\b"
        if char.isdigit() and char != "0":
            raise Unsupported("an octal or back reference in a class")
        return self._literal_escape(char)

    def group(self) -> Node | None:
        p = self.pattern
        self.at += 1
        kind: Literal["group", "assert", "other"] = "group"
        if self._peek("?"):
            rest = p[self.at + 1 :]
            if rest.startswith("#"):
                close = p.find(")", self.at)
                if close < 0:
                    raise Unsupported("an unterminated comment")
                self.at = close + 1
                return None
            if rest.startswith(":"):
                self.at += 2
            elif rest.startswith(("=", "!")):
                kind, self.at = "assert", self.at + 2
            elif rest.startswith(("<=", "<!")):
                kind, self.at = "assert", self.at + 3
            elif rest.startswith("P<"):
                close = p.find(">", self.at)
                if close < 0:
                    raise Unsupported("an unterminated group name")
                self.at = close + 1
            elif rest.startswith(">"):
                kind, self.at = "other", self.at + 2
            elif rest.startswith("("):
                raise Unsupported("a conditional group")
            elif rest.startswith("P="):
                kind = "other"
                self.at += 2
            else:
                self.at += 1
                while self.at < len(p) and p[self.at] in "aiLmsux-":
                    self.at += 1
                if self._peek(")"):  # flags for the whole pattern: no node
                    self.at += 1
                    return None
                if not self._peek(":"):
                    raise Unsupported("an unknown group")
                self.at += 1
        body = self.alternation()
        if not self._peek(")"):
            raise Unsupported("an unterminated group")
        self.at += 1
        if kind == "group" and len(body) == 1 and isinstance(body[0], Group) and body[0].kind == "group":
            return body[0]  # the group of an alternation is that alternation
        return Group(kind, (body,)) if kind != "other" else Group("other")
