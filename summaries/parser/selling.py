"""Whether the company sells personal information: the `sells_data` verdict.

`yes` where the policy says it sells, rents or exchanges personal information (also "may sell"), or
shares it for cross-context targeted advertising in the sense of the state privacy laws ("sale or
sharing" with an opt-out); `no` where it says it does not; `not_stated` otherwise. A denial limited
to a group ("we do not sell the data of minors under 16", "... sensitive personal information") is
an exception: it goes into the evidence but does not decide the value. A right to opt out of sale
counts as `yes` only when the policy never denies selling, since such rights are often listed as
boilerplate.
"""

from __future__ import annotations

import re
from typing import Any

from summaries.parser.evidence import evidence
from summaries.parser.negation import third_party_subject
from summaries.parser.scan import scan
from summaries.parser.types import Passage

MAX_EVIDENCE = 3

_SELL = (
    r"(?:sell|sells|selling|sold|rent|rents|renting|rented|trade|trades|trading|traded|exchange|exchanges|lease|leases|"
    r"swap|swaps)(?![\w-])"
)
# "Exchange", "trade" and "swap" make a sale only when lists change hands for marketing ("we exchange mailing
# lists with other retailers"): elsewhere they are how a group, a credit agency or a market works ("companies
# within the group exchange data to prevent fraud", "Prime Trading").
_BARTER = re.compile(r"^(?:exchang|trad|swap)", re.IGNORECASE)
_LIST_MARKETING = re.compile(
    r"\b(?:marketing|advertis\w*|mailing|lists?|promotional|third[- ]parties)\b"
    r"|\bother (?:[\w-]+ ){0,2}(?:companies|businesses|retailers|merchants|organi[sz]ations)\b",
    re.IGNORECASE,
)
# A new subject between a selling verb and the data names another clause, so the verb had another object:
# "for every event for which we sell tickets, we disclose your name" sells tickets, not the name.
_NEW_CLAUSE = re.compile(r"\b(?:we|you|they|he|she|it)\b", re.IGNORECASE)
_DATA = (
    r"(?:personal(?:ly)?(?: identifiable| identification)? (?:information|data)|^\W*(?:information|data)\b|"
    r"(?:your|users?[’']?|customers?[’']?|"
    r"consumers?[’']?|visitors?[’']?|their|such|this|the|any|our) (?:[\w’'-]+ ){0,3}(?:information|data|details)|"
    r"\bit\b|\bthem\b|e-?mail (?:addresses|lists?)|(?:customer|mailing|contact|marketing|postal|phone|e-?mail) lists?|"
    r"names and addresses|\bpii\b|(?:your|their|customers?[’']?) (?:[\w’'-]+ ){0,3}(?:names?|addresses"
    r"|e-?mail addresses))"
)
_SALE_NOUN = r"(?:sale|sales|selling|rental|renting|exchange|trading)"

# "we may sell ... personal information", "sell, rent or share your information"; not "a refund or exchange"
_NOT_A_VERB = r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bor )(?<!\bin )(?<!\bfor )"
ACTIVE = re.compile(
    rf"{_NOT_A_VERB}\b{_SELL}\b(?!\s+of\b)(?:\s*(?:,|/|or|and|and/or)\s*(?:{_SELL}|share|disclose|use|share/use)\b)*",
    re.IGNORECASE,
)
# "your data may be sold"
PASSIVE = re.compile(r"\b(?:is|are|be|been|was|were)\s+(?:\w+\s+)?(?:sold|rented|traded|exchanged)\b", re.IGNORECASE)
DATA = re.compile(_DATA, re.IGNORECASE)
_STOP = re.compile(r"[.;:]")
_SELL_WORDS = re.compile(r"\b(?:sell|sold|sale|rent|trade|trading|exchange|lease|selling|renting|swap)", re.IGNORECASE)
# "opt out of the sale of your personal information", "Do Not Sell My Personal Information"
OPT_OUT_SALE = re.compile(
    rf"\bopt(?:ing)?[- ]?out\b[^.;]{{0,40}}\b{_SALE_NOUN}\b|\bdo not sell(?: or share)? my\b|"
    rf"\b{_SALE_NOUN}(?: (?:or|and|and/or) (?:sharing|rental|exchange))? of (?:your"
    r"|their) (?:personal )?(?:information|data)",
    re.IGNORECASE,
)
# Sharing for cross-context behavioural (targeted) advertising, a "sale or sharing" under state laws.
TARGETED_SHARING = re.compile(
    r"\b(?:shar(?:e|es|ing)|disclos(?:e|es|ing)|share/use)\b[^.;]{0,120}\bfor (?:cross[- ]context behaviou?ral|"
    r"targeted|interest[- ]based) advertising"
    r"|\b(?:considered|deemed|constitutes?|qualif(?:y|ies) as|treated as|defined? as)\W+(?:(?:an?|the)\s+)?"
    r"(?:[\"“'‘][^\"”'’]{1,30}[\"”'’],?\s+(?:(?:or|and)\s+)?){0,3}[\"“'‘]?(?:sales?|selling|sharing)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|never|no longer|nor|none|dont|wont|doesnt|cannot)\b|n[’']t\b|\bwithout\b|\bno\b|"
    r"\b(?:restricted|prohibited|barred|forbidden) from\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;:]|,\s*(?:but|however|although|though|except)\b|\b(?:but|except|however)\b", re.IGNORECASE)
# Denials limited to a group of people or a kind of data are exceptions, not the policy's answer.
LIMITED = re.compile(
    r"\b(?:minors?|child(?:ren)?|under (?:the age of )?1[0-9]|sensitive|health|biometric|precise geolocation)\b",
    re.IGNORECASE,
)
_RIGHT = re.compile(r"\b(?:rights?|opt(?:ing)?[- ]?out|request\w*|limit)\b", re.IGNORECASE)
_DEEMED = re.compile(r"(?:considered|deemed|constitut|qualif|treated|defined? as)", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\W*(?:if|when|where|in case)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|even)\b", re.IGNORECASE)
# Boilerplate that names selling without saying the company does it.
NOT_A_STATEMENT = re.compile(
    r"\bright to (?:know|request|access|receive)\b|\bcategories of\b[^.]{0,60}\bsold\b|\bif we (?:sell|sold)\b|"
    r"\b(?:assets?|business|company|companies|products?|merchandise|goods|services|stock|units?|(?:web)?sites?|stores?|"
    r"brands?|division)\b"
    r"[^.]{0,25}\b(?:sold|sell|sale)\b|\bsale of (?:all|some|substantially|a portion|part|our|the|its|assets)\b|"
    r"\b(?:buy|purchase|purchased)\b[^.]{0,20}\b(?:sell|sold)\b|\bcorporate transaction|\bmergers?\b|\bacquisition|"
    r"\bbankruptcy\b|\breorgani[sz]ation|\baggregat\w+|\bde-?identified\b|\banonymi[sz]\w+|"
    r"\bdoes not (?:personally )?identify\b|\bmerg(?:e|es|ed|ing)\b",
    re.IGNORECASE,
)
# The company itself changing hands ("If Brightline is sold ...") is a business transfer, not a sale of
# data. Case-sensitive so that a capitalised name is told from "your information is sold".
_COMPANY_SOLD = re.compile(
    r"\b(?i:if|when|should|in the event(?: that)?)\s+(?:(?i:we|our company|the company|our business)|"
    r"[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})\s+(?i:is|are|were|was|gets?)\s+(?:\w+\s+)?(?i:sold|acquired)\b"
)
# "it" and "them" stand for personal data only where the sentence has named some before the verb:
# "... makes sheets and towels and sells them" is about products.
_PRONOUN = re.compile(r"\b(?:it|them)\b", re.IGNORECASE)
_DATA_NOUN = re.compile(r"\b(?:information|data|details|pii|e-?mail|address(?:es)?|names?|lists?)\b", re.IGNORECASE)


_LINK_NAME = re.compile(r"\bdo not (?:use, )?(?:sell|share)(?:,? or (?:sell|share))?(?:/\w+)? my\b", re.IGNORECASE)


def _negated_before(text: str, start: int, position: int, reach: int = 60) -> bool:
    """A negation cue in the same clause, shortly before the verb."""
    window_start = max(start, position - reach)
    window = text[window_start:position]
    cuts = list(_CLAUSE.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    return bool(NEGATION.search(window))


def _statements(body: str):
    """Selling verbs with personal data as their object (active) or subject (passive)."""
    for match in ACTIVE.finditer(body):
        stop = _STOP.search(body, match.end())
        end = min(match.end() + 60, stop.start() if stop else len(body))
        found = DATA.search(body[match.end() : end])
        if not found or _NEW_CLAUSE.search(body, match.end(), match.end() + found.start()):
            continue
        if _BARTER.match(match.group(0)) and not _LIST_MARKETING.search(body):
            continue
        if not _PRONOUN.fullmatch(found.group(0)) or _DATA_NOUN.search(body, 0, match.start()):
            yield match
    for match in PASSIVE.finditer(body):
        found = list(DATA.finditer(body, max(0, match.start() - 60), match.start()))
        if found:
            yield found[-1]


def _judge(text: str, start: int, end: int) -> str | None:
    """`yes`, `no`, `limited_no`, `opt_out` or None for one sentence."""
    body = text[start:end]
    if _LINK_NAME.search(body):
        return "opt_out"  # the name of an opt-out link ("Do Not Sell My Personal Information") is not a denial
    targeted = TARGETED_SHARING.search(body)
    # "We do not sell the data of minors or share such information for targeted advertising": the denial
    # governs every verb of its clause, however long the object of the first.
    if targeted and not _negated_before(text, start, start + targeted.start(), reach=200):
        # "You have the right to opt out of sharing for targeted advertising" describes a right, which state
        # laws make every policy list; only the company's own words ("may be considered a sale") say it does.
        described = _RIGHT.search(body, 0, targeted.start()) and not _DEEMED.match(targeted.group(0))
        return "opt_out" if described else "yes"
    verdict = None
    if NOT_A_STATEMENT.search(body) or _COMPANY_SOLD.search(body):
        return None
    for match in _statements(body):
        if third_party_subject(text, start, start + match.start()):
            continue  # "they are obligated not to sell": the vendor's duty, not the company's practice
        clause_end = _CLAUSE.search(body, match.end())
        clause = body[match.start() : clause_end.start() if clause_end else len(body)]
        if _negated_before(text, start, start + match.start()) or re.search(
            r"\bnot (?:be )?(?:sold|rented)\b", clause, re.IGNORECASE
        ):
            # "..., including for children under 16" widens a denial; "of children under 16" narrows it.
            verdict = "limited_no" if LIMITED.search(_INCLUDING.split(clause, 1)[0]) else "no"
            if verdict == "no":
                return "no"
        else:
            return "yes"
    if verdict:
        return verdict
    if re.search(r"\bnot in the business of (?:selling|renting)\b", body, re.IGNORECASE):
        return "no"
    if OPT_OUT_SALE.search(body) and not NOT_A_STATEMENT.search(body):
        negated = _negated_before(text, start, start + OPT_OUT_SALE.search(body).start())
        return None if negated else "opt_out"
    return None


def extract_sells(text: str, passages: list[Passage]) -> dict[str, Any]:
    found: dict[str, list[tuple[int, int]]] = {"yes": [], "no": [], "limited_no": [], "opt_out": []}
    result = scan(text)
    for i in sorted(result.bucket(_SELL_WORDS)):
        s = result.items[i]
        if s.is_heading and not re.search(r"\bsell\b", s.text, re.IGNORECASE):
            continue
        if s.text.rstrip().endswith("?"):
            continue  # "Do we sell your personal information?" asks; the answer that follows says
        verdict = _judge(text, s.start, s.end)
        if verdict:
            found[verdict].append((s.start, s.end))
    if found["yes"]:
        value, spans = "yes", found["yes"] + found["limited_no"] + found["opt_out"]
    elif found["no"]:
        value, spans = "no", found["no"] + found["limited_no"]
    elif found["opt_out"]:
        value, spans = "yes", found["opt_out"] + found["limited_no"]
    else:
        value, spans = "not_stated", found["limited_no"]
    # The company speaking of itself ("we may sell ...") is the best evidence; a partner's practice the weakest.
    spans = sorted(
        set(spans),
        key=lambda span: (
            bool(_CONDITIONAL.match(text, *span)),
            not _FIRST_PERSON.search(text, *span),
            spans.index(span),
        ),
    )
    spans = spans[:MAX_EVIDENCE]
    return {"value": value, "evidence": [evidence(text, s, e) for s, e in spans]}
