"""One pass over a policy's sentences with the layout cues the section extractors need.

Each sentence knows the heading it sits under (a short title line, an inline "Heading:" prefix or an
upper-case run such as "SHARING YOUR INFORMATION We ...") and whether it is a list item, so that a
bare list line like "- Geolocation data;" can inherit the meaning of the sentence that introduced the
list ("We collect the following information:"). Cached per text: four extractors share one scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from summaries.parser.evidence import sentences
from summaries.parser.prefix_scan import finditer
from summaries.parser.types import Passage
from summaries.parser.wordmatch import WordMatcher

_ITEM = re.compile(r"(?:[-•*·▪●◦–]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\s*")
# Each word is read whole (`*+`): splitting a word at its capitals ("PERSONAL" as "PER" + "SONAL") never makes a
# match, and trying every split took milliseconds on a line of capitals with no colon after it.
_INLINE_HEADING = re.compile(r"((?:[A-Z][\w’'&/,-]*+\s?){1,7}):\s")
_CAPS_HEADING = re.compile(r"((?:[A-Z][A-Z’'&/-]+\s+){2,8})(?=[A-Z][a-z])")
_WORD = re.compile(r"[A-Za-z’']+")
# What the two heading patterns need at a sentence's start, tested before they are tried (most sentences fail):
# both begin with an ASCII capital; a run of capitals has a second character of its class; an inline heading
# has a colon somewhere.
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPS_SECOND = _CAPITALS | frozenset("’'&/-")
_SHORT_LINE = 12  # words in a bare list line
_LABELS = {"note", "example", "examples", "important", "please note", "warning", "tip", "for example", "e.g", "i.e"}


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    heading: str = ""
    is_heading: bool = False
    is_item: bool = False
    line_start: bool = False
    block: int = 0  # index of the paragraph (blank-line separated block) it belongs to
    intro: int = -1  # for list items: index of the sentence that introduced the list


@dataclass
class Scan:
    text: str
    items: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    buckets: dict[int, dict[int, list[re.Match[str]]]] = field(default_factory=dict)

    def index_at(self, position: int) -> int:
        """Index of the sentence containing `position`, or -1 between sentences."""
        i = bisect_right(self.starts, position) - 1
        if i >= 0 and position < self.items[i].end:
            return i
        return -1

    def bucket(self, pattern: re.Pattern[str] | WordMatcher) -> dict[int, list[re.Match[str]]]:
        """Matches of `pattern` over the whole text, grouped by sentence index (one pass, remembered)."""
        key = id(pattern)
        if key in self.buckets:
            return self.buckets[key]
        found: dict[int, list[re.Match[str]]] = {}
        self.buckets[key] = found
        matches = pattern.finditer(self.text) if isinstance(pattern, WordMatcher) else finditer(pattern, self.text)
        for match in matches:
            i = self.index_at(match.start())
            if i >= 0:
                found.setdefault(i, []).append(match)
        return found


def _looks_like_heading(line: str) -> bool:
    words = _WORD.findall(line)
    if not words or len(words) > 12 or len(line) > 100:
        return False
    if line[-1] in ".;,:" and not line.isupper():
        return False
    if line[-1] == "?" and line[0].isupper() and len(words) >= 2:
        return True  # a question on its own line ("What information do we collect?") titles what follows
    capitals = sum(1 for w in words if w[0].isupper())
    return line[0].isupper() and capitals >= max(1, len(words) // 2)


@lru_cache(maxsize=8)
def scan(text: str) -> Scan:
    result = Scan(text)
    heading, block, last_non_item, prev_end = "", 0, -1, 0
    colon_intro, colon_block = -1, -1  # a whole line ending in ":" opens a list of short bare lines
    item_line = False  # the current line began with a list marker
    for start, end in sentences(text):
        body = text[start:end]
        line_start = _at_line_start(text, start)
        if text.count("\n", prev_end, start) >= 2:
            block += 1
        prev_end = end
        item = line_start and bool(_ITEM.match(body))
        if line_start:
            item_line = item
        whole_line = line_start and (end == len(text) or text[end] in "\r\n")
        bare_item = (
            not item
            and whole_line
            and colon_intro >= 0
            and block - colon_block <= 1
            and len(_WORD.findall(body)) <= _SHORT_LINE
            and not body.endswith(":")
        )
        sentence = Sentence(start, end, body, heading, False, item or bare_item, line_start, block)
        if bare_item:
            sentence.intro = colon_intro
            colon_block = block
        elif whole_line and not item and _looks_like_heading(body):
            sentence.is_heading = True
            heading = body.rstrip("?: ")
            sentence.heading = heading
            last_non_item = -1
        else:
            inline = inline_heading(body) if line_start else None
            caps = caps_heading(body)
            if inline and not item and inline.group(1).strip().lower() not in _LABELS:
                heading = inline.group(1)
            elif caps:
                heading = caps.group(1).strip()
            sentence.heading = heading
        if item:
            sentence.intro = last_non_item
        elif not sentence.is_heading and not bare_item and not item_line:
            # a sentence further along a list item's line ("• Contact data. Such as your name.") explains the
            # item; the list's lead-in stays the one before it
            last_non_item = len(result.items)
        if whole_line and body.endswith(":") and not item:
            colon_intro, colon_block = len(result.items), block
        elif not bare_item and not item:
            colon_intro = -1
        result.items.append(sentence)
        result.starts.append(start)
    return result


def inline_heading(body: str) -> re.Match[str] | None:
    """`_INLINE_HEADING.match(body)`, tried only where the sentence can hold one."""
    return _INLINE_HEADING.match(body) if body[:1] in _CAPITALS and ":" in body else None


def caps_heading(body: str) -> re.Match[str] | None:
    """`_CAPS_HEADING.match(body)`, tried only where the sentence can hold one."""
    return _CAPS_HEADING.match(body) if body[:1] in _CAPITALS and body[1:2] in _CAPS_SECOND else None


def _at_line_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    return i < 0 or text[i] == "\n"


def passage_heading(passages: Iterable[Passage], position: int) -> str:
    """The segmenter's heading for the passage holding `position`, when the layout gave none."""
    for passage in passages:
        if passage.start <= position < passage.end:
            return passage.heading
    return ""
