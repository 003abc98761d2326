"""Segmentation of a policy into passages, each under the heading it sits in.

Policies mark their sections every way: heading lines left over from HTML, ALL CAPS or Title Case lines,
questions, numbered or lettered sections, "Label: text" run-ins, and upper-case headings run into one long
paragraph. The text is read line by line; heading lines open a section, body lines become paragraph-sized
passages that keep the section's heading. Shop navigation above the policy (currency and language pickers,
the bag) is skipped: the first passage starts where the policy does.

Some lines look like headings and are none: the entries of a table of contents (headings listed together
that head sections again further down), lettered list items ("A. Identifiers" right above "B. ..."), the
lines of a postal address written over several lines ("Privacy Team", "14 Chapel Lane", "Leeds LS1 4DY")
and contact lines ("Phone: 1-800-555-0199"). They stay in the passage of the section they sit in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from summaries.parser.postal import COUNTRY_LINE, ends_with_postcode
from summaries.parser.prefix_scan import finditer_in
from summaries.parser.sentences import boundaries, stop_of
from summaries.parser.types import Passage

MAX_PASSAGE = 1200  # characters: longer runs of text are cut at sentence ends
MIN_PASSAGE = 160  # short paragraphs (and list items) are merged into the passage before them
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 110
TOP_ZONE_LINES = 60  # where to look for the start of the policy below a site's navigation
MAX_LEAD_HEADINGS = 2  # heading lines kept above the first prose line when the policy has no title

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦]|\(?[a-z0-9]{1,3}\)|[a-z]\.)\s+", re.IGNORECASE)
_NUMBERING = re.compile(
    r"^\s*(?:(?:(?:section|article|part)\s+\d+(?:\.\d+)*[.:)]?|\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,6}[.)])\s+|"
    r"\(\d{1,2}\)\s*(?=[A-Z]))",
    re.IGNORECASE,
)
# Lettered sections ("A. What This Policy Covers"): a capital letter, then a capitalised heading.
_LETTERED = re.compile(r"\s*\(?[A-Z][.)]\s+(?=[A-Z0-9\"“(])")
# A line numbered the way a heading is ("12. Contact Us", "B. Security", "IV. Your Rights"), not "14 Chapel Lane".
_MARKED = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(?[A-Z][.)]|[IVXLC]{1,6}[.)])\s")
# "Phone: 1-800-555-0199", "Mail: ..., IN 46204", "Privacy choices: https://...": a contact, not a heading.
_CONTACT = r"(?:[^\s@]*@|https?://|www\.|\+?\(?\d[\d ().-]{6,}\d)"
_CONTACT_VALUE = re.compile(rf"[:–—][ \t]*{_CONTACT}")
_CONTACT_START = re.compile(_CONTACT)
# Lines above an address that head its section rather than name who reads the post.
_ADDRESS_STOP = re.compile(
    r"\b(?:contact\w*|questions?|reach|write|writing|inquir\w+|enquir\w+|touch|us|address)\b", re.I
)
ADDRESS_LINES_ABOVE = 4
MIN_CONTENTS_ENTRIES = 3  # headings listed in a table of contents and found again below
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "the",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "about",
        "how",
        "what",
        "why",
        "when",
        "where",
        "who",
        "do",
        "does",
        "is",
        "are",
        "we",
        "you",
        "your",
        "our",
        "us",
        "this",
        "these",
        "its",
        "it",
        "can",
        "may",
        "will",
        "not",
        "that",
        "which",
        "under",
        "into",
        "as",
        "if",
        "via",
        "per",
        "than",
        "vs",
    ]
)
_POLICY_TITLE = re.compile(r"\bprivacy\b|\b(?:policy|notice|statement)\b|\bcookies?\b", re.IGNORECASE)
_DATE_TAIL = re.compile(r"[\s(–—-]*\b(?:last\s+)?(?:updated|effective|revised|modified)\b.*$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:last\s+)?(?:updated|effective|revised|modified)\b", re.IGNORECASE)
# Upper-case headings run into a paragraph: two or more upper-case words after a sentence end.
_CAPS_WORD = r"[A-Z][A-Z'’&-]*[A-Z](?:'S|’S)?"
_RUN_IN_CAPS = re.compile(
    rf"(?:(?<=[.!?:;\"”)])|(?<=[.!?:;\"”)] ))\s*(?P<head>(?:\d{{1,2}}\.\s+)?{_CAPS_WORD}(?:[ \t]+(?:&|{_CAPS_WORD}|"
    rf"A|I|\d+)){{1,11}})(?=[ \t]+[A-Z0-9\"“(])"
)
# "Label: text" at the start of a line: a short, mostly capitalised label ending in a colon.
_LABEL = re.compile(r"(?P<label>[^:.!?\n]{2,80}?)\s*[:–—]\s+(?=\S)")
_LABEL_MARKS = ":–—"  # one of them ends every label


@dataclass
class _Unit:
    start: int
    end: int
    heading: str | None  # a heading that opens at this unit, if any
    bullet: bool = False


def segment(text: str) -> list[Passage]:
    """Passages covering the policy's body in order, non-overlapping, with offsets into `text`."""
    passages: list[Passage] = []
    heading = ""
    current: Passage | None = None
    bare_heading = False  # the current passage is a heading line with nothing under it yet
    for unit in _units(text, _policy_start(text)):
        if unit.heading is not None:
            heading = unit.heading
        opens_section = unit.heading is not None
        if current is not None and bare_heading and opens_section and unit.end - current.start <= MAX_PASSAGE:
            # Consecutive headings ("Your Rights" then "Access") open one passage under the inner heading.
            current.end, current.heading = unit.end, heading
            continue
        bare_heading = opens_section and _heading_only(text, unit)
        tiny = unit.end - unit.start < 25 and not opens_section
        if current is not None and not opens_section and (tiny or _merges(text, current, unit)):
            current.end = unit.end
            continue
        for start, end in _cut_long(text, unit.start, unit.end):
            current = Passage(start, end, heading)
            passages.append(current)
    return passages


def _heading_only(text: str, unit: _Unit) -> bool:
    """Whether a section-opening unit is just its heading (a run-in label with prose after it is not)."""
    if unit.heading is None:
        return False
    span = text[unit.start : unit.end]
    return len(_WORD.findall(span)) <= MAX_HEADING_WORDS and not _is_prose(span)


def classified(text: str) -> list[Passage]:
    """`segment`, with each passage's practices filled in from its own text and heading."""
    from summaries.parser.practices import classify_practices

    passages = segment(text)
    for passage in passages:
        passage.practices = classify_practices(text[passage.start : passage.end], passage.heading)
    return passages


def _merges(text: str, current: Passage, unit: _Unit) -> bool:
    if unit.end - current.start > MAX_PASSAGE:
        return False
    previous = text[current.start : current.end].rstrip()
    return unit.bullet or previous.endswith(":") or current.end - current.start < MIN_PASSAGE


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line from `start`, trimmed of surrounding whitespace."""
    for match in re.finditer(r"[^\n]+", text[start:]):
        s, e = start + match.start(), start + match.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _policy_start(text: str) -> int:
    """Offset where the policy begins: below any navigation, at its title, date line or first prose (with the
    heading lines right above that prose)."""
    lines = []
    for index, (s, e) in enumerate(_lines(text, 0)):
        if index >= TOP_ZONE_LINES:
            break
        line = text[s:e]
        prose = _is_prose(line)
        if not prose and (
            _DATE_LINE.match(line)
            or (_POLICY_TITLE.search(line) and len(line) <= MAX_HEADING_CHARS and not line.startswith("http"))
        ):
            return s
        lines.append((s, e))
        if prose:
            start = s
            for above in range(len(lines) - 2, max(-1, len(lines) - 2 - MAX_LEAD_HEADINGS), -1):
                ps, pe = lines[above]
                if not is_heading_line(text[ps:pe]) or _in_lettered_list(text, lines, above):
                    break
                start = ps
            return start
    return 0


def _is_prose(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 8 and bool(re.search(r"[.!?;,]\s|[.!?]$", line)) and any(w[0].islower() for w in words)


def is_heading_line(line: str) -> bool:
    """A whole line that reads as a heading: short, no final full stop, and styled or numbered as one."""
    stripped = line.strip()
    lettered = _LETTERED.match(stripped)
    if not stripped or len(stripped) > MAX_HEADING_CHARS or (_BULLET.match(stripped) and not lettered):
        return False
    if stripped[-1] in ".,;" or stripped.startswith("http") or "@" in stripped or _DATE_LINE.match(stripped):
        return False
    body = stripped[lettered.end() :] if lettered else _NUMBERING.sub("", stripped, count=1)
    return _styled_as_heading(stripped, body) and not _is_contact_line(stripped)


def _styled_as_heading(stripped: str, body: str) -> bool:
    words = _WORD.findall(body)
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if stripped.endswith("?"):
        return True
    letters = [c for c in body if c.isalpha()]
    if len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    capitalised = sum(w[0].isupper() for w in content)
    if content and capitalised >= max(1, 0.75 * len(content)):
        return True
    # A numbered or lettered short line ("3. How we use data") is a heading whatever its case.
    return body != stripped and len(words) <= 8


def _is_contact_line(line: str) -> bool:
    """A line that gives a contact ("Phone: 1-800-555-0199", "privacy@example.com", a link) or ends in
    a postal address: never a heading, however it is capitalised."""
    return (
        "@" in line or "http" in line or "www." in line or bool(_CONTACT_VALUE.search(line)) or ends_with_postcode(line)
    )


def _is_plain_heading(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """A sentence-case heading ("Scope of application"): a short unpunctuated line set off by a blank line
    above it and followed by prose."""
    s, e = lines[index]
    if e - s > MAX_HEADING_CHARS:
        return False  # as for any heading; and the words of a long body line need no counting
    line = text[s:e]
    words = _WORD.findall(line)
    if not words or len(words) > 10 or line[-1] in ".,;:" or "," in line or _BULLET.match(line):
        return False
    if index + 1 >= len(lines) or _DATE_LINE.match(line):
        return False
    blank_above = index == 0 or text.count("\n", lines[index - 1][1], s) >= 2
    following = text[lines[index + 1][0] : lines[index + 1][1]]
    return blank_above and _is_prose(following) and not _is_contact_line(line)


def _units(text: str, start: int) -> Iterator[_Unit]:
    lines = list(_lines(text, start))
    address = _address_lines(text, lines)
    listed = [_in_lettered_list(text, lines, index) for index in range(len(lines))]
    heads: list[str | None] = [
        _clean_heading(text[s:e])
        if index not in address
        and not listed[index]
        and (is_heading_line(text[s:e]) or _is_plain_heading(text, lines, index))
        else None
        for index, (s, e) in enumerate(lines)
    ]
    contents = _contents_entries(heads)
    for index, (s, e) in enumerate(lines):
        line = text[s:e]
        if index in address:
            yield _Unit(s, e, None)
            continue
        heading = heads[index]
        if heading is not None and index not in contents:
            yield _Unit(s, e, heading)
            continue
        bullet = listed[index] or index in contents or bool(_BULLET.match(line))
        pieces = _run_in_caps(text, s, e)
        for index, (ps, pe, head) in enumerate(pieces):
            if index == 0 and head is None and not bullet:
                head = _label(text, ps, pe)
            yield _Unit(ps, pe, head, bullet=bullet and index == 0)


def _contents_entries(heads: list[str | None]) -> set[int]:
    """Indexes of the lines of a table of contents: a run of three or more heading lines with nothing
    between them, most of which head a section again further down. They are the list of the passage
    under "Contents", not sections of their own."""
    last: dict[str, int] = {}  # where each heading is seen last
    for index, heading in enumerate(heads):
        if heading:
            last[heading.casefold()] = index
    out: set[int] = set()
    index = 0
    while index < len(heads):
        if heads[index] is None:
            index += 1
            continue
        run_end = index
        while run_end + 1 < len(heads) and heads[run_end + 1] is not None:
            run_end += 1
        if run_end - index >= 2:
            # The run may end with the first section's own heading, right below the contents.
            again = [i for i in range(index, run_end + 1) if last.get((heads[i] or "").casefold(), -1) > i]
            if len(again) >= MIN_CONTENTS_ENTRIES and 2 * len(again) >= run_end - index + 1:
                out.update(range(again[0], again[-1] + 1))
        index = run_end + 1
    return out


def _adjacent(text: str, lines: list[tuple[int, int]], upper: int) -> bool:
    """Whether line `upper` and the line after it have no blank line between them."""
    return "\n" not in text[lines[upper][1] : lines[upper + 1][0]].replace("\n", "", 1)


def _in_lettered_list(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """A lettered line with another lettered line right above or below it is a list item or a table of
    contents entry ("A. What This Policy Covers" / "B. Information We Collect"), not a section heading."""
    s, e = lines[index]
    if not _LETTERED.match(text, s, e):
        return False
    above = index > 0 and _adjacent(text, lines, index - 1) and _LETTERED.match(text, *lines[index - 1])
    below = index + 1 < len(lines) and _adjacent(text, lines, index) and _LETTERED.match(text, *lines[index + 1])
    return bool(above or below)


def _address_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of the lines of postal addresses written over several lines: the line ending in the ZIP code
    or postcode, the street, unit and recipient lines right above it, and a country line below. Title-cased
    as they are, they are no headings."""
    out: set[int] = set()
    for index, (s, e) in enumerate(lines):
        # A longer line ending in an address is a sentence or a paragraph, read as one.
        if e - s > 80 or not ends_with_postcode(text[s:e]):
            continue
        out.add(index)
        if index + 1 < len(lines) and _adjacent(text, lines, index) and COUNTRY_LINE.fullmatch(text, *lines[index + 1]):
            out.add(index + 1)
        above = index - 1
        while above >= 0 and index - above <= ADDRESS_LINES_ABOVE and _adjacent(text, lines, above):
            line = text[lines[above][0] : lines[above][1]]
            if len(line) > 60 or line[-1] in ".:;?!" or _MARKED.match(line) or _ADDRESS_STOP.search(line):
                break
            out.add(above)
            above -= 1
    return out


def _run_in_caps(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Split a line at upper-case run-in headings; each piece carries the heading it opens (or None)."""
    cuts: list[tuple[int, str]] = []
    line = text[start:end]
    leading = re.match(
        rf"\s*(?P<head>{_CAPS_WORD}(?:[ \t]+(?:&|{_CAPS_WORD}|A|I|\d+)){{1,11}})(?=[ \t]+[A-Z0-9\"“(])", line
    )
    if leading and len(leading.group("head")) >= 6:
        cuts.append((start + leading.start("head"), leading.group("head")))
    for match in finditer_in(_RUN_IN_CAPS, line):
        head = match.group("head")
        if len(head) >= 8 and (not cuts or start + match.start("head") > cuts[-1][0]):
            cuts.append((start + match.start("head"), head))
    if not cuts:
        return [(start, end, None)]
    pieces: list[tuple[int, int, str | None]] = []
    if cuts[0][0] > start:
        pieces.append((start, _rtrim(text, start, cuts[0][0]), None))
    for index, (cut, head) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else end
        pieces.append((cut, _rtrim(text, cut, stop), _clean_heading(head)))
    return [p for p in pieces if p[1] > p[0]]


def _rtrim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _label(text: str, start: int, end: int) -> str | None:
    """The heading of a "Label: text" line, if its label reads as one and the text is no contact."""
    if all(text.find(mark, start, end) < 0 for mark in _LABEL_MARKS):
        return None  # no mark to end a label: spares `re` trying every label length on most lines
    match = _LABEL.match(text, start, end)
    if not match or _CONTACT_START.match(text, match.end(), end):
        return None
    value = text[match.end() : end]
    if ends_with_postcode(value) and not _is_prose(value):
        return None  # "Mail: Acme Ltd, 14 Chapel Lane, Leeds LS1 4DY"
    label = match.group("label").strip()
    words = _WORD.findall(label)
    if not words or len(words) > 9:
        return None
    content = [w for w in words if w.lower() not in _SMALL]
    if not content or sum(w[0].isupper() for w in content) < 0.75 * len(content):
        return None
    return _clean_heading(label)


def _clean_heading(line: str) -> str:
    stripped = line.strip()
    lettered = _LETTERED.match(stripped)
    heading = stripped[lettered.end() :] if lettered else _NUMBERING.sub("", stripped, count=1)
    # A title line often carries its date ("Privacy Policy Last updated: June 2015"): the date is no heading.
    undated = _DATE_TAIL.sub("", heading)
    return " ".join((undated or heading).rstrip(":–—- ").split())


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than MAX_PASSAGE at sentence ends into paragraph-sized pieces."""
    if end - start <= MAX_PASSAGE:
        yield start, end
        return
    piece = start
    for match in boundaries(text, start, end):
        cut = stop_of(match)
        if cut - piece >= MAX_PASSAGE * 0.6 and end - cut >= MIN_PASSAGE:
            yield piece, cut
            piece = _skip_space(text, cut, end)
    if piece < end:
        yield piece, end


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position
