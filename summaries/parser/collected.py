"""What's collected: the `collected` section of the card.

A data word counts when its sentence says the company (or the user, to the company) collects it: an
affirmative collection verb whose actor is the company or the user, a list line under a collection
heading or under a sentence that introduces the list ("we collect the following:"), or a tracker
the site uses. Negated clauses ("we will never request your password"), what other companies
collect, children's data the company says it does not knowingly collect, definitions and security
statements are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from summaries.parser.evidence import evidence
from summaries.parser.negation import CHILDREN, DEFINITION, EXCEPTION, inside, spans_for, third_party_subject
from summaries.parser.scan import Scan, Sentence, passage_heading, scan
from summaries.parser.types import Evidence, Passage
from summaries.parser.vocab_data import (
    COLLECT,
    COLLECT_HEADING,
    CONTINUATION,
    DATA_TYPES,
    DEFAULT_SOURCE,
    FINITE,
    NEGATED_COLLECT,
    NOT_COLLECT_HEADING,
    ORDER,
    SKIP,
    SOURCE_CUES,
    STRONG_COLLECT,
    USE_HEADING,
    USES_TRACKERS,
    WEAK_WORDS,
)
from summaries.parser.wordmatch import group_name

MAX_EVIDENCE = 3
MAX_EXAMPLES = 6
_SPACE = re.compile(r"\s+")
# A list led in by what the policy leaves out ("Personal information does not include the following:", the
# exemptions of US state laws) names data the policy is not about, whatever its items say.
_EXCLUDING_LEAD = re.compile(
    r"\b(?:does|do|shall|will)\s+not\s+(?:include|apply\s+to|cover)\b|\bexclud(?:es|ed|ing)\b|\bexempt(?:ed|s)?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)
def is_collection_heading(heading: str) -> bool:
    if not heading or not COLLECT_HEADING.search(heading) or NOT_COLLECT_HEADING.search(heading):
        return False
    return not USE_HEADING.search(heading) or "collect" in heading.lower()


def _verbs(result: Scan, i: int, pattern: re.Pattern[str], negated: list[tuple[int, int]]) -> bool:
    """Whether sentence i has a verb of `pattern` that is affirmed and done by the company or the user."""
    s = result.items[i]
    for match in result.bucket(pattern).get(i, ()):
        if inside(match.start(), negated):
            continue
        if third_party_subject(result.text, s.start, match.start()):
            continue
        return True
    return False


class _Reader:
    """Decides sentence by sentence whether data words there are collected; remembers intros."""

    def __init__(self, result: Scan, passages: list[Passage]) -> None:
        self.result = result
        self.passages = passages
        self.verdicts: dict[int, str] = {}  # sentence index -> "strong" | "weak" | "none"
        self.negations: dict[int, list[tuple[int, int]]] = {}

    def heading(self, s: Sentence) -> str:
        return s.heading or passage_heading(self.passages, s.start)

    def verdict(self, i: int) -> str:
        if i not in self.verdicts:
            self.verdicts[i] = self._judge(i)
        return self.verdicts[i]

    def _judge(self, i: int) -> str:
        s, result = self.result.items[i], self.result
        if s.is_heading or i in result.bucket(CHILDREN) or i in result.bucket(DEFINITION) or i in result.bucket(SKIP):
            return "none"
        if s.is_item and s.intro >= 0 and _EXCLUDING_LEAD.search(result.items[s.intro].text):
            return "none"
        negated = self.negated(s, i)
        if _verbs(result, i, STRONG_COLLECT, negated):
            return "strong"
        if any(EXCEPTION.match(result.text, end) for _, end in negated):
            return "strong"
        in_scope = is_collection_heading(self.heading(s))
        weak_verb = _verbs(result, i, COLLECT, negated)
        has_verb = i in result.bucket(COLLECT)
        if s.is_item and s.intro >= 0 and self._introduces_collection(s.intro):
            return "strong" if not has_verb or weak_verb else "none"
        if i > 0 and self._continues(i):
            return "strong"
        if in_scope and (weak_verb or s.is_item or not has_verb):
            return "weak"
        return "none"

    def _continues(self, i: int) -> bool:
        """A sentence that goes on listing what a collection sentence just before it began."""
        s = self.result.items[i]
        if CONTINUATION.search(s.text):
            for j in range(i - 1, max(-1, i - 3), -1):
                if self.result.items[j].block != s.block:
                    break
                if self.verdict(j) == "strong":
                    return True
            return False
        prev = self.result.items[i - 1]
        return prev.block == s.block and not FINITE.search(s.text) and self.verdict(i - 1) == "strong"

    def _introduces_collection(self, intro: int) -> bool:
        s = self.result.items[intro]
        verdict = self.verdict(intro)
        if verdict == "strong":
            return True
        return s.text.rstrip().endswith(":") and verdict == "weak"

    def negated(self, s: Sentence, i: int) -> list[tuple[int, int]]:
        if i not in self.negations:
            cues = self.result.bucket(NEGATED_COLLECT).get(i, [])
            self.negations[i] = spans_for(self.result.text, cues, s.end) if cues else []
        return self.negations[i]


def _mentions(text: str, passages: list[Passage]):
    """Yield (sentence, code, match) for every data word the policy says is collected."""
    result = scan(text)
    reader = _Reader(result, passages)
    for i, matches in sorted(result.bucket(DATA_TYPES).items()):
        s = result.items[i]
        verdict = reader.verdict(i)
        trackers = None
        negated: list[tuple[int, int]] | None = None
        for match in matches:
            code = group_name(match)
            if code is None or code == "ignore":
                continue
            if negated is None:
                negated = reader.negated(s, i)
            if inside(match.start(), negated):
                continue
            if verdict == "none":
                if code != "cookies":
                    continue
                if trackers is None:
                    trackers = i not in result.bucket(CHILDREN) and _verbs(result, i, USES_TRACKERS, negated)
                if not trackers:
                    continue
            elif verdict == "weak" and WEAK_WORDS.match(match.group(0)):
                continue
            yield s, code, match


def _cues(text: str, i: int) -> set[str]:
    return {name for m in scan(text).bucket(SOURCE_CUES).get(i, ()) if (name := group_name(m))}


def detect_types(text: str) -> list[str]:
    """Collected-data codes mentioned as collected in one passage of text."""
    found = {code for _, code, _ in _mentions(text, [])}
    return [code for code in ORDER if code in found]


def extract_collected(text: str, passages: list[Passage]) -> list[dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    seen_evidence: dict[str, set[int]] = {}
    cues_at: dict[int, set[str]] = {}
    example_keys: dict[str, set[str]] = {}  # the keys of each item's examples
    result = scan(text)
    for s, code, match in _mentions(text, passages):
        item = items.setdefault(code, {"type": code, "examples": [], "sources": set(), "evidence": []})
        example = _SPACE.sub(" ", match.group(0).lower())
        # "cookies" and "cookie", "e-mail address" and "email addresses" are one example to a reader.
        keys = example_keys.setdefault(code, set())
        if len(item["examples"]) < MAX_EXAMPLES and (key := _example_key(example)) not in keys:
            item["examples"].append(example)
            keys.add(key)
        if s.start not in cues_at:
            cues_at[s.start] = _cues(text, result.index_at(s.start))
            if s.intro >= 0:
                cues_at[s.start] |= _cues(text, s.intro)
        item["sources"] |= cues_at[s.start]
        if s.start not in seen_evidence.setdefault(code, set()) and len(item["evidence"]) < MAX_EVIDENCE:
            seen_evidence[code].add(s.start)
            item["evidence"].append(_evidence(text, s))
    out = []
    for code in ORDER:
        if code not in items:
            continue
        item = items[code]
        sources = item["sources"] or {DEFAULT_SOURCE.get(code, "you")}
        item["sources"] = [src for src in ("you", "automatic", "third_parties") if src in sources]
        out.append(item)
    return out


_NOT_WORD = re.compile(r"[\W_]+")


def _singular(word: str) -> str:
    word = word.removesuffix("(s)").removesuffix("(es)")
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _example_key(example: str) -> str:
    return _NOT_WORD.sub("", "".join(_singular(w) for w in example.split()))


def _evidence(text: str, s: Sentence) -> Evidence:
    return evidence(text, s.start, s.end)
