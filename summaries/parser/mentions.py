"""What a policy's text talks about at all, read more loosely than its card.

The card takes a data type, a recipient or a choice only where the company itself affirms it in a
sentence the parser can read whole. A change summary needs the other direction: before saying
"now collects X" it must know that the old text had no sentence that would support X, however the
card read it ("we and our partners use cookies to collect ...", a row of a table, a sentence whose
actor the card could not tell). Here a mention is a word of the section's vocabulary, outside a
negated clause and outside headings, in a sentence that has a verb of the section (collecting,
passing on, or asking for / exercising a right), or in a list item whose lead-in has one.
"""

from __future__ import annotations

from summaries.parser.choices import _NEEDS_REQUEST, _REQUESTS, CHOICE_WORDS, _negated
from summaries.parser.negation import CHILDREN, inside, spans_for
from summaries.parser.scan import Scan, scan
from summaries.parser.vocab_data import (
    COLLECT,
    DATA_TYPES,
    NEGATED_COLLECT,
    STRONG_COLLECT,
    USES_TRACKERS,
    WEAK_WORDS,
)
from summaries.parser.vocab_sharing import NEGATED_SHARE, RECIPIENT_WORDS, SHARE, THIRD_PARTY_ACTS
from summaries.parser.wordmatch import WordMatcher, group_name


def _has_verb(result: Scan, i: int, verbs: tuple[WordMatcher, ...]) -> bool:
    """Sentence i, or the lead-in of the list it is an item of, has one of `verbs`."""
    s = result.items[i]
    places = (i, s.intro) if s.is_item and s.intro >= 0 else (i,)
    return any(j in result.bucket(verb) for verb in verbs for j in places)


def _words(
    result: Scan,
    words: WordMatcher,
    negation: WordMatcher,
    verbs: tuple[WordMatcher, ...],
    skip: frozenset[int],
    strong: WordMatcher | None = None,
) -> set[str]:
    """Codes of `words` in sentences with one of `verbs`; a word common in other senses (`WEAK_WORDS`: "comments",
    "address") needs a `strong` verb, as on the card."""
    found: set[str] = set()
    for i, matches in result.bucket(words).items():
        s = result.items[i]
        if s.is_heading or i in skip or not _has_verb(result, i, verbs):
            continue
        cues = result.bucket(negation).get(i, [])
        negated = spans_for(result.text, cues, s.end) if cues else []
        for match in matches:
            code = group_name(match)
            if not code or code == "ignore" or inside(match.start(), negated):
                continue
            if strong is not None and WEAK_WORDS.match(match.group(0)) and not _has_verb(result, i, (strong,)):
                continue
            found.add(code)
    return found


def sentences_with(text: str, section: str, code: str) -> list[str]:
    """The sentences of `text` with a word of `code` in `section`'s vocabulary, whatever they say of it."""
    result = scan(text)
    words = _VOCABULARY[section]
    return [
        result.items[i].text
        for i, matches in result.bucket(words).items()
        if any(_code_of(match) == code for match in matches)
    ]


def _code_of(match) -> str | None:
    code = group_name(match)
    return "advertisers" if code == "ads_purpose" else code


def collected_mentions(text: str) -> set[str]:
    """Data types the text says anyone collects or uses; sentences about children aside, as on the card."""
    result = scan(text)
    children = frozenset(result.bucket(CHILDREN))
    verbs = (COLLECT, STRONG_COLLECT, USES_TRACKERS)
    return _words(result, DATA_TYPES, NEGATED_COLLECT, verbs, children, strong=STRONG_COLLECT)


def recipient_mentions(text: str) -> set[str]:
    """Recipients the text says anyone passes data to or works with."""
    found = _words(scan(text), RECIPIENT_WORDS, NEGATED_SHARE, (SHARE, THIRD_PARTY_ACTS), frozenset())
    if "ads_purpose" in found:
        found.discard("ads_purpose")
        found.add("advertisers")
    return found


def choice_mentions(text: str) -> set[str]:
    """Choices the text talks about offering: a choice's words, not negated, where a right or a request is."""
    result = scan(text)
    found: set[str] = set()
    for i, matches in result.bucket(CHOICE_WORDS).items():
        s = result.items[i]
        if s.is_heading:
            continue
        lead = result.items[s.intro].text if s.is_item and s.intro >= 0 else ""
        for match in matches:
            code = group_name(match)
            if not code or code in found or _negated(text, s, match.start()):
                continue
            if code in _NEEDS_REQUEST and not _REQUESTS.search(f"{lead} {s.text}"):
                continue
            found.add(code)
    return found


_VOCABULARY = {"collected": DATA_TYPES, "shared": RECIPIENT_WORDS, "choices": CHOICE_WORDS}
