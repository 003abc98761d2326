"""Lines as a PDF lays them out, back into paragraphs.

A PDF stores where each line goes, not where paragraphs end. This module joins the lines of a
paragraph with spaces, rejoins words hyphenated across a line break ("infor-" + "mation"), keeps
list items on lines of their own, and separates paragraphs and headings with a blank line. It
also drops what the page, not the policy, prints: page numbers and running headers or footers
repeated on most pages.

Judgement rests on each line's length against the document's usual full line: a paragraph's
last line usually stops short after a full stop; a heading is short and has no final punctuation.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
# A new item or numbered heading: "• ", "- ", "3. ", "3) ", "(c) ", "iv. ", "2.1 ", "2.1. ".
_LIST_MARKER = re.compile(
    r"(?:[•·▪◦●○■□➢►✓\-–—*]\s|\(?\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\(?[a-z][.)]\s"
    r"|\((?:[ivx]{1,5}|[a-z]|\d{1,3})\)\s|[ivx]{1,5}\.\s)",
    re.I,
)
# Not summaries/parser/sentences.py, by need as well as by layer (ingestion sits below the parser and may not
# import it): this asks whether a PDF line's last characters close a sentence before the next line is read, so
# there is no following capital to look at, and ":" or ";" count, since a list or a clause goes on the next line.
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_ENDS_PARAGRAPH = re.compile(r"[.!?][\"'”’)\]]*$")
_ENDS_CLAUSE = re.compile(r"[,(\[“‘/&]$|\b(?:and|or|the|a|an|of|to|in|for|with|by|on|at|as|our|your)$", re.I)
_HYPHENS = "-\u2010\u00ad"
# Prefixes whose hyphen belongs to the word ("third-party", "e-mail"), not to the line break.
_COMPOUND_PREFIXES = frozenset(
    str.split(
        "e third first non self opt co cross well long short high low full part pre post anti one two three "
        "four five six year day user sign log follow set check add up so"
    )
)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_DIGITS = re.compile(r"\d+")

_HEADING_SHARE = 0.6  # a line shorter than this share of a full line may be a heading
_SHORT_SHARE = 0.8  # a line ending a sentence shorter than this ends its paragraph


def reflow_pages(pages: list[str]) -> str:
    page_lines = [_page_lines(page) for page in pages]
    chrome = _running_chrome(page_lines)
    lines: list[str] = []
    for page in page_lines:
        for line in page:
            if line and (_PAGE_NUMBER.fullmatch(line) or _DIGITS.sub("#", line) in chrome):
                continue
            lines.append(line)
    return _join(lines)


def _page_lines(page: str) -> list[str]:
    lines = [_SPACES.sub(" ", line).strip() for line in page.translate(_LIGATURES).split("\n")]
    # Blank lines at a page's edges are the page's margins, not the end of a paragraph.
    while lines and not lines[-1]:
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return lines[start:]


def _running_chrome(pages: list[list[str]]) -> set[str]:
    """Lines printed first or last on most pages, and hardly anywhere else: running headers, footers."""
    if len(pages) < 3:
        return set()
    at_edges: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for page in pages:
        body = [_DIGITS.sub("#", line) for line in page if line]
        anywhere.update(body)
        if len(body) > 2:
            at_edges.update({body[0], body[-1]})
    return {
        line for line, count in at_edges.items() if count >= max(3, len(pages) // 2) and anywhere[line] <= 1.5 * count
    }


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if not lengths:
        return max((len(line) for line in lines), default=0)
    return lengths[int(0.9 * (len(lengths) - 1))]


def _join(lines: list[str]) -> str:
    width = _full_width(lines)
    out: list[str] = []
    previous = ""
    in_item = False  # the current block began with a list marker
    for line in lines:
        if not line:
            if previous:
                out.append("\n\n")
            previous = ""
            continue
        if previous:
            separator = _separator(previous, line, width, in_item)
            if separator == "" and previous[-1] in _HYPHENS and not _keeps_hyphen(previous):
                out[-1] = out[-1][:-1]  # "infor-" + "mation": the hyphen was the line break's
            out.append(separator)
            if "\n" in separator:
                in_item = _LIST_MARKER.match(line) is not None
        else:
            in_item = _LIST_MARKER.match(line) is not None
        out.append(line)
        previous = line
    return "".join(out)


def _separator(previous: str, line: str, width: int, in_item: bool) -> str:
    if _LIST_MARKER.match(line):
        # A numbered heading after a finished paragraph starts a block; items of a list do not.
        return "\n\n" if not in_item and _ENDS_PARAGRAPH.search(previous) else "\n"
    if previous[-1] in _HYPHENS and len(previous) > 1 and previous[-2].isalpha() and line[0].islower():
        return ""
    starts_block = line[0].isupper() or line[0].isdigit()
    if _is_caps_heading(previous, width) and starts_block:
        return "\n\n"
    if _is_caps_heading(line, width) and _ENDS_PARAGRAPH.search(previous):
        return "\n\n"
    if _ENDS_SENTENCE.search(previous):
        return "\n\n" if len(previous) < _SHORT_SHARE * width or (in_item and starts_block) else " "
    if _ENDS_CLAUSE.search(previous) or not starts_block:
        return " "
    if in_item or len(previous) < _HEADING_SHARE * width:
        # After a list item, or after a short line without final punctuation (a heading),
        # a capital starts a new block.
        return "\n\n"
    return " "


def _is_caps_heading(line: str, width: int) -> bool:
    """ "INFORMATION WE COLLECT": capitals only, no final full stop, shorter than a full line.

    A disclaimer set in capitals fills its lines to the full width, so it is not mistaken for one.
    """
    return line.isupper() and len(line) < _SHORT_SHARE * width and not _ENDS_PARAGRAPH.search(line)


def _keeps_hyphen(previous: str) -> bool:
    match = re.search(r"(\w+)[-\u2010]$", previous)
    return match is not None and match.group(1).lower() in _COMPOUND_PREFIXES
