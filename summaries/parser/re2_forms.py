"""The RE2 form of a Python pattern: one RE2 accepts that matches wherever the Python pattern matches.

RE2 (google-re2) matches a whole set of patterns in one pass, but its syntax and classes differ a little
from Python's `re`: no lookarounds or backreferences, `$` only at the very end, ASCII-only `\\b`, `\\w`,
`\\d`, and a `\\s` without `\\v`. The form given here only ever widens the pattern where RE2 cannot say
the same thing: a lookaround, a `$` or `\\Z` is dropped (a zero-width test left out), a possessive or
atomic group loses its possessiveness, `\\s` gains what RE2 leaves out. So a text the form does not match
is one the pattern does not match either, and a caller runs the Python pattern only on texts the form
matches. Written for one kind of text at a time:
- `ascii=True`, for texts that are all ASCII, or whose other characters are neither letters, digits nor
  spaces (curly quotes, dashes: `ascii_like`): there RE2's `\\b`, `\\w` and `\\d` are Python's.
- `ascii=False`, for any text: `\\b` is dropped and `\\w`, `\\d`, `\\s` take every non-ASCII character.
What the form cannot widen safely (a backreference, a conditional, a case-insensitive pattern with a
non-ASCII letter, an unknown escape) gives None: the caller then runs the pattern on every text. A
case-insensitive form for any text holds only for texts without FOLDS_TO_ASCII (`caseless`).
A form for ASCII texts that needed no widening at all is `exact`: on an ASCII-like text it matches exactly
where the pattern does, so its answer needs no check by `re`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import re2

WIDE = r"\x{80}-\x{10FFFF}"  # every non-ASCII character, as a class range
_SPACE_EXTRA = r"\v\x1c-\x1f"  # what Python's \s matches in ASCII and RE2's does not
# A character outside ASCII that Python's \w, \d or \s matches and RE2's ASCII classes do not.
_WORD_OR_SPACE_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f]|[^\S\x00-\x7f]")
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_GROUP_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])")
_MAX_REPEAT = 1000  # RE2's limit on a counted repeat
FORM_OPTIONS = re2.Options()
FORM_OPTIONS.log_errors = False  # a pattern RE2 refuses is expected: the caller searches it always


# The only non-ASCII characters that re.IGNORECASE matches with an ASCII letter (İ and ı with i, ſ with s,
# the Kelvin sign with k); RE2 folds the first two differently.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


class Form(NamedTuple):
    pattern: str  # for RE2
    exact: bool  # matches where the Python pattern does, not only there and more
    caseless: bool = False  # for a non-ASCII text, holds only if the text has none of FOLDS_TO_ASCII


class _Unsupported(Exception):
    """A construct the form cannot widen safely."""


def ascii_like(text: str) -> bool:
    """Whether the forms for ASCII text hold for this text: its characters beyond ASCII, if any, are
    neither letters, digits nor spaces (so no class or word boundary reads them differently)."""
    return text.isascii() or _WORD_OR_SPACE_BEYOND_ASCII.search(text) is None


def re2_form(pattern: str, *, ascii: bool) -> Form | None:
    """An RE2 pattern matching every text (all ASCII, when `ascii`) that `pattern` matches; None if unknown."""
    translator = _Translator(pattern, ascii)
    try:
        re.compile(pattern)
        form = translator.run()
    except (re.error, _Unsupported):
        return None
    if translator.caseless and _folds_beyond_ascii(pattern):
        return None  # RE2 and Python fold a few non-ASCII letters differently (dotless i)
    try:
        re2.compile(form, FORM_OPTIONS)
    except re2.error:
        return None
    return Form(form, ascii and translator.exact, translator.caseless and not ascii)


def _folds_beyond_ascii(pattern: str) -> bool:
    """Whether a case-insensitive match of the pattern may fold a character beyond ASCII: it holds such a character
    that has a case (a letter such as é or ı), or one that may end a class range (the range may hold letters).
    Curly quotes and dashes have no case: both engines match them only as themselves."""
    for at, char in enumerate(pattern):
        if char.isascii():
            continue
        if char.lower() != char or char.upper() != char or char.casefold() != char:
            return True
        if pattern[at - 1 : at] == "-" or pattern[at + 1 : at + 2] == "-":
            return True
    return False


class _Translator:
    def __init__(self, pattern: str, ascii: bool) -> None:
        self.pattern = pattern
        self.ascii = ascii
        self.at = 0
        self.out: list[str] = []
        self.caseless = False
        self.exact = True  # nothing widened so far

    def run(self) -> str:
        while self.at < len(self.pattern):
            self._item()
        return "".join(self.out)

    def _widened(self, form: str) -> str:
        self.exact = False
        return form

    def _item(self) -> None:
        p, char = self.pattern, self.pattern[self.at]
        if char == "\\":
            self.out.append(self._escape(p[self.at + 1 : self.at + 2]))
            self.at += 2
        elif char == "[":
            self._char_class()
        elif char == "(":
            self._group()
        elif char == "$":
            self.out.append(self._widened("(?:)"))  # before a final newline in Python, at the end in RE2: left out
            self.at += 1
        elif char == "{":
            repeat = _REPEAT.match(p, self.at)
            if repeat is None or repeat.group() == "{}":  # Python reads "{}" as the two characters, not a repeat
                self.out.append(r"\{")
                self.at += 1
            else:
                low, comma, high = repeat.groups()
                if int(low or 0) > _MAX_REPEAT or int(high or 0) > _MAX_REPEAT:
                    raise _Unsupported
                self.out.append("{" + (low or "0") + comma + high + "}")
                self.at = repeat.end()
                self._after_repeat()
        elif char in "*+?":
            self.out.append(char)
            self.at += 1
            self._after_repeat()
        elif char == "}":
            self.out.append(r"\}")
            self.at += 1
        else:
            self.out.append(char)
            self.at += 1

    def _after_repeat(self) -> None:
        """A lazy mark is kept; a possessive one is dropped (a possessive repeat matches a subset)."""
        if self.pattern.startswith("?", self.at):
            self.out.append("?")
            self.at += 1
        elif self.pattern.startswith("+", self.at):
            self.exact = False
            self.at += 1

    def _escape(self, char: str) -> str:
        if char == "b":
            return r"\b" if self.ascii else self._widened("(?:)")
        if char == "B":  # in Python, unlike RE2, \B does not match the empty text
            return self._widened(r"\B" if self.ascii else "(?:)")
        if char == "w":
            return r"\w" if self.ascii else rf"[\w{WIDE}]"
        if char == "d":
            return r"\d" if self.ascii else rf"[\d{WIDE}]"
        if char == "s":
            return rf"[\s{_SPACE_EXTRA}]" if self.ascii else rf"[\s{_SPACE_EXTRA}{WIDE}]"
        if char == "S":
            return rf"[^\s{_SPACE_EXTRA}]"
        if char in "WDA":
            return "\\" + char  # RE2's \W and \D hold Python's: they only lack the non-ASCII exceptions
        if char == "Z":
            return self._widened("(?:)")
        return self._literal_escape(char)

    def _literal_escape(self, char: str) -> str:
        """A one-character escape that stands for itself or a control character, the same in both."""
        if char in "tnrfva":
            return "\\" + char
        if char == "x":
            digits = self.pattern[self.at + 2 : self.at + 4]
            self.at += 2
            return r"\x" + digits
        if char in "uU":
            width = 4 if char == "u" else 8
            digits = self.pattern[self.at + 2 : self.at + 2 + width]
            self.at += width
            return r"\x{" + digits + "}"
        if char.isascii() and char.isalnum():
            raise _Unsupported  # a backreference, an octal escape or \N{...}
        return "\\" + char if char.isascii() else char

    def _char_class(self) -> None:
        p = self.pattern
        self.at += 1
        negated = p.startswith("^", self.at)
        if negated:
            self.at += 1
        members: list[str] = []
        first = True
        while True:
            char = p[self.at]
            if char == "]" and not first:
                self.at += 1
                break
            first = False
            if char == "[" and p.startswith(":", self.at + 1):
                raise _Unsupported  # a POSIX class to RE2, two literals to Python
            if char == "\\":
                members.append(self._class_escape(p[self.at + 1], negated))
                self.at += 2
                continue
            members.append("\\" + char if char in "[]^-" and self._literal_here(char, members) else char)
            self.at += 1
        self.out.append("[" + ("^" if negated else "") + "".join(members) + "]")

    def _literal_here(self, char: str, members: list[str]) -> bool:
        """Whether a `-` stands for itself (at either end of the class) or a bracket or caret appears."""
        if char != "-":
            return True
        return not members or self.pattern[self.at + 1] == "]"

    def _class_escape(self, char: str, negated: bool) -> str:
        # In a negated class a member must not grow (the complement would shrink); in a plain one it may.
        if char == "b":
            return r"\x08"
        if char in "wds":
            space = _SPACE_EXTRA if char == "s" else ""  # Python's own, ASCII or not: exact either way
            if negated:
                return "\\" + char + space  # RE2's \w and \d are within Python's: the complement only grows
            return "\\" + char + space + ("" if self.ascii else WIDE)
        if char in "WDS":
            if negated:
                raise _Unsupported
            return self._widened("\\" + char) if char == "S" else "\\" + char
        if char == "-":
            return r"\-"
        return self._literal_escape(char)

    def _group(self) -> None:
        p = self.pattern
        rest = p[self.at + 1 :]
        if not rest.startswith("?"):
            self.out.append("(?:")  # a capture changes nothing of where a form matches, and costs RE2 its fast path
            self.at += 1
            return
        if rest.startswith(("?=", "?!", "?<=", "?<!")):
            self.at = _group_end(p, self.at)
            self.out.append(self._widened("(?:)"))  # a lookaround tests the text around: left out, the form widens
            return
        if rest.startswith("?:"):
            self.out.append("(?:")
            self.at += 3
            return
        if rest.startswith("?>"):
            self.out.append(self._widened("(?:"))  # an atomic group matches a subset of the plain group
            self.at += 3
            return
        if rest.startswith("?P<"):
            self.out.append("(?:")  # names and captures do not matter to whether a pattern matches
            self.at = p.index(">", self.at) + 1
            return
        if rest.startswith("?#"):
            self.at = p.index(")", self.at) + 1
            return
        flags = _GROUP_FLAGS.match(p, self.at)
        if flags is None:
            raise _Unsupported  # a backreference by name, a conditional
        added, removed, end = flags.group(1), flags.group(2) or "", flags.group(3)
        if set(added + removed) - set("imsu"):
            raise _Unsupported  # verbose, ASCII or locale matching
        self.caseless = self.caseless or "i" in added
        kept_added, kept_removed = added.replace("u", ""), removed.replace("u", "")
        text = kept_added + ("-" + kept_removed if kept_removed else "")
        self.out.append(f"(?{text}{end}" if text or end == ":" else "")
        self.at = flags.end()


def _group_end(pattern: str, start: int) -> int:
    """The index just after the group opened at `start`."""
    depth, at, in_class = 0, start, False
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern.startswith("]", at + 1) or pattern.startswith("^]", at + 1):
                at += 1 + pattern.startswith("^", at + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    raise _Unsupported
