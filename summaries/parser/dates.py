"""The policy's effective / last-updated date.

Only a date that carries an explicit label ("Effective Date:", "Last updated", "Revised:") counts:
policies quote many other dates (laws taking effect, incident dates) that say nothing about the
version in hand, and a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.parser import parserinfo

from summaries.parser.evidence import evidence
from summaries.parser.lowercase import lowered
from summaries.parser.types import Evidence

# Month names and their abbreviations ("Sept", "Sep.", "September") as python-dateutil knows them.
_MONTH_NAMES = parserinfo()
_MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    + _MONTH.format(name="m1")
    + r"(?:,?\s+|/)"
    + _DAY.format(name="d1")
    + r",?\s+(?P<y1>(?:19|20)\d\d)"
    + r"|"
    + _DAY.format(name="d2")
    + r"\s+(?:of\s+)?"
    + _MONTH.format(name="m2")
    + r",?\s+(?P<y2>(?:19|20)\d\d)"
    + r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)"
    + r"|(?P<a4>[0-3]?\d)(?P<sep>[/.-])(?P<b4>[0-3]?\d)(?P=sep)(?P<y4>(?:19|20)\d\d|\d\d)"
    # A month and year only ("Updated August 2026", "Last update: 04 - 2021"): a labelled month is the policy's
    # own date, given as precisely as the policy gives it.
    + r"|"
    + _MONTH.format(name="m5")
    + r",?\s+(?P<y5>(?:19|20)\d\d)"
    + r"|(?P<m6>0?[1-9]|1[0-2])\s?[/-]\s?(?P<y6>(?:19|20)\d\d)"
    + r")(?![A-Za-z0-9/-])",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"\b(?:effective|last\s+(?:updated|modified|revised|reviewed|amended|changed|update|revision)|updated|revised"
    r"|modified|date\s+of\s+(?:last\s+)?revision|(?:version|revision)\s+date|date\s+posted|posted\s+on"
    r"|last\s+published|date\s+published|publication\s+date)\b",
    re.IGNORECASE,
)
# What may sit between a label and its date: "Effective Date of Privacy Policy: Tuesday, ..."
_GAP = re.compile(
    r"[\s:,()\-–—]*(?:(?:date|on|in|as\s+of|from|is|was|and\s+effective|of\s+(?:(?:this|the|our)\s+)?[\w ]{0,20}?"
    r"(?:policy|statement|notice)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:mon|tue|wed|thu|fri|sat|sun))[\s:,()\-–—.]*)*",
    re.IGNORECASE,
)
_NOT_THIS_VERSION = re.compile(r"\b(?:previous|prior|former|earlier|amended|act|code|law|section)\b", re.IGNORECASE)
_WINDOW = 80


def _to_date(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["y5"]:
            return dt.date(int(g["y5"]), _MONTH_NAMES.month(g["m5"]), 1)
        if g["y6"]:
            return dt.date(int(g["y6"]), int(g["m6"]), 1)
        if g["y1"]:
            return dt.date(int(g["y1"]), _MONTH_NAMES.month(g["m1"]), int(g["d1"]))
        if g["y2"]:
            return dt.date(int(g["y2"]), _MONTH_NAMES.month(g["m2"]), int(g["d2"]))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        year = int(g["y4"])
        year = year + 2000 if year < 100 else year
        first, second = int(g["a4"]), int(g["b4"])
        # US order unless the first number cannot be a month; dotted dates are European.
        month, day = (second, first) if g["sep"] == "." or first > 12 else (first, second)
        return dt.date(year, month, day)
    except ValueError:
        return None


def _label_before(text: str, start: int) -> re.Match[str] | None:
    """The label that introduces a date at `start`, on its line or alone on the line above."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = line_start
    if not text[line_start:start].strip():
        # The label may stand alone on the last non-blank line above ("Effective Date" / "May 9, 2023").
        low = max(0, line_start - _WINDOW)
        above = text[low:line_start].rstrip()
        window_start = low + above.rfind("\n") + 1
    window_start = max(window_start, start - _WINDOW)
    labels = list(_LABEL.finditer(text, window_start, start))
    if not labels:
        return None
    label = labels[-1]
    gap = _GAP.fullmatch(text, label.end(), start)
    if gap is None:
        return None
    before = text[max(window_start, label.start() - 30) : label.start()]
    if _NOT_THIS_VERSION.search(before):
        return None
    return label


_LABEL_WORDS = (
    "effective",
    "update",
    "revised",
    "modified",
    "amended",
    "changed",
    "reviewed",
    "revision",
    "posted",
    "published",
    "publication",
)
_MAX_LABELS = 500


def _dates_after_labels(text: str) -> list[re.Match[str]]:
    """Dates that start shortly after a label word: only those can be labelled dates."""
    low = lowered(text)
    anchors: list[int] = []
    for word in _LABEL_WORDS:
        at = low.find(word)
        while at != -1 and len(anchors) < _MAX_LABELS:
            anchors.append(at)
            at = low.find(word, at + 1)
    found: dict[int, re.Match[str]] = {}
    for at in sorted(anchors):
        # Date patterns have fixed shapes, so a window of their longest form after the label is enough.
        for match in _DATE.finditer(text, at, min(len(text), at + _WINDOW + 40)):
            if match.start() not in found and match.start() - at <= _WINDOW:
                found[match.start()] = match
    return [found[k] for k in sorted(found)]


def find_effective_date(text: str) -> tuple[str | None, Evidence | None]:
    """The ISO date of the latest labelled effective/updated date, with the label+date as evidence.

    A date given as a month only is the first of that month; `date_precision` tells the two apart.
    """
    best: tuple[dt.date, int, int] | None = None
    for match in _dates_after_labels(text):
        label = _label_before(text, match.start())
        if label is None:
            continue
        date = _to_date(match)
        if date is None or not 1990 <= date.year <= 2100:
            continue
        # A policy listing both dates ("Effective: 2004 ... Updated: 2013") is in its latest version.
        if best is None or date > best[0]:
            best = (date, label.start(), match.end())
    if best is None:
        return None, None
    return best[0].isoformat(), evidence(text, best[1], best[2])


def date_precision(found: Evidence | None) -> str | None:
    """ "day" or "month": how precisely the policy gave the date quoted in `found`."""
    if found is None:
        return None
    matches = list(_DATE.finditer(found["quote"]))
    return "month" if matches and (matches[-1].group("y5") or matches[-1].group("y6")) else "day"
