"""`prefix_scan.finditer` must give exactly the matches of `pattern.finditer`, for any pattern and text."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summaries.parser import negation, selling, sentences, shared, vocab_data
from summaries.parser.prefix_scan import _encoded, _form_of, finditer, finditer_at, finditer_in, occurrences, search
from summaries.parser.re2_forms import FOLDS_TO_ASCII

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


def test_most_module_patterns_are_scanned_with_re2():
    # Agreement would prove little if every pattern fell back to the plain search.
    scanned = [pattern for pattern in MODULE_PATTERNS if _form_of(pattern, ascii=False) is not None]
    assert len(scanned) > len(MODULE_PATTERNS) * 3 // 4


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


def test_folds_to_ascii_lists_every_character_that_matches_an_ascii_letter():
    folding = {char for char in re.findall(r"(?i)[a-z]", ALL_CHARACTERS) if not char.isascii()}
    assert folding == set(FOLDS_TO_ASCII)


def test_case_insensitive_patterns_in_a_text_with_a_folding_letter():
    pattern = re.compile(r"\bkids?\b|\binformation", re.IGNORECASE)
    text = "KIDS and the \u212aids, İnformatıon and information ’"
    assert spans(finditer(pattern, text)) == spans(pattern.finditer(text))


def test_matches_after_multi_byte_characters_keep_character_offsets():
    pattern = re.compile(r"\bdata\b")
    text = "“données” — data, ’data’ and €data"
    assert spans(finditer(pattern, text)) == spans(pattern.finditer(text))
    assert len(list(finditer(pattern, text))) == 3


def test_texts_utf8_cannot_hold_are_searched_plainly():
    pattern = re.compile(r"\bdata")
    text = "data \ud800 data"
    assert spans(finditer(pattern, text)) == spans(pattern.finditer(text))


def test_patterns_that_match_empty_give_finditer_s_matches():
    for pattern in (re.compile(r"\b"), re.compile(r"a*"), re.compile(r"x|(?=b)")):
        for text in ("ab b", "", "aab", "é b"):
            assert spans(finditer(pattern, text)) == spans(pattern.finditer(text))


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


def _window_result(pattern, text, pos, endpos):
    found = pattern.search(text, pos, endpos)
    return None if found is None else (found.span(), found.groups())


@pytest.mark.parametrize("text", TEXTS)
def test_search_in_a_window_gives_re_s_answer(text):
    # Windows of the remembered policy text (RE2 reads the bytes up to endpos, from pos with what lies before it)
    # and texts of their own (encoded when ASCII).
    for remembered in (True, False):
        for pattern in MODULE_PATTERNS:
            for pos in range(0, len(text) + 2, 7):
                for endpos in range(pos - 1, len(text) + 2, 9):
                    if remembered:
                        _encoded(text)
                    got = search(pattern, text, pos, endpos)
                    expected = _window_result(pattern, text, pos, endpos)
                    assert (None if got is None else (got.span(), got.groups())) == expected, (pattern, pos, endpos)
                    ends = [m.span() for m in finditer_in(pattern, text, pos, endpos)]
                    assert ends == [m.span() for m in pattern.finditer(text, pos, endpos)]


@settings(max_examples=400, deadline=None)
@given(
    _regex,
    st.sampled_from([0, re.IGNORECASE]),
    st.text(alphabet="abABkKsSiI ’İıſK\u212a", max_size=16),
    st.integers(0, 17),
    st.integers(0, 17),
    st.booleans(),
)
def test_any_pattern_searched_in_a_window_gives_re_s_answer(pattern, flags, text, pos, endpos, remembered):
    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        assume(False)
        return
    if remembered:
        _encoded(text)
    got = search(compiled, text, pos, endpos)
    assert (None if got is None else (got.span(), got.groups())) == _window_result(compiled, text, pos, endpos)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. !?\n\"')]”’“A1•(", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_boundary_matches_are_boundary_finditer(text, start, length):
    end = min(len(text), start + length)
    expected = [m.span() for m in sentences.BOUNDARY.finditer(text, start, end)]
    assert [m.span() for m in sentences.boundary_matches(text, start, end)] == expected
