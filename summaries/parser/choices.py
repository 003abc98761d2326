"""Your choices: the `choices` section of the card, with how to exercise each one.

A choice counts where a sentence offers it to the visitor (unsubscribe, opt out, set the browser to
refuse cookies, ask to see, correct or delete data) and is not negated ("we do not honour ..."). The
"how" is the actual link, e-mail address, phone number, portal, account page, browser setting or
postal route named in that sentence or in the one right after it ("To do so, follow the unsubscribe
link ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from summaries.parser import channels
from summaries.parser.evidence import evidence
from summaries.parser.phones import dial_digits, find_phones
from summaries.parser.prefix_scan import finditer, finditer_in
from summaries.parser.scan import Scan, Sentence, scan
from summaries.parser.types import Passage
from summaries.parser.vocab_choices import (
    CHILDREN_ONLY,
    CHOICES,
    DOMAIN_CUE,
    FOLLOW_ON,
    HOW,
    NEGATED_CHOICE,
    OPT_OUT_DOMAINS,
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
    r"write|log in|go to|send|sign in|use|select|submit|complete|tap)\b",
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

# A list's lead-in that grants rights or requests ("You may ask us to:", "You have the right to:"): its items
# ("- delete the personal information we hold about you;") are read with it.
_GRANT = re.compile(
    r"\b(?<!our )(?<!its )rights?\b|\bentitled\b|\b(?:ask|request|require|direct|instruct)s? (?:that )?(?:us|we)\b"
    r"|\b(?:you|consumers?|residents?|individuals?|users?|customers?|data subjects?)(?: [\w’']+){0,2}? "
    r"(?:can|may|could|are able to)(?: also)?(?: (?:ask|request|exercise|obtain|require|direct))?\s*:\s*$",
    re.IGNORECASE,
)
_ITEM_MARK = re.compile(r"\s*(?:[-•*·▪●◦–]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))?\s*")
# "correct information" is a verb only after "to", a modal or a conjunction, or at the start of a list item.
_VERB_SLOT = re.compile(r"\b(?:to|can|may|and|or|also|please)\s*$", re.IGNORECASE)
_BARE_CORRECT = re.compile(r"correct (?:personal )?(?:information|data|details)", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|them)$|\b(?:its|their) (?:deletion|erasure|removal)$", re.IGNORECASE)
_ANTECEDENT = re.compile(r"\b(?:information|data|details|records)\b", re.IGNORECASE)
_COMPANY_SUBJECT = re.compile(r"\b(?:we|they)\s+(?:[\w’']+\s+){0,2}$", re.IGNORECASE)
_OPT_VERB = re.compile(r"\b(?:opt(?:s|ed|ing)?[- ]?out|object\w*|stop|withdraw)\b", re.IGNORECASE)
_YOU = re.compile(r"\byou\b", re.IGNORECASE)
_UNSUBSCRIBED = re.compile(r"unsubscribed\b", re.IGNORECASE)
_REFUSED = re.compile(r"\b(?:cannot|can\s*not|can[’']t|may not|do(?:es)? not|don[’']t|will not|won[’']t|never)\b", re.I)
# "access" as a noun that others hold ("providers may be given access to", "we will have access to your profile"),
# and "the pages you access": the visitor's right only where the visitor is the one who has it.
_HELD_ACCESS = re.compile(
    r"\b(?:have|has|had|gain(?:ed)?|get|got|paid for|provided with|provide|given|granted|allow(?:ed)?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_BROWSED = re.compile(
    r"\b(?:pages?|sites?|websites?|content|features?|services?|areas?|links?|products?|apps?|applications?)\s+"
    r"(?:that\s+|which\s+)?you\s+$",
    re.IGNORECASE,
)

# An instruction for the rights named before it: "To make a request, email ...", "Submit requests through ...".
_EXERCISE = re.compile(
    r"\bto (?:make|submit|exercise|send) (?:[\w’']+ ){0,4}?(?:requests?|rights?)\b"
    r"|\b(?:make|submit|send|direct|e-?mail|mail) (?:your |privacy |such |any |these |all |a )?(?:privacy )?"
    r"requests?\b|\brequests? (?:can|may|should|must) be (?:made|submitted|sent|directed)\b"
    r"|\bhow to (?:make|submit|exercise)\b",
    re.IGNORECASE,
)
_REQUEST_RIGHTS = {
    "access",
    "correction",
    "deletion",
    "portability",
    "opt_out_sale",
    "opt_out_profiling",
    "opt_out_targeted_ads",
    "authorized_agent",
}
_REACH = 25  # sentences between a right and the instruction that serves it
# A clause whose subject is the company, running up to the match: "..., and we will reply in writing".
_COMPANY_CLAUSE = re.compile(r"(?:^|[,;:.]\s+|\n)(?:and |then )?(?:we|our \w+)\b[^,;:.\n]*$", re.IGNORECASE)
_PARENTS = re.compile(r"\b(?:parents?|guardians?)\b", re.IGNORECASE)
_ACCOUNT_AS_PLACE = re.compile(
    r"\b(?:in|into|to|from|through|via|under|on|at) (?:your|the|an?|any) (?:\w+ ){0,2}account$", re.IGNORECASE
)
_YOURS = re.compile(r"\b(?:your|personal)\b", re.IGNORECASE)
_COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
_UNSUBSCRIBE_LINK = re.compile(r"unsubscribe (?:link|option|button)", re.IGNORECASE)
_BROWSERS = re.compile(r"\bbrowsers\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=browser)[’']s\b", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")
_ARTICLE = re.compile(r"^(?:your|the|our|web|a|an)\s+")
_CUE = re.compile(r"^(?:in|into|to|from|through|via|under) (?=your )")
_BARE_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,4}", re.IGNORECASE)
_SOME_BROWSER = re.compile(r"\s|[’']s$|Add-?on|^(?:Internet Explorer|Chrome|Firefox|Safari)$", re.IGNORECASE)
_HIDDEN_EMAIL = re.compile(r"/cdn-cgi/l/email-protection|\[email\s*protected\]", re.IGNORECASE)
# Rights exercised with the company itself: an industry opt-out page or a browser add-on is no way to see,
# correct or delete what the company holds.
_WITH_THE_COMPANY = {"access", "correction", "deletion", "portability", "appeal", "authorized_agent"}
_NAMED_PAGE = re.compile(r"(?:page|tool|website|site|app|program)$")
_LINKED_TO = re.compile(
    r"\b(?:linked|associated|connected|related|attached|tied|added|appl(?:y|ied))\s+(?:(?:to|with)\s+)?$", re.I
)


def _negated(text: str, s: Sentence, position: int) -> bool:
    for match in finditer_in(NEGATED_CHOICE, text, max(s.start, position - 80), s.end):
        if match.start() <= position and not _CLAUSE_BREAK.search(text, match.end(), position):
            return True
    return False


def _company_acts(text: str, s: Sentence, position: int) -> bool:
    window = text[max(s.start, position - 60) : position]
    actors = list(_ACTOR.finditer(window))
    return bool(actors) and actors[-1].group(0).lower() not in ("you", "your", "users", "user", "visitors", "members")


def _visitor_acts(window: str) -> bool:
    actors = list(_ACTOR.finditer(window))
    return bool(actors) and actors[-1].group(0).lower() in ("you", "your")


def _lead_in(result: Scan, s: Sentence) -> Sentence | None:
    """For a list item, the sentence that introduced its list when that sentence grants rights or requests."""
    if not s.is_item or s.intro < 0:
        return None
    lead = result.items[s.intro]
    if lead.text.rstrip().endswith(":") and _GRANT.search(lead.text) and not _REFUSED.search(lead.text):
        return lead
    return None


def _pronoun_ok(text: str, s: Sentence, match: re.Match[str], context: str) -> bool:
    """'correct it', 'its deletion': only for data named before it, and not the company acting on a child's data."""
    before = text[s.start : match.start()]
    if not _ANTECEDENT.search(before) and not (context != s.text and _ANTECEDENT.search(context)):
        return False
    if CHILDREN_ONLY.search(context):
        return False
    return not _COMPANY_SUBJECT.search(text[max(s.start, match.start() - 40) : match.start()])


def _accept(text: str, s: Sentence, code: str, match: re.Match[str], lead: Sentence | None = None) -> bool:
    body = s.text
    context = body if lead is None else f"{lead.text} {body}"
    phrase = match.group(0)
    if _negated(text, s, match.start()):
        return False
    enumerated = code in ("opt_out_profiling", "opt_out_targeted_ads") and phrase[:3].lower() == "of "
    if enumerated and not _OPT_VERB.search(text, s.start, match.start()):
        return False  # a later member of an enumeration needs the opt-out verb before it
    if code == "opt_out_marketing" and _UNSUBSCRIBED.match(text, match.start()) and not _YOU.search(body):
        return False  # "lists are cleaned of unsubscribed addresses": record keeping, not a choice
    if code in _NEEDS_REQUEST:
        if not _REQUESTS.search(context):
            return False
        if CHILDREN_ONLY.search(context) and not _PARENTS.search(context):
            return False
        if code == "access" and SECURITY.search(body):
            return False
        if code == "access" and phrase[:6].lower() == "access":
            before = text[max(s.start, match.start() - 60) : match.start()]
            if _BROWSED.search(before):
                return False
            if _HELD_ACCESS.search(before) and not _visitor_acts(before):
                return False
        if _PRONOUN.search(phrase) and not _pronoun_ok(text, s, match, context):
            return False
        if code == "correction" and _BARE_CORRECT.fullmatch(phrase):
            before = text[s.start : match.start()]
            if not (_ITEM_MARK.fullmatch(before) or _VERB_SLOT.search(before)):
                return False  # "you must provide correct information"
        if code == "correction" and _ACCOUNT_AS_PLACE.search(phrase):
            return False  # "change your preferences in your account": the account is the place, not the object
        if _company_acts(text, s, match.start()) and not _ASKED.search(context):
            return False  # "we may access your information", "we have the right to remove content"
        if code == "deletion" and _COOKIE.search(body):
            return False
        if code == "correction" and OWN_POLICY.search(body) and not _YOURS.search(body):
            return False
        if code == "deletion" and _COOKIE_WORD.search(phrase):
            return False
    if code == "opt_out_marketing" and not _MARKETING.search(body):
        return False
    return not (code == "cookie_controls" and not _COOKIE.search(body))


def _choices(text: str) -> Iterator[tuple[int, str]]:
    """Yield (sentence index, code) for every choice the policy offers, in text order."""
    result = scan(text)
    for i, matches in sorted(result.bucket(CHOICE_WORDS).items()):
        s = result.items[i]
        lead = _lead_in(result, s)
        accepted: dict[str, re.Match[str]] = {}
        for match in matches:
            code = group_name(match)
            if code and code not in accepted and _accept(text, s, code, match, lead):
                accepted[code] = match
        if "portability" in accepted and "access" in accepted and "cop" in accepted["access"].group(0).lower():
            del accepted["access"]  # "a copy of your data in a portable format" is the portability right
        for code in sorted(accepted, key=lambda c: accepted[c].start()):
            yield i, code


def _entry(text: str, match: re.Match[str]) -> dict[str, str] | None:
    """One "how" entry from a HOW match, its value tidied; None where the match is no way to act."""
    kind = match.lastgroup or ""
    value = _CUE.sub("", match.group(0).strip().rstrip(_TRAILING))
    start = match.start()
    if kind == "link":
        return _link(text, match, value)
    if kind == "browser":
        if not _SOME_BROWSER.search(value):
            return None  # "for that browser", "browser type"
        value = "browser settings" if _BROWSERS.search(value) else _POSSESSIVE.sub("", value)
    elif kind == "mail" and _COMPANY_CLAUSE.search(text, max(0, start - 120), start):
        return None  # "and we will give you our decision in writing": how they answer, not how you ask
    elif kind == "email" and "[" in text[max(0, start - 1) : start]:
        return None
    elif kind == "account_settings":
        if _LINKED_TO.search(text, max(0, start - 20), start):
            return None  # "the data linked to your account"
        window = text[max(0, start - 120) : start]
        line = window[window.rfind("\n") + 1 :]
        opened = max(line.rfind('"'), line.rfind("“"), line.rfind("”"))
        if len(_QUOTES.findall(line)) % 2 and _WORD_CHAR.search(line, opened + 1):
            return None  # inside a quoted label: the "Delete my account" button
    return {"kind": kind, "value": value}


def _link(text: str, match: re.Match[str], value: str) -> dict[str, str] | None:
    if value.lower().startswith(("http", "www")):
        return {"kind": "link", "value": value}
    if _BARE_DOMAIN.fullmatch(value):
        if OPT_OUT_DOMAINS.fullmatch(value) or DOMAIN_CUE.search(text, max(0, match.start() - 12), match.start()):
            return {"kind": "link", "value": value}
        return None  # a domain mentioned in passing, not a place to go
    value = _QUOTES.sub("", value)
    if value.lower().startswith("unsubscribe ") and not _UNSUBSCRIBE_LINK.match(value):
        value = "unsubscribe link " + value[len("unsubscribe ") :]  # 'click "unsubscribe" in any email'
    if _NAMED_PAGE.search(value) and text[match.end() : match.end() + 4] == " at " and HOW.match(text, match.end() + 4):
        return None  # "the DAA's opt-out page at optout.aboutads.info": the address says it better
    return {"kind": "link", "value": value}


def _not_consumer(text: str, s: Sentence, start: int, entry: dict[str, str]) -> bool:
    """A regulator's, a dispute body's or a business portal's address: never the company's way to act on a right."""
    if entry["kind"] in ("browser", "account_settings"):
        return False
    if _HIDDEN_EMAIL.search(entry["value"]):
        return True  # the page's stand-in for a hidden e-mail address, no address at all
    before = text[max(s.start, start - 150) : start]
    return channels.role(entry["kind"], entry["value"], before, s.text) in channels.NOT_CONSUMER


def _key(entry: dict[str, str]) -> str:
    return _key_of(entry["kind"], entry["value"])


@lru_cache(maxsize=1024)
def _key_of(kind: str, value: str) -> str:
    """What an entry says, for telling duplicates: phones by digits, links without scheme, no leading article."""
    if kind == "phone":
        return dial_digits(value)[-10:]
    value = value.lower()
    if kind == "link":
        value = _SCHEME.sub("", value).rstrip("/")
    return _ARTICLE.sub("", value)


def _merge(found: list[dict[str, str]], entry: dict[str, str]) -> None:
    """Add an entry unless one of the same kind already says it; a more specific one replaces a vaguer one."""
    key = _key(entry)
    for n, old in enumerate(found):
        if old["kind"] != entry["kind"]:
            continue
        old_key = _key(old)
        if old_key == key:
            return
        if entry["kind"] in ("browser", "account_settings", "mail"):
            if key in old_key:
                return
            if old_key in key:
                found[n] = entry
                return
    if len(found) < MAX_HOW:
        found.append(entry)


def _entries(result: Scan, s: Sentence, memo: dict[int, list[dict[str, str]]]) -> list[dict[str, str]]:
    """The how entries of one sentence (remembered: a sentence with several choices is read once)."""
    if s.start not in memo:
        found: list[dict[str, str]] = []
        for start, entry in _located_entries(result.text, s):
            if not _not_consumer(result.text, s, start, entry):
                _merge(found, entry)
        memo[s.start] = found
    return memo[s.start]


def _located_entries(text: str, s: Sentence) -> list[tuple[int, dict[str, str]]]:
    """(start, entry) of every how in a sentence, in text order: HOW's matches and the policy's phone numbers."""
    located = [(m.start(), entry) for m in finditer_in(HOW, text, s.start, s.end) if (entry := _entry(text, m))]
    phones = find_phones(text)
    first = bisect_left(phones, s.start, key=lambda phone: phone.start)
    for phone in phones[first:]:
        if phone.start >= s.end:  # its extension may run past the sentence's end: "1-800-767-3771 ext. 9339"
            break
        located.append((phone.start, {"kind": "phone", "value": phone.raw}))
    return sorted(located, key=lambda pair: pair[0]) if len(located) > 1 else located


def _how(
    result: Scan, i: int, code: str, codes_at: dict[int, set[str]], memo: dict[int, list[dict[str, str]]]
) -> list[dict[str, str]]:
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
        for entry in _entries(result, s, memo):
            _merge(found, entry)
    return found


def _sections(result: Scan, passages: list[Passage]) -> Callable[[int, int], bool]:
    """Whether two sentences share a section: consecutive passages under one heading, else the layout's heading."""
    starts = [p.start for p in passages]
    ids: list[int] = []
    for n, passage in enumerate(passages):
        ids.append(ids[-1] + (passage.heading != passages[n - 1].heading) if n else 0)

    known: dict[int, int] = {}

    def passage_section(i: int) -> int:
        if i not in known:
            position = result.items[i].start
            k = bisect_right(starts, position) - 1
            known[i] = ids[k] if k >= 0 and position < passages[k].end else -1
        return known[i]

    def same(i: int, j: int) -> bool:
        a, b = passage_section(i), passage_section(j)
        if a >= 0 and b >= 0:
            return a == b
        return result.items[i].heading == result.items[j].heading  # outside the passages: the layout decides

    return same


def _instructions(
    result: Scan, found: list[tuple[int, str]], passages: list[Passage], memo: dict[int, list[dict[str, str]]]
) -> dict[int, list[dict[str, str]]]:
    """How entries for rights from the instruction that follows them in their section.

    "To make a request, email ... or call ..." (or the sentence right after a list of rights that names where to
    send them) tells how to exercise each right named before it: list items and sentences alike.
    """
    rights = sorted({i for i, code in found if code in _REQUEST_RIGHTS})
    if not rights:
        return {}
    items = result.items
    cache: dict[int, tuple[int, list[dict[str, str]]] | None] = {}

    def instruction(j: int) -> tuple[int, list[dict[str, str]]] | None:
        """(first sentence it serves, its how entries) when sentence j is an instruction."""
        if j not in cache:
            s, scope = items[j], -1
            if _EXERCISE.search(s.text):
                scope = 0
            elif not s.is_item and j and items[j - 1].is_item and _lead_in(result, items[j - 1]):
                scope = items[j - 1].intro  # the sentence right after a list of rights
            entries = [e for e in _entries(result, s, memo) if e["kind"] != "browser"] if scope >= 0 else []
            cache[j] = (scope, entries) if entries else None
        return cache[j]

    same_section = _sections(result, passages)
    extra: dict[int, list[dict[str, str]]] = {}
    for i in rights:
        for j in range(i + 1, min(len(items), i + 1 + _REACH)):
            if items[j].is_heading or not same_section(i, j):
                break
            got = instruction(j)
            if got is not None:
                if got[0] <= i:
                    extra[i] = got[1]
                break
    return extra


def detect_choices(text: str) -> list[str]:
    """Choice codes that one passage of text offers."""
    found = {code for _, code in _choices(text)}
    return [code for code in ORDER if code in found]


# "We do not accept consumer privacy requests made by email": a kind of channel the policy itself refuses is no
# way to exercise a right, wherever else its address appears.
_REFUSED_CHANNEL = re.compile(
    r"\b(?:do|does|will|can|could)\s*(?:not|n[\u2019']t)\s+(?:accept|process|respond\s+to|honou?r|take)\s+"
    r"(?:[\w-]+\s+){0,3}requests?\s+(?:made\s+|submitted\s+|sent\s+|received\s+)?(?:by|via|through|over)\s+"
    r"(?:the\s+)?(e-?mail|(?:tele)?phone|(?:postal\s+)?mail|post)\b",
    re.IGNORECASE,
)  # the apostrophe as an escape: a caseless pattern written in ASCII has an RE2 form (prefix_scan)
_REFUSED_KIND = {"email": "email", "e-mail": "email", "phone": "phone", "telephone": "phone", "mail": "mail"}


def refused_channels(text: str) -> set[str]:
    """The how kinds ("email", "phone", "mail") the policy says it does not take privacy requests by."""
    found = set()
    # The pattern opens on a group of words, which `re` tries at every position; RE2 finds where a match may start.
    for match in finditer(_REFUSED_CHANNEL, text):
        word = match.group(1).lower().split()[-1]
        found.add(_REFUSED_KIND.get(word, "mail"))
    return found


def extract_choices(text: str, passages: list[Passage]) -> list[dict[str, Any]]:
    result = scan(text)
    refused = refused_channels(text)
    items: dict[str, dict[str, Any]] = {}
    found = list(_choices(text))
    codes_at: dict[int, set[str]] = {}
    for i, code in found:
        codes_at.setdefault(i, set()).add(code)
    memo: dict[int, list[dict[str, str]]] = {}
    extra = _instructions(result, found, passages, memo)
    for i, code in found:
        s = result.items[i]
        item = items.setdefault(code, {"type": code, "how": [], "evidence": []})
        if len(item["evidence"]) >= MAX_EVIDENCE and len(item["how"]) >= MAX_HOW:
            continue
        entries = _how(result, i, code, codes_at, memo)
        if code in _REQUEST_RIGHTS:
            entries += extra.get(i, [])
        for entry in entries:
            if code in _WITH_THE_COMPANY and channels.address_role(entry["value"]) == channels.OPT_OUT_TOOL:
                continue
            if code in _WITH_THE_COMPANY and entry["kind"] in refused:
                continue
            _merge(item["how"], dict(entry))
        if len(item["evidence"]) < MAX_EVIDENCE:
            item["evidence"].append(evidence(text, s.start, s.end))
    return [items[code] for code in ORDER if code in items]


_FALLBACK_ROLES = (channels.PRIVACY_FORM, channels.DPO, channels.PRIVACY_TEAM)
_FALLBACK_KIND = {"email": "email", "phone": "phone", "postal": "mail"}
MAX_FALLBACK = 2


def channel_fallback(
    choices: list[dict[str, Any]], contacts: list[dict[str, Any]], refused: set[str] | frozenset[str] = frozenset()
) -> None:
    """A right exercised with the company but given no way of its own takes the policy's privacy contact.

    Policies list rights in one section and say once, elsewhere, where privacy requests go ("Contact us:
    privacy@..."): that channel serves every right. Each entry taken this way says so (`"source": "contacts"`);
    only the company's own privacy form, DPO and privacy team qualify, never a regulator or a portal, nor a kind
    of channel the policy refuses (`refused_channels`).
    """
    own: list[dict[str, Any]] = []
    for contact in contacts:
        if _FALLBACK_KIND.get(contact["kind"]) in refused:
            continue
        key = _key_of("link", contact["normalized"])
        fits = contact.get("role") in _FALLBACK_ROLES and len(own) < MAX_FALLBACK
        if fits and all(_key_of("link", c["normalized"]) != key for c in own):
            own.append(contact)
    if not own:
        return
    for choice in choices:
        # An appeal answers the company's own refusal, through the route its reply gives: no contact stands in.
        if choice["type"] in _WITH_THE_COMPANY - {"appeal"} and not choice["how"]:
            for contact in own:
                kind = _FALLBACK_KIND.get(contact["kind"])
                if kind is None:
                    kind = "web_form" if contact["role"] == channels.PRIVACY_FORM else "link"
                _merge(choice["how"], {"kind": kind, "value": contact["value"], "source": "contacts"})
