"""Your choices: the `choices` section of the card, with how to exercise each one.

A choice counts where a sentence offers it to the visitor (unsubscribe, opt out, set the browser to
refuse cookies, ask to see, correct or delete data) and is not negated ("we do not honour ..."). The
"how" is the actual link, e-mail address, phone number, portal, account page, browser setting or
postal route named in that sentence or in the one right after it ("To do so, follow the unsubscribe
link ...").
"""

from __future__ import annotations

import re
from typing import Any

from summaries.parser.evidence import evidence
from summaries.parser.scan import Scan, Sentence, scan
from summaries.parser.types import Passage
from summaries.parser.vocab_choices import (
    CHILDREN_ONLY,
    CHOICES,
    FOLLOW_ON,
    HOW,
    NEGATED_CHOICE,
    ORDER,
    OWN_POLICY,
    SECURITY,
)
from summaries.parser.wordmatch import WordMatcher, group_name

MAX_EVIDENCE = 3
MAX_HOW = 4
CHOICE_WORDS = WordMatcher([(code, CHOICES[code]) for code in ORDER], tail="", overlapping=True)

# The visitor acts, or asks the company to: not the company deleting data on its own schedule.
_REQUESTS = re.compile(
    r"\byou\b(?:\s+[\w’']+){0,3}?\s+(?:can|may|have|request|ask|want|wish|would like|choose|must|should|are able|"
    r"will be able|are entitled|could)\b|\brequests?\b|\bright\b|\brights\b|\bask us\b|\bcontact us\b|\blet us know\b|"
    r"\bif you\b|\b(?:users?|visitors?|members?|customers?|consumers?|individuals?|residents?)\s+(?:can|may|have)\b|"
    r"\bpermits? you\b|\ballows? you\b|\benables? you\b|\bable to\b|\boption to\b|\bplease\b|"
    r"\bto (?:ask|request|obtain|receive|exercise|submit)\b|"
    r"\bby (?:calling|e-?mailing|contacting|visiting|logging|writing|sending|going)\b|"
    r"^(?:[\w/ ]{1,40}: )?(?:update|change|edit|correct|delete|remove|review|visit|click|contact|e-?mail|call|"
    r"write|log in|go to|send)\b",
    re.IGNORECASE,
)
_ACTOR = re.compile(
    r"\b(?:we|us|company|they|providers?|partners?|administrators?|parties|government|courts|agencies|you|your|users?|"
    r"visitors|members)\b",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"\b(?:(?:your|upon|on|at your) requests?|request (?:that|to|access|a copy)|you (?:may |can )?(?:request|ask)|"
    r"ask us|contact us|e-?mail us|if you|please|upon your|at your)\b",
    re.IGNORECASE,
)
_NEEDS_REQUEST = {"access", "correction", "deletion"}
_MARKETING = re.compile(
    r"\b(?:marketing|promotional|promotions?|e-?mails?|newsletters?|mail|mailings?|calls?|texts?|sms|solicitations?|"
    r"offers|advertisements|communications|messages|catalogs?|list)\b",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b|\btracking technolog|\bweb beacons?\b|\blocal storage\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|however|although|though)\b|\bbut\b|\.\s", re.IGNORECASE)
_TRAILING = ".,;:)]'\"”’"
_QUOTES = re.compile(r"[\"“”]")


def _negated(text: str, s: Sentence, position: int) -> bool:
    for match in NEGATED_CHOICE.finditer(text, max(s.start, position - 80), s.end):
        if match.start() <= position and not _CLAUSE_BREAK.search(text, match.end(), position):
            return True
    return False


def _company_acts(text: str, s: Sentence, position: int) -> bool:
    window = text[max(s.start, position - 60) : position]
    actors = list(_ACTOR.finditer(window))
    return bool(actors) and actors[-1].group(0).lower() not in ("you", "your", "users", "user", "visitors", "members")


def _accept(text: str, s: Sentence, code: str, match: re.Match[str]) -> bool:
    body = s.text
    if _negated(text, s, match.start()):
        return False
    if code in _NEEDS_REQUEST:
        if not _REQUESTS.search(body):
            return False
        if CHILDREN_ONLY.search(body) and not re.search(r"\b(?:parents?|guardians?)\b", body, re.IGNORECASE):
            return False
        if code == "access" and SECURITY.search(body):
            return False
        if _company_acts(text, s, match.start()) and not _ASKED.search(body):
            return False  # "we may access your information", "we have the right to remove content"
        if code == "deletion" and _COOKIE.search(body):
            return False
        if code == "correction" and OWN_POLICY.search(body) and not re.search(r"\b(?:your|personal)\b", body, re.I):
            return False
        if code == "deletion" and re.search(r"\bcookies?\b", match.group(0), re.IGNORECASE):
            return False
    if code == "opt_out_marketing" and not _MARKETING.search(body):
        return False
    return not (code == "cookie_controls" and not _COOKIE.search(body))


def _choices(text: str):
    """Yield (sentence index, code) for every choice the policy offers, in text order."""
    result = scan(text)
    for i, matches in sorted(result.bucket(CHOICE_WORDS).items()):
        s = result.items[i]
        seen: set[str] = set()
        for match in matches:
            code = group_name(match)
            if code and code not in seen and _accept(text, s, code, match):
                seen.add(code)
                yield i, code


def _how(result: Scan, i: int, code: str, codes_at: dict[int, set[str]]) -> list[dict[str, str]]:
    text = result.text
    spans = [result.items[i]]
    for j in (i + 1, i + 2):
        if j < len(result.items) and result.items[j].block == spans[0].block:
            follow = result.items[j]
            # a following sentence about another choice brings its own "how", not this one's
            if FOLLOW_ON.match(follow.text.lstrip("-•* ")) and codes_at.get(j, set()) <= {code}:
                spans.append(follow)
                continue
        break
    found: list[dict[str, str]] = []
    for s in spans:
        for match in HOW.finditer(text, s.start, s.end):
            kind = match.lastgroup or ""
            value = match.group(0).strip().rstrip(_TRAILING)
            if kind == "link" and not value.startswith(("http", "www")):
                value = _QUOTES.sub("", value)
            if kind == "email" and "[" in text[max(0, match.start() - 1) : match.start()]:
                continue
            entry = {"kind": kind, "value": value}
            if entry not in found:
                found.append(entry)
    return found[:MAX_HOW]


def detect_choices(text: str) -> list[str]:
    """Choice codes that one passage of text offers."""
    found = {code for _, code in _choices(text)}
    return [code for code in ORDER if code in found]


def extract_choices(text: str, passages: list[Passage]) -> list[dict[str, Any]]:
    result = scan(text)
    items: dict[str, dict[str, Any]] = {}
    found = list(_choices(text))
    codes_at: dict[int, set[str]] = {}
    for i, code in found:
        codes_at.setdefault(i, set()).add(code)
    for i, code in found:
        s = result.items[i]
        item = items.setdefault(code, {"type": code, "how": [], "evidence": []})
        if len(item["evidence"]) >= MAX_EVIDENCE and len(item["how"]) >= MAX_HOW:
            continue
        for entry in _how(result, i, code, codes_at):
            if entry not in item["how"] and len(item["how"]) < MAX_HOW:
                item["how"].append(entry)
        if len(item["evidence"]) < MAX_EVIDENCE:
            item["evidence"].append(evidence(text, s.start, s.end))
    return [items[code] for code in ORDER if code in items]
