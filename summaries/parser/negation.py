"""Negation, modality and "who does it" cues shared by the section extractors.

A statement only counts when the company itself does the thing: "we do not sell", "we will never
request your password" and "these companies may collect" must not be read as the company's own
practice. Negation reaches from its cue to the end of the clause, so "we do not share it, except
where the law requires" keeps what follows "except".
"""

from __future__ import annotations

import re

from summaries.parser.prefix_scan import finditer_in

# Negation reaches to the end of its clause: a stop, a colon, or a turn such as "but" or "except".
_CLAUSE_END = re.compile(
    r"[;:]|\.\s|,\s*(?:but|however|although|though|except|unless|other than|only)\b"
    r"|\b(?:except|unless|other than|but we|however)\b"
)

CHILDREN = re.compile(
    r"\bchild(?:ren)?(?:['’]s)?\b|\bminors?\b|\bkids\b|\bunder\s+(?:the\s+age\s+of\s+)?1[0-9]\b|\bCOPPA\b"
    r"|\b(?:age|ages)\s+of\s+1[0-9]\b|\bparental consent\b",
    re.IGNORECASE,
)
DEFINITION = re.compile(r"[”\"]\s*(?:means|refers to|shall mean|is defined as)\b|\bmeans any\b", re.IGNORECASE)

# Actors, not possessives: in "advertisers on our site collect" the advertisers act.
FIRST_PARTY = re.compile(r"\b(?:we|us|i)\b|\byou\b|\bcompany\b", re.IGNORECASE)
# "we do not collect anything other than your e-mail address": what follows the exception is collected.
EXCEPTION = re.compile(r"\s*,?\s*(?:except(?: for)?|unless|other than|besides|apart from|save for|but only)\b", re.I)
THIRD_PARTY = re.compile(
    r"\b(?:third[- ]part(?:y|ies)(?:\s+\w+)?|advertis\w+|ad\s+(?:networks?|servers?|partners|companies)"
    r"|(?:analytics|marketing|social media)\s+(?:companies|providers|partners|networks|services|platforms)"
    r"|(?:these|such|those|other)\s+(?:companies|parties|third parties|websites|sites|services|providers|partners|"
    r"tools|networks|vendors|entities|businesses|organizations)|they|partners|vendors|service providers"
    r"|google(?:\s+analytics)?|facebook|social (?:media|network)\w*(?:\s+\w+)?|websites?|operators?)\b",
    re.IGNORECASE,
)


def spans_for(text: str, matches: list[re.Match[str]], end: int) -> list[tuple[int, int]]:
    """Negated spans from cue matches found beforehand (one pass over the whole text), each to its clause end."""
    spans = []
    for match in matches:
        stop = _CLAUSE_END.search(text, match.end(), end)
        spans.append((match.start(), stop.start() if stop else end))
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def third_party_subject(text: str, sentence_start: int, verb_start: int) -> bool:
    """True when the nearest actor before a verb is someone other than the company or the user."""
    window = text[max(sentence_start, verb_start - 90) : verb_start]
    last_third = max((m.end() for m in finditer_in(THIRD_PARTY, window)), default=-1)
    if last_third < 0:
        return False
    last_first = max((m.end() for m in FIRST_PARTY.finditer(window)), default=-1)
    if last_first < 0:
        return True
    return last_third > last_first
