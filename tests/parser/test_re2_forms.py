"""An RE2 form must match every text its Python pattern matches (it may match more, never less)."""

from __future__ import annotations

import re

import pytest
import re2
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summaries.parser.re2_forms import FOLDS_TO_ASCII, ascii_like, re2_form

ASCII_TEXT = "ab AB_1-'.\n\v\x1c\t{},’—€"  # and characters beyond ASCII that are no letter, digit or space
WIDE_TEXT = ASCII_TEXT + "é’\xa0ſKı٣Ⅻ\u2028"
_atoms = st.one_of(
    st.sampled_from(["a", "b", "A", " ", "-", "ab", "1", "'", "é", "’", r"\{", "{", "}", ",", "s", "k", "i", "_"]),
    st.sampled_from([r"\w", r"\W", r"\s", r"\S", r"\d", r"\D", r"\b", r"\B", ".", "^", "$", r"\A", r"\Z", r"\v"]),
    st.sampled_from([r"[ab]", r"[^a]", r"[a-c]", r"[- ]", r"[\s,]", r"[^\s]", r"[\w-]", r"[^\w']", r"[\d.]", r"[]a]"]),
    st.sampled_from([r"[\W]", r"[^\d]", r"[\S]", r"[Z-a]", r"[^-a]", r"[\b]", r"\x41", r"\u00e9", r"[\x00-\x1f]"]),
    st.sampled_from([r"(?=a)", r"(?!b)", r"(?<=a)", r"(?<!b )", r"(?i:a)", r"(?i:é)", r"(?-i:a)", r"(?#note)"]),
)


def _combine(children):
    sequence = st.lists(children, min_size=1, max_size=4).map("".join)
    group = sequence.map(lambda s: f"(?:{s})")
    capture = sequence.map(lambda s: f"({s})")
    named = sequence.map(lambda s: f"(?P<n>{s})")
    atomic = sequence.map(lambda s: f"(?>{s})")
    branch = st.lists(sequence, min_size=2, max_size=3).map(lambda parts: f"(?:{'|'.join(parts)})")
    repeats = ["?", "*", "+", "{2}", "{1,3}", "{,2}", "{2,}", "??", "+?", "*+", "{1,2}+", "{,}"]
    repeat = st.tuples(st.one_of(group, capture), st.sampled_from(repeats)).map("".join)
    return st.one_of(sequence, group, named, atomic, branch, repeat)


PATTERNS = st.recursive(_atoms, _combine, max_leaves=10).flatmap(
    lambda p: st.sampled_from([p, f"(?i){p}", rf"\b{p}", f"({p})\\1", f"{p}|(?P<x>b)(?P=x)", f"(?s){p}", f"(?m){p}"])
)


def _compiled(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error:
        assume(False)
        raise


@settings(max_examples=1500, deadline=None)
@given(PATTERNS, st.lists(st.text(alphabet=ASCII_TEXT, max_size=12), max_size=6))
def test_the_ascii_form_matches_wherever_the_pattern_does_in_ascii_like_text(pattern, texts):
    compiled = _compiled(pattern)
    form = re2_form(pattern, ascii=True)
    for text in texts:
        if form is not None and compiled.search(text):
            assert re2.search(form.pattern, text), (form, text)


@settings(max_examples=1500, deadline=None)
@given(PATTERNS, st.lists(st.text(alphabet=ASCII_TEXT, max_size=12), max_size=6))
def test_an_exact_form_matches_exactly_where_the_pattern_does_in_ascii_like_text(pattern, texts):
    compiled = _compiled(pattern)
    form = re2_form(pattern, ascii=True)
    assume(form is not None and form.exact)
    for text in texts:
        assert bool(re2.search(form.pattern, text)) == bool(compiled.search(text)), (form, text)


@settings(max_examples=1500, deadline=None)
@given(PATTERNS, st.lists(st.text(alphabet=WIDE_TEXT, max_size=12), max_size=6))
def test_the_wide_form_matches_wherever_the_pattern_does_in_any_text(pattern, texts):
    compiled = _compiled(pattern)
    form = re2_form(pattern, ascii=False)
    for text in texts:
        if form is not None and form.caseless and any(char in text for char in FOLDS_TO_ASCII):
            continue
        if form is not None and compiled.search(text):
            assert re2.search(form.pattern, text), (form, text)


@pytest.mark.parametrize(
    ("pattern", "ascii", "form", "exact"),
    [
        (r"\bwe (?:may )?collect\b", True, r"\bwe (?:may )?collect\b", True),
        (r"\bwe (?:may )?collect\b", False, r"(?:)we (?:may )?collect(?:)", False),
        (r"\w+@\w", True, r"\w+@\w", True),
        (r"\w+@\w", False, r"[\w\x{80}-\x{10FFFF}]+@[\w\x{80}-\x{10FFFF}]", False),
        (r"(?<!corporate )\bparents?\b(?! company)", True, r"(?:)\bparents?\b(?:)", False),
        (r"a\s+b\S[^\s]", True, r"a[\s\v\x1c-\x1f]+b[^\s\v\x1c-\x1f][^\s\v\x1c-\x1f]", True),
        (r"a{,3}b{2,}", True, r"a{0,3}b{2,}", True),
        (r"a*+b", True, r"a*b", False),
        (r"end$", True, r"end(?:)", False),
        (r"(?P<name>x)", True, r"(?:x)", True),
        (r"(a|b)c", True, r"(?:a|b)c", True),  # no captures: RE2 finds a match's span alone on its fast path
        (r"(?i)opt out", True, r"(?i)opt out", True),
        (r"(?i)it[’']s", True, r"(?i)it[’']s", True),  # a curly quote has no case: both engines read it as itself
    ],
)
def test_forms(pattern, ascii, form, exact):
    assert re2_form(pattern, ascii=ascii) == (form, exact, False)


@pytest.mark.parametrize(
    ("text", "like"),
    [("plain", True), ("“curly” — quotes’ €5", True), ("café", False), ("a\xa0b", False), ("٣", False)],
)
def test_ascii_like_texts(text, like):
    assert ascii_like(text) is like


def test_a_caseless_form_for_any_text_says_so():
    # RE2 folds dotless i and dotted capital I differently: such a form holds only for texts without them.
    assert re2_form(r"(?i)opt in", ascii=False) == (r"(?i)opt in", False, True)


@pytest.mark.parametrize(
    ("pattern", "ascii"),
    [
        (r"(a)\1", True),  # a backreference
        (r"(?P<a>x)(?P=a)", True),
        (r"(?i)ı", True),
        (r"(?i)[‘-’]", True),  # a range beyond ASCII may hold letters
        (r"(?x)a b", True),  # verbose
        (r"(?a)\w", True),  # ASCII classes
        pytest.param(r"[[:alpha:]]", True, marks=pytest.mark.filterwarnings("ignore::FutureWarning")),  # POSIX to RE2
        (r"[^\W]", True),  # RE2's \W is wider than Python's: inside a negation it would narrow the class
        (r"a{2000}", True),  # beyond RE2's repeat limit
        (r"(?(1)a|b)", True),
        (r"(unclosed", True),
    ],
)
def test_patterns_without_a_safe_form(pattern, ascii):
    assert re2_form(pattern, ascii=ascii) is None


@pytest.mark.parametrize("pattern", ["a{}", "x{}y", "a{,}", "a{2}", "a{x}"])
def test_braces_that_python_reads_as_characters_stay_characters(pattern):
    # Python's re reads "{}" (and "{x}") as the characters themselves; "{,}" is a repeat.
    form = re2_form(pattern, ascii=True)
    for text in ["", "a", "aa", "a{}", "xy", "x{}y", "a{x}"]:
        assert bool(re2.search(form.pattern, text)) == bool(re.search(pattern, text)), (pattern, text)
