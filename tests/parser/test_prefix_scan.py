"""`prefix_scan.finditer` must give exactly the matches of `pattern.finditer`, for any pattern and text."""

from __future__ import annotations

import _sre
import re
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summaries.parser import negation, selling, sentences, shared, vocab_data
from summaries.parser.literals import required_prefixes
from summaries.parser.prefix_scan import FOLDS_TO_ASCII, _caseless, _prefixes_of, finditer, finditer_at, occurrences

MODULE_PATTERNS = [
    value
    for module in (negation, selling, shared, vocab_data)
    for value in vars(module).values()
    if isinstance(value, re.Pattern)
]
TEXTS = [
    "Children under 13 may not register. We use SSL encryption; phishing e-mails are a SCAM.",
    "We do not SELL, rent or trade your data. Aggregated, de-identified data may be shared.",
    '“Personal data” means any information. The term "cookie" MEANS a small file.',
    "Kids and minors: parental consent is required for the age of 13 or ages of 16.",
    "A ſcam, the ſſl and the İnformatıon: KIDS with folded letters.",
    "",
]
ALL_CHARACTERS = "".join(map(chr, range(sys.maxunicode + 1)))


def spans(matches):
    return [(m.span(), m.group(0), m.lastgroup) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_module_patterns_give_the_same_matches(text):
    for pattern in MODULE_PATTERNS:
        assert spans(finditer(pattern, text)) == spans(pattern.finditer(text)), pattern.pattern


def test_most_module_patterns_are_scanned_by_prefix():
    # Agreement would prove little if every pattern fell back to the plain search.
    indexed = [pattern for pattern in MODULE_PATTERNS if _prefixes_of(pattern) is not None]
    assert len(indexed) > len(MODULE_PATTERNS) // 2


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*" ".join(TEXTS).split(), "\n", "İ", "K", "“", "@"]), max_size=40))
def test_module_patterns_agree_on_mixtures(words):
    text = " ".join(words)
    for pattern in MODULE_PATTERNS:
        assert spans(finditer(pattern, text)) == spans(pattern.finditer(text)), pattern.pattern


_pieces = st.sampled_from(
    ["a", "b", "A", "ab", "Ab", " ", "k", "s", "i", "’", r"\b", r"\w", r"\s", "[ab]", "[^b]", "(?=a)", "(?<!b)"]
)
_regex = st.recursive(
    _pieces,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: f"(?:{'|'.join(parts)})"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "+?"])).map(lambda t: f"(?:{t[0]}){t[1]}"),
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(_regex, st.sampled_from([0, re.IGNORECASE]), st.text(alphabet="abABkKsSiI ’İıſK\u212a", max_size=16))
def test_any_pattern_gives_the_same_matches(pattern, flags, text):
    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        assume(False)
        return
    assert spans(finditer(compiled, text)) == spans(compiled.finditer(text))


def test_prefixes_of_sequences_and_groups():
    assert required_prefixes(r"\bwe (?:may )?(?:collect|gather)") == {
        "we collect",
        "we gather",
        "we may collect",
        "we may gather",
    }
    assert required_prefixes(r"(?:ab)+c|x\w") == {"ab", "x"}
    assert required_prefixes(r"a?b") == {"ab", "b"}
    assert required_prefixes(r"\w+@") is None
    assert required_prefixes(r"x|\w") is None  # one alternative may start anywhere


def test_case_insensitive_prefixes_are_lower_cased_and_minimal():
    assert _prefixes_of(re.compile(r"\b(?:COPPA|child(?:ren)?)\b", re.IGNORECASE)) == ("child", "coppa")
    assert _prefixes_of(re.compile(r"\bÉcole", re.IGNORECASE)) is None  # a cased non-ASCII letter


def test_folds_to_ascii_lists_every_character_that_matches_an_ascii_letter():
    folding = {char for char in re.findall(r"(?i)[a-z]", ALL_CHARACTERS) if not char.isascii()}
    assert folding == set(FOLDS_TO_ASCII)


def test_characters_without_case_are_matched_only_by_themselves():
    # re.IGNORECASE compares simple lower cases (plus a few extra pairs): no character lower-cases to a
    # character that has no case, so such a character is matched by itself only.
    for char in ALL_CHARACTERS:
        lower = chr(_sre.unicode_tolower(ord(char)))
        if lower != char:
            assert not _caseless(lower) or lower.isascii(), hex(ord(char))
    extra = {chr(code) for key, codes in re._casefix._EXTRA_CASES.items() for code in (key, *codes)}
    assert not any(_caseless(char) and not char.isascii() for char in extra)
    assert _caseless("’") and _caseless("”") and not _caseless("é")


def _sentences_by_finditer(text, start=0, end=None):
    """sentences.sentences without its shortcut of trying boundaries only at . ! ? and at line breaks."""
    end = len(text) if end is None else end
    cursor = start
    for match in sentences.BOUNDARY.finditer(text, start, end):
        if not sentences.ends_sentence(text, match):
            continue
        span = sentences._trim(text, cursor, sentences.stop_of(match))
        if span:
            yield span
        cursor = match.end()
    span = sentences._trim(text, cursor, end)
    if span:
        yield span


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. !?\n\"')]”’“A1•(", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_sentences_match_a_plain_finditer(text, start, length):
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert list(sentences.sentences(text, start, end)) == list(_sentences_by_finditer(text, start, end))
    assert list(sentences.sentences(text)) == list(_sentences_by_finditer(text))


def test_finditer_at_respects_pos_and_endpos():
    pattern = re.compile(r"ab+(?=c)")
    text = "abbc abc abbbc"
    starts = occurrences(text, ["a"])
    for pos, endpos in [(0, len(text)), (1, 9), (5, 8), (5, 7), (0, 0)]:
        expected = [m.span() for m in pattern.finditer(text, pos, endpos)]
        assert [m.span() for m in finditer_at(pattern, text, starts, pos, endpos)] == expected
