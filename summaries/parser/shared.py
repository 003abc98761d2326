"""Who it's shared with: the `shared` section of the card.

A recipient counts when its sentence says the company passes data to it (an affirmed sharing verb
whose actor is the company), when the recipient works on the site for the company ("we use Google
Analytics", "we work with ad networks"), or when it is a line of a list that a sharing sentence or a
sharing heading introduces. Negated clauses ("we do not share ... for their own marketing") and
aggregated or de-identified data are left out.
"""

from __future__ import annotations

import re
from typing import Any

from summaries.parser.evidence import evidence
from summaries.parser.negation import DEFINITION, inside, spans_for, third_party_subject
from summaries.parser.prefix_scan import finditer_in, search
from summaries.parser.scan import Scan, passage_heading, scan
from summaries.parser.types import Passage
from summaries.parser.vocab_data import DATA_TYPES, SKIP
from summaries.parser.vocab_data import ORDER as DATA_ORDER
from summaries.parser.vocab_sharing import (
    AGGREGATE,
    DEFAULT_PURPOSE,
    NAME_RECIPIENT,
    NAMES,
    NEGATED_SHARE,
    NOT_SHARE_HEADING,
    ORDER,
    PURPOSE_ORDER,
    PURPOSES,
    RECIPIENT_WORDS,
    SHARE,
    SHARE_HEADING,
    THIRD_PARTY_ACTS,
)
from summaries.parser.wordmatch import group_name

MAX_EVIDENCE = 3
# Recipients that can be named on their own as working on the site ("we use Google Analytics").
ACTING = {"analytics", "advertisers", "service_providers", "social_media", "financing_providers"}
# Recipients whose words are specific enough that the data transfer is implied.
SELF_EVIDENT = {"business_transfer", "public"}
_EXCEPTION = re.compile(r"\s*,?\s*(?:except|unless|other than|save)\b", re.IGNORECASE)
_TRACKER_NAME = re.compile(r"Pixel|Insight Tag|Conversions API")
_FROM = re.compile(r"\bfrom (?:our |the |its |these |other |such )?(?:[\w-]+ (?:and|&|or) )?$", re.IGNORECASE)
# A name given as the example of the recipient just before it ("advertisers such as Meta") is that recipient,
# whatever the company's usual kind.
_EXAMPLE_OF = re.compile(r"\s*,?\s*\(?(?:such as|including|like|e\.g\.,?)\s*$", re.IGNORECASE)
# A social network as a source, not a recipient: signing in with it, it sending data to the company, or the policy
# saying it does not cover it. "Log in with Facebook" names Facebook without sharing anything with it.
_SOCIAL_SOURCE = re.compile(
    r"\b(?:log(?:s|ged|ging)?[- ]?(?:in|on)|login|sign(?:s|ed|ing)?[- ]?(?:in|up|on)|authenticat\w*)\b"
    r"[^.;]{0,60}?\b(?:with|through|using|via|to)\b"
    r"|\b(?:provides?|gives?|sends?|shares?|passes|transfers?)\b[^.;]{0,80}?\b(?:to|with) (?:us|the company)\b"
    r"|\bprovides? us\b|\bwe (?:may )?(?:receive|obtain|get|collect)\b[^.;]{0,60}\bfrom\b"
    r"|\bdoes not apply\b",
    re.IGNORECASE,
)
_DATA_WORD = re.compile(r"\b(?:information|data|details|assets)\b", re.IGNORECASE)


def _affirmed(result: Scan, i: int, negated: list[tuple[int, int]]) -> bool:
    s = result.items[i]
    for match in result.bucket(SHARE).get(i, ()):
        if not inside(match.start(), negated) and not third_party_subject(result.text, s.start, match.start()):
            return True
    return False


def _acts_on(result: Scan, i: int, match: re.Match[str]) -> bool:
    """A partner verb right after the recipient ("ad networks collect") or right before it ("we use X")."""
    for act in result.bucket(THIRD_PARTY_ACTS).get(i, ()):
        if match.end() <= act.start() < match.end() + 60 or (
            match.start() - 45 <= act.start() and act.end() <= match.start()
        ):
            return True
    return False


def is_share_heading(heading: str) -> bool:
    return bool(heading) and bool(SHARE_HEADING.search(heading)) and not NOT_SHARE_HEADING.search(heading)


class _Reader:
    def __init__(self, result: Scan, passages: list[Passage]) -> None:
        self.result = result
        self.passages = passages
        self.cache: dict[int, tuple[bool, bool]] = {}
        self.negations: dict[int, list[tuple[int, int]]] = {}

    def context(self, i: int) -> tuple[bool, bool]:
        """(shares, acts): whether sentence i affirms a sharing verb / a partner acting on the site."""
        if i not in self.cache:
            negated = self.negated(i)
            shares = _affirmed(self.result, i, negated)
            acts = i in self.result.bucket(THIRD_PARTY_ACTS)
            self.cache[i] = (shares, acts)
        return self.cache[i]

    def negated(self, i: int) -> list[tuple[int, int]]:
        if i not in self.negations:
            cues = self.result.bucket(NEGATED_SHARE).get(i, [])
            self.negations[i] = spans_for(self.result.text, cues, self.result.items[i].end) if cues else []
        return self.negations[i]

    def in_scope(self, i: int) -> bool:
        s = self.result.items[i]
        if s.is_item and s.intro >= 0:
            intro = self.result.items[s.intro]
            if self.context(s.intro)[0] and intro.text.rstrip().endswith(":"):
                return True
        heading = s.heading or passage_heading(self.passages, s.start)
        return is_share_heading(heading)


def _mentions(text: str, passages: list[Passage]):
    """Yield (sentence, code, match, negated spans) for every recipient said to receive data."""
    result = scan(text)
    reader = _Reader(result, passages)
    for i, matches in sorted(result.bucket(RECIPIENT_WORDS).items()):
        s = result.items[i]
        if s.is_heading or any(i in result.bucket(cue) for cue in (AGGREGATE, DEFINITION, SKIP)):
            continue
        negated = reader.negated(i)
        shares, acts = reader.context(i)
        # "we never share it, except where the law requires": what follows the exception is shared
        excepted = [end for _, end in negated if _EXCEPTION.match(text, end)]
        scoped = None
        for match in matches:
            code = group_name(match)
            if code is None or code == "ignore" or inside(match.start(), negated):
                continue
            if code == "ads_purpose":
                if not shares:
                    continue
                code = "advertisers"
            if _FROM.search(text, max(s.start, match.start() - 40), match.start()) and not shares:
                continue  # "we collect information from our partners": a source, not a recipient
            if code in ("social_media", "public") and search(_SOCIAL_SOURCE, s.text):
                continue  # what you made public on a network that passes it to us: a source, not a recipient
            ok = shares or (code in ACTING and acts and _acts_on(result, i, match))
            ok = ok or any(match.start() >= end for end in excepted)
            if not ok and code in SELF_EVIDENT:
                ok = code == "public" or bool(_DATA_WORD.search(s.text))
            if not ok:
                if scoped is None:
                    scoped = reader.in_scope(i)
                ok = scoped and s.is_item
            if ok:
                yield s, code, match, negated


def detect_recipients(text: str) -> list[str]:
    """Recipient codes that one passage of text says receive data."""
    found = {code for _, code, _, _ in _mentions(text, [])}
    return [code for code in ORDER if code in found]


def extract_shared(text: str, passages: list[Passage]) -> list[dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    result = scan(text)
    data_words = result.bucket(DATA_TYPES)
    index_of = {s.start: i for i, s in enumerate(result.items)}
    for s, code, match, negated in _mentions(text, passages):
        item = items.setdefault(
            code,
            {"recipient": code, "names": [], "purposes": set(), "data_types": set(), "evidence": [], "_seen": set()},
        )
        if s.start in item["_seen"]:
            continue
        item["_seen"].add(s.start)
        for name in finditer_in(NAMES, text, s.start, s.end) if not search(_SOCIAL_SOURCE, s.text) else ():
            value = name.group(0)
            kind = "advertisers" if _TRACKER_NAME.search(value) else NAME_RECIPIENT.get(value)
            if _EXAMPLE_OF.fullmatch(text, match.end(), name.start()):
                kind = code
            if kind in (None, code) and value not in item["names"]:
                item["names"].append(value)
        item["purposes"] |= {m.lastgroup for m in finditer_in(PURPOSES, text, s.start, s.end) if m.lastgroup}
        for data in data_words.get(index_of[s.start], []):
            kind = group_name(data)
            if kind and kind != "ignore" and not inside(data.start(), negated):
                item["data_types"].add(kind)
        if len(item["evidence"]) < MAX_EVIDENCE:
            item["evidence"].append(evidence(text, s.start, s.end))
    out = []
    for code in ORDER:
        if code not in items:
            continue
        item = items[code]
        del item["_seen"]
        purposes = item["purposes"] | {DEFAULT_PURPOSE[code]}
        if len(purposes) > 1:
            purposes.discard("other")
        item["purposes"] = [p for p in PURPOSE_ORDER if p in purposes]
        item["data_types"] = [d for d in DATA_ORDER if d in item["data_types"]]
        out.append(item)
    return out


def drop_own_names(shared: list[dict[str, Any]], company: str | None, own_hosts: list[str]) -> None:
    """The company is never its own recipient: "Amazon" under Advertisers on Amazon's card is the company
    naming itself. Its own names are its name and the names in its own contact addresses (privacy@acme.com)."""
    own = {company.lower()} if company else set()
    for host in own_hosts:
        labels = host.lower().split(".")
        own |= {label for label in labels[:-1] if len(label) > 2 and label not in _HOST_WORDS}
    if not own:
        return
    for item in shared:
        item["names"] = [n for n in item["names"] if not any(o in n.lower() or n.lower() in o for o in own)]


_HOST_WORDS = {"www", "com", "net", "org", "co", "help", "support", "privacy", "mail", "policy", "policies"}
