"""The `facts` block: Do Not Track, children's age, retention, security, change notices, transfers abroad.

Each fact is found by a cue search over the whole text, then judged on the sentence around the cue:
negation and modality decide ("we do not respond to DNT signals", "we do not knowingly collect").
"""

from __future__ import annotations

import re
from typing import Any

from summaries.parser.evidence import evidence
from summaries.parser.lowercase import lowered
from summaries.parser.sentences import CLOSERS, boundary_matches, ends_sentence, stop_of
from summaries.parser.types import Evidence

_MAX_EVIDENCE = 3
# A sentence is looked for within this many characters of its cue, so that a hostile 5 MB line
# without full stops costs the same per cue as a normal paragraph.
_REACH = 600
_PER_KEYWORD = 200
_NEAR = 200  # a sentence start is looked for this far back first: most sentences are shorter


def sentence_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the sentence(s) that contain text[start:end], never beyond a line break."""
    end = start if end is None else end
    low = max(0, start - _REACH)
    first = _sentence_start(text, start, max(low, start - _NEAR), low)
    if first is None:  # no boundary close by: look back the whole reach
        first = _sentence_start(text, start, low, low)
    if first is None:
        first = low
    high = min(len(text), end + _REACH)
    last = high
    for match in boundary_matches(text, max(end, first), high):
        if ends_sentence(text, match):
            last = stop_of(match)
            break
    while first < start and text[first].isspace():
        first += 1
    while last > end and text[last - 1].isspace():
        last -= 1
    return min(first, start), max(last, end)


def _sentence_start(text: str, start: int, since: int, low: int) -> int | None:
    """The end of the last true boundary in text[since:start], as a scan from `low` finds it; None if none.

    A boundary holds only closing marks and spaces after its first character, so a scan started at a
    character that is neither cannot be inside one: from there it finds what the scan from `low` finds.
    """
    while since > low and since < start and (text[since].isspace() or text[since] in CLOSERS):
        since += 1
    # Only the last true boundary before the cue matters: check candidates from the nearest back.
    candidates = [m for m in boundary_matches(text, since, min(len(text), start + 1)) if m.end() <= start]
    for match in reversed(candidates):
        if ends_sentence(text, match):
            return match.end()
    return None


def _following(text: str, end: int, count: int) -> list[tuple[int, int]]:
    """Up to `count` sentences after position `end` in the same paragraph (a blank line stops)."""
    out: list[tuple[int, int]] = []
    cursor = end
    while len(out) < count:
        while cursor < len(text) and text[cursor] in " \t":
            cursor += 1
        if cursor >= len(text) or text.startswith("\n\n", cursor):
            break
        if text[cursor] == "\n":
            cursor += 1
            continue
        span = sentence_around(text, cursor)
        if span[1] <= cursor:
            break
        out.append(span)
        cursor = span[1]
    return out


def _ev(text: str, spans: list[tuple[int, int]]) -> list[Evidence]:
    seen: list[Evidence] = []
    for s, e in spans:
        item = evidence(text, s, e)
        if item not in seen:
            seen.append(item)
        if len(seen) == _MAX_EVIDENCE:
            break
    return seen


def keyword_sentences(text: str, keywords: tuple[str, ...], limit: int = 300) -> list[tuple[int, int]]:
    """Distinct sentences, in text order, that contain one of the lower-case `keywords`.

    A plain substring search runs at C speed; the detailed patterns then only read these sentences.
    """
    low = lowered(text)
    hits: list[int] = []
    for keyword in keywords:
        at = low.find(keyword)
        while at != -1 and len(hits) < _PER_KEYWORD * len(keywords):
            hits.append(at)
            at = low.find(keyword, at + 1)
    hits.sort()
    spans: list[tuple[int, int]] = []
    for at in hits:
        if spans and at < spans[-1][1]:
            continue
        spans.append(sentence_around(text, at))
        if len(spans) == limit:
            break
    return spans


def _cue_sentences(
    text: str, cue: re.Pattern[str], keywords: tuple[str, ...], limit: int = 40
) -> list[tuple[int, int]]:
    """Distinct sentences containing a match of `cue`, found through its `keywords`."""
    out = []
    for span in keyword_sentences(text, keywords):
        if cue.search(text, span[0], span[1]):
            out.append(span)
            if len(out) == limit:
                break
    return out


# --- Do Not Track -------------------------------------------------------------------------

_DNT = re.compile(r"\bdo[\s-]*not[\s-]*track\b|\bDNT\b", re.IGNORECASE)
_DNT_MASK = re.compile(r"[\"'“”‘’]?\bdo[\s-]*not[\s-]*track\b[\"'“”‘’]?|\bDNT\b", re.IGNORECASE)
_RESPONSE = (
    r"(?:respond|response|honou?r|respect|recogni[sz]e|process|support|act\b|acting|obey|comply|react|alter|change|treat"
    r"|adhere|follow)"
)
_NEGATION = r"(?:\bnot\b|n['’]t\b|\bnever\b|\bunable\b|\bno\s+(?:way|means|mechanism|ability|action|steps)\b)"
_DNT_NOT = re.compile(
    rf"{_NEGATION}[^.;]{{0,60}}?{_RESPONSE}|\bignor(?:e|es|ing)\b|"
    r"\bno\s+(?:uniform|common|industry|universally|consistent|accepted|standard|consensus|agreed)|"
    r"\bnot\s+(?:yet\s+)?been\s+(?:finali[sz]ed|established|agreed|adopted)|\bwhether\s+or\s+not\b",
    re.IGNORECASE,
)
_DNT_HONOR = re.compile(
    rf"(?<!how )\b(?:we|our\s+\w+|the\s+(?:site|service|website)s?|company)\s+(?:will\s+|do\s+|does\s+|currently\s+)?"
    rf"{_RESPONSE}\w*|"
    r"\b(?:when|if|once)\b[^.]{0,80}\bDNT\b[^.]{0,80}\b(?:we|will)\b[^.]{0,40}\b(?:not\s+(?:track|collect|share|use)|stop|disable|turn\s+off|opt\s+you\s+out)",
    re.IGNORECASE,
)
_SIGNALISH = re.compile(
    r"\b(?:signals?|requests?|settings?|features?|preferences?|mechanisms?|standards?|such|these|this|it|them|they)\b",
    re.I,
)


def _judge_dnt(sentence: str) -> str | None:
    masked = _DNT_MASK.sub(" DNT ", sentence)
    honored = _DNT_HONOR.search(masked)
    if honored and re.search(
        r"\bnot\s+(?:track|collect|share|use)|\bstop|\bdisable|turn\s+off", honored.group(0), re.I
    ):
        return "honored"
    if _DNT_NOT.search(masked):
        return "not_honored"
    if honored:
        return "honored"
    return None


def do_not_track(text: str) -> dict[str, Any]:
    verdicts: dict[str, list[tuple[int, int]]] = {"honored": [], "not_honored": []}
    for span in _cue_sentences(text, _DNT, ("track", "dnt")):
        verdict = _judge_dnt(text[span[0] : span[1]])
        judged = span
        if verdict is None:
            # "Some browsers offer Do Not Track. We do not currently respond to such signals."
            for nxt in _following(text, span[1], 2):
                sentence = text[nxt[0] : nxt[1]]
                if _SIGNALISH.search(sentence):
                    verdict = _judge_dnt(sentence)
                    if verdict:
                        judged = nxt
                        break
        if verdict:
            verdicts[verdict].extend([span] if judged == span else [span, judged])
    # A refusal anywhere wins: policies that honour DNT never also say they ignore it.
    for value in ("not_honored", "honored"):
        if verdicts[value]:
            return {"value": value, "evidence": _ev(text, verdicts[value])}
    return {"value": "not_stated", "evidence": []}


# --- Children ------------------------------------------------------------------------------

_WORD_AGES = {
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty-one": 21,
    "twenty one": 21,
}
_AGE = r"(?P<age>\d{1,2}|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty[- ]one)"
_AGE_PHRASE = re.compile(
    rf"\b(?:under|below|younger\s+than|less\s+than)\s+(?:the\s+age\s+of\s+|age\s+)?{_AGE}\b"
    rf"|\b(?:age\s+of|aged?)\s+{_AGE.replace('age>', 'age2>')}\b"
    rf"|\b{_AGE.replace('age>', 'age3>')}\s*(?:years?\s+(?:of\s+age|old)|\+|(?:or|and)\s+(?:older|over|up))"
    rf"|\bat\s+least\s+{_AGE.replace('age>', 'age5>')}\b"
    rf"|\bunder[- ]{_AGE.replace('age>', 'age4>')}s?\b",
    re.IGNORECASE,
)
_CHILD_CUE = re.compile(r"\b(?:child(?:ren)?|minors?|kids?|teens?|teenagers?|coppa|parent(?:al)?|guardians?)\b", re.I)
_CHILD_STRONG = re.compile(
    r"\b(?:knowingly|intentionally|not\s+(?:intended|directed|designed|targeted|meant|aimed)|must\s+be|"
    r"(?:do|does|will)\s+not\s+(?:collect|solicit|request|market)|never\s+(?:knowingly\s+)?(?:collect|request)|"
    r"(?:learn|become\s+aware|discover|find\s+out)\w*\s+that|only\s+(?:for|to)\s+(?:individuals|persons|people|users|adults)|eligible|at\s+least|not\s+for\s+(?:use\s+by\s+)?"
    r"(?:anyone|children|persons|individuals|users)|intended\s+(?:only\s+)?for\s+(?:users|adults|individuals|persons))\b",
    re.IGNORECASE,
)
_CHILD_WEAK = re.compile(
    r"\b(?:collect\w*|intended|directed|register|use\s+(?:of\s+)?(?:the|our|this)|visit|send|submit|provide|attract)\b",
    re.I,
)
_SALE_ONLY = re.compile(r"\b(?:sell|sale|sold|opt[- ]in\s+to\s+the\s+sale)\b", re.IGNORECASE)


_AGE_WORDS = (
    "under",
    "younger",
    "below",
    "less than",
    " age",
    " old",
    "at least",
    "minor",
    "child",
    "teen",
    "kid",
    "coppa",
)


def children_min_age(text: str) -> dict[str, Any]:
    scores: dict[int, int] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    order: list[int] = []
    for span in keyword_sentences(text, _AGE_WORDS):
        sentence = text[span[0] : span[1]]
        strong, weak, child = _CHILD_STRONG.search(sentence), _CHILD_WEAK.search(sentence), _CHILD_CUE.search(sentence)
        # "Not intended for anyone under 18" names no child but is an audience limit all the same.
        if not (strong or (weak and child)):
            continue
        # "We do not sell the data of consumers under 16" is a sale rule, not an audience limit.
        if _SALE_ONLY.search(sentence) and not re.search(r"\bcollect|intended|directed", sentence, re.I):
            continue
        for match in _AGE_PHRASE.finditer(sentence):
            raw = next(v for v in (match.group(k) for k in ("age", "age2", "age3", "age4", "age5")) if v)
            age = _WORD_AGES.get(raw.lower()) if not raw.isdigit() else int(raw)
            if age is None or not 6 <= age <= 21:
                continue
            if age not in scores:
                order.append(age)
                scores[age], spans[age] = 0, []
            scores[age] += (2 if strong else 1) + (1 if child else 0)
            if span not in spans[age]:
                spans[age].append(span)
    if not scores:
        return {"value": None, "evidence": []}
    best = max(order, key=lambda a: (scores[a], -order.index(a)))
    return {"value": best, "evidence": _ev(text, spans[best])}


# --- Retention -----------------------------------------------------------------------------

_RETAIN = re.compile(
    r"\b(?:retain\w*|retention|keep|keeps|kept|store[sd]?|storing|hold|held|maintain\w*|"
    r"delete[sd]?|deleting|erase[sd]?|purge[sd]?|destroy\w*|anonymi[sz]\w*)\b",
    re.IGNORECASE,
)
_NUMBER = (
    r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety)"
)
_PERIOD = re.compile(
    rf"\b(?:(?:up\s+to|at\s+least|at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|no\s+(?:more|longer)\s+than|about|approximately)\s+)?"
    rf"{_NUMBER}(?:\s*\(\d{{1,4}}\))?[\s-]+(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_AS_LONG = re.compile(
    r"\b(?:(?:for\s+)?(?:as|so)\s+long\s+as\s+(?:is\s+|it\s+is\s+|we\s+|they\s+are\s+|you\s+|your\s+)?"
    r"(?:\w+\s+){0,3}?(?:necessary|needed|required|reasonably|active|permitted|appropriate|have|maintain|use)"
    r"|no\s+longer\s+than\s+(?:is\s+)?(?:necessary|needed|required)"
    r"|(?:for\s+)?the\s+(?:duration|period(?:\s+of\s+time)?)\s+(?:of\s+time\s+)?(?:that\s+|which\s+)?(?:is\s+)?"
    r"(?:necessary|needed|required|there\s+is|we\s+need|reasonably)"
    r"|until\s+(?:it\s+is\s+|they\s+are\s+)?no\s+longer\s+(?:necessary|needed|required))",
    re.IGNORECASE,
)
_RETENTION_TOPIC = re.compile(
    r"\b(?:information|data|records?|details|it|them|accounts?|transcripts?|logs?|recordings?|messages?|history|"
    r"files?|copies|backups?)\b",
    re.IGNORECASE,
)


# A retention statement names a time: these are rarer in a policy than "store" or "keep".
_DURATION_WORDS = ("long", "until", "duration", "period", "day", "week", "month", "year")


_PHRASE_CHARS = 70


def _phrase(sentence: str, start: int, end: int) -> str:
    """The matched words carried on to the end of their clause, kept short for the card."""
    stop = len(sentence)
    for mark in ".;:(":
        at = sentence.find(mark, end)
        if at != -1:
            stop = min(stop, at)
    stop = min(stop, start + _PHRASE_CHARS)
    if stop < len(sentence) and sentence[stop].isalnum():
        stop = max(end, sentence.rfind(" ", end, stop))
    return sentence[start:stop].strip(" ,")


def retention(text: str) -> dict[str, Any]:
    period: list[tuple[tuple[int, int], str]] = []
    needed: list[tuple[tuple[int, int], str]] = []
    for span in _cue_sentences(text, _RETAIN, _DURATION_WORDS, limit=80):
        sentence = text[span[0] : span[1]]
        if not _RETENTION_TOPIC.search(sentence):
            continue
        verb = _RETAIN.search(sentence)
        duration = _PERIOD.search(sentence, verb.start() if verb else 0)
        if duration and verb and duration.start() - verb.end() <= 120:
            period.append((span, duration.group(0)))
            continue
        long_as = _AS_LONG.search(sentence)
        if long_as:
            needed.append((span, _phrase(sentence, long_as.start(), long_as.end())))
    for value, found in (("period", period), ("as_long_as_needed", needed)):
        if found:
            return {"value": value, "text": found[0][1], "evidence": _ev(text, [s for s, _ in found])}
    return {"value": "not_stated", "text": "", "evidence": []}


# --- Security ------------------------------------------------------------------------------

_SECURITY = re.compile(
    r"\b(?:safeguards|(?:technical|physical|administrative|electronic|procedural|security)\s+safeguards?|"
    r"security\s+(?:measures|procedures|controls|practices|technolog\w+)|"
    r"encrypt(?:s|ed|ion|ing)?|secure\s+(?:socket|server|servers|sockets|environment|facilities)|SSL|TLS|firewalls?|"
    r"(?:physical|technical|administrative|electronic|procedural|organi[sz]ational)\s*(?:,|and|or)?\s*"
    r"(?:(?:physical|technical|administrative|electronic|procedural|organi[sz]ational)\s*(?:,|and|or)?\s*)*"
    r"(?:safeguards|measures|security|protections)|"
    r"(?:reasonable|appropriate|industry[- ]standard|commercially\s+reasonable)\s+(?:\w+\s+){0,2}"
    r"(?:measures|steps|precautions|safeguards|security)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:protect|secure|safeguard|prevent)|"
    r"protect\w*\s+(?:\w+\s+){0,4}(?:against|from)\s+(?:being\s+)?(?:unauthori[sz]ed|loss|lost|misuse|theft|accidental\w*))\b",
    re.IGNORECASE,
)
_SECURITY_DENIED = re.compile(r"\b(?:do|does)\s+not\s+(?:use|employ|maintain|encrypt)\b", re.IGNORECASE)


_SECURITY_WORDS = (
    "safeguard",
    "secur",
    "encrypt",
    "ssl",
    "tls",
    "firewall",
    "protect",
    "reasonable",
    "appropriate",
    "measures",
)


def security(text: str) -> dict[str, Any]:
    spans = [
        s
        for s in _cue_sentences(text, _SECURITY, _SECURITY_WORDS, limit=10)
        if not _SECURITY_DENIED.search(text[s[0] : s[1]])
    ]
    if not spans:
        return {"value": "not_stated", "evidence": []}
    return {"value": "stated", "evidence": _ev(text, spans)}


# --- Changes to the policy -----------------------------------------------------------------

_VERB = r"(?:chang|modif|updat|amend|revis)\w*"
_DOC = r"(?:polic(?:y|ies)|statement|notice|terms|practices)"
_CHANGE = re.compile(
    rf"\b{_VERB}\s+(?:to\s+|of\s+|in\s+)?(?:this|our|the|these|any)\s+(?:[\w’'-]+\s+){{0,2}}{_DOC}\b"
    rf"|\b{_DOC}\s+(?:\w+\s+){{0,4}}(?:be\s+)?{_VERB}"
    r"|\b(?:notice|notif\w+|inform(?:s|ed|ing)?)\s+(?:\w+\s+){0,3}(?:of\s+)?"
    r"(?:changes|(?:(?:such|any|these|the|material|significant)\s+)+changes?)\b"
    r"|\b(?:revise|update|change)\s+the\s+[\"“]?(?:last\s+)?(?:updated|effective|revision|modified)[\"”]?\s+date",
    re.IGNORECASE,
)
_DIRECT = re.compile(
    r"\b(?:(?:by|via|through|an|in\s+an|by\s+sending\s+(?:you\s+)?an?)\s+e-?mail|e-?mail\s+(?:notice|notification|you)|"
    rf"(?:e-?mails?|notifications?)\s+(?:about|of|regarding)\s+(?:\w+\s+){{0,2}}changes[^.]{{0,40}}{_DOC}|"
    r"prominent(?:ly)?|notif\w+\s+(?:you|users|customers)|notice\s+to\s+you|directly|"
    r"(?:notice|notification|banner|message)\s+(?:on|at|in)\s+(?:the\s+|our\s+)?(?:main|home|front)\s*page|"
    r"(?:main|home)\s*page|send\s+you|contact\s+you|in[- ]app|through\s+the\s+(?:service|app)|by\s+mail|"
    r"(?:ask|seek|obtain)\s+(?:for\s+)?your\s+consent)",
    re.IGNORECASE,
)
_POSTED = re.compile(
    r"\b(?:post\w*|publish\w*|placed\s+on|(?:updat|revis|chang)\w*\s+(?:the\s+)?[\"“]?(?:last\s+updated|effective|revision|updated|revised)"
    r"|check\s+(?:back|this\s+page)|review\s+this\s+(?:\w+\s+)?(?:page|policy|statement)|(?:on|to)\s+this\s+(?:web\s*)?page"
    r"|visit\w*\s+this\s+(?:web\s*)?page|(?:regularly|periodically|frequently)\s+(?:visit|review|check)\w*)\b",
    re.IGNORECASE,
)
_BY_POSTING = re.compile(
    r"\b(?:notif|inform)\w*\s+(?:you|users)\b[^.]{0,40}\bby\s+posting\b|\bnotice\s+by\s+posting\b", re.I
)


_CHANGE_WORDS = ("chang", "modif", "updat", "amend", "revis", "notif", "notice")


def changes_notice(text: str) -> dict[str, Any]:
    direct, posted = [], []
    for span in _cue_sentences(text, _CHANGE, _CHANGE_WORDS, limit=30):
        sentence = text[span[0] : span[1]]
        by_posting = _BY_POSTING.search(sentence)
        cleaned = _BY_POSTING.sub(" ", sentence)
        if _DIRECT.search(cleaned) and not re.search(r"\b(?:not|never)\b[^.]{0,20}\bnotif", cleaned, re.I):
            direct.append(span)
        elif by_posting or _POSTED.search(sentence):
            posted.append(span)
    if direct:
        return {"value": "direct_notice", "evidence": _ev(text, direct)}
    if posted:
        return {"value": "posted_only", "evidence": _ev(text, posted)}
    return {"value": "not_stated", "evidence": []}


# --- International transfers ----------------------------------------------------------------

_INTERNATIONAL = re.compile(
    r"\b(?:transferr?\w*|stored|processed|housed|hosted|maintained|sent|moved)\b[^.\n]{0,120}?"
    r"\b(?:outside\s+(?:of\s+)?(?:your|the|their)|other\s+(?:countries|jurisdictions)|another\s+(?:country|jurisdiction)|"
    r"countries\s+other|across\s+(?:borders|national)|abroad|overseas|united\s+states|U\.S\.|USA|"
    r"(?:servers|facilities)\s+(?:located\s+)?in)"
    r"|\bcross[- ]border\b|\binternational(?:ly)?\s+transfer\w*|\bstandard\s+contractual\s+clauses\b"
    r"|\bprivacy\s+shield\b"
    r"|\badequacy\s+decision\b|\bservers?\s+(?:are\s+)?(?:located|based|housed)\s+in\b",
    re.IGNORECASE,
)


_INTERNATIONAL_WORDS = (
    "transfer",
    "stored",
    "processed",
    "housed",
    "hosted",
    "maintained",
    "sent",
    "moved",
    "border",
    "contractual",
    "shield",
    "adequacy",
    "server",
)


def international(text: str) -> dict[str, Any]:
    spans = _cue_sentences(text, _INTERNATIONAL, _INTERNATIONAL_WORDS, limit=10)
    if not spans:
        return {"value": "not_stated", "evidence": []}
    return {"value": "stated", "evidence": _ev(text, spans)}


def extract_facts(text: str) -> dict[str, Any]:
    return {
        "do_not_track": do_not_track(text),
        "children_min_age": children_min_age(text),
        "retention": retention(text),
        "security": security(text),
        "changes_notice": changes_notice(text),
        "international": international(text),
    }
