"""The indexed cue matcher must answer exactly as `re.search` does, for the vocabulary and for any pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summaries.parser.cue_index import CueIndex
from summaries.parser.practices import _META
from summaries.parser.vocab_practices import VOCAB

VOCABULARY = [pattern for body, head in VOCAB.values() for pattern, _weight in body + head] + [_META.pattern]
VOCABULARY_INDEX = CueIndex(VOCABULARY)
COMPILED = [re.compile(pattern) for pattern in VOCABULARY]

SENTENCES = [
    "we may collect your name and e-mail address when you register.",
    "owe will notify you; we will notify you by e-mail of material changes to this policy.",
    "third-party ad networks may place cookies on your browser to collect information.",
    "you can opt out of having your information shared with our marketing partners.",
    "we retain log files for 90 days and then delete them automatically.",
    "children under 13 may not register; parents may review their child's information.",
    "our web site does not respond to do not track signals.",
    "questions? write to privacy@example.com or call 555-123-4567 (suite 200).",
    "we'llcollect, we maycollect and we n'tshare: run-together words still match.",
    "this policy explains what we collect and how we use it. cookies are small text files.",
    "we share information with service providers who process payments on our behalf, and with law enforcement.",
    "if we merge with or are acquired by another company, your data may be transferred to the buyer.",
    "you can set your browser to refuse cookies; some features may not work. you can unsubscribe at any time.",
    "you may access, correct or delete your personal information, and request a copy of your data.",
    "we use ssl encryption and physical, technical and administrative safeguards to protect your data.",
    "we keep records for seven years, as long as necessary, and delete them after 30 days of inactivity.",
    "we may change this privacy policy from time to time; please check this page periodically.",
    "residents of california have the right to know; visitors from the european union and canada too.",
    "by using the site you agree to the terms of use. we are not responsible for the privacy practices of others.",
    "information we collect: what types of personal data we gather and how we use it.",
    "advertisers and analytics companies may collect information about your visits using web beacons.",
    "",
]
WORDS = [*" ".join(SENTENCES).split(), "we", "share", "data", "the", "--", "1798.83", "we'll", "u.s.", "ccpa"]


def plain(text: str) -> list[int]:
    return [index for index, pattern in enumerate(COMPILED) if pattern.search(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_vocabulary_index_agrees_with_plain_search_on_sentences(text):
    assert VOCABULARY_INDEX.matching(text) == plain(text)


def test_the_sentences_exercise_many_cues():
    # Agreement on texts that match nothing would prove little.
    matched = {index for text in SENTENCES for index in plain(text)}
    assert len(matched) > len(VOCABULARY) // 3


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "", "\n", ", "]))
def test_vocabulary_index_agrees_with_plain_search_on_mixtures(words, joiner):
    text = joiner.join(words)
    assert VOCABULARY_INDEX.matching(text) == plain(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdeilmnoprstuvwy '-.,1@", max_size=80))
def test_vocabulary_index_agrees_with_plain_search_on_character_soup(text):
    assert VOCABULARY_INDEX.matching(text) == plain(text)


# --- any pattern, not only today's vocabulary --------------------------------------------------------------

ALPHABET = "ab c-A'é’\n\v"  # non-ASCII letters and the spaces RE2's \\s lacks, too
_atoms = st.one_of(
    st.sampled_from(["a", "b", "c", " ", "-", "ab", "ba", "abc", "c a", "'"]),
    st.sampled_from(
        [r"[ab]", r"[^a]", r"\w", r"\s", r"\W", r".", r"\b", r"\B", r"^", r"$", r"[a-c]", r"[- ]", r"(?=a)", "(?!b)"]
    ),
    st.sampled_from([r"(?<=a)", r"(?<!b )", r"(?i:a)", r"(?i:ab)"]),
)


def _combine(children):
    sequence = st.lists(children, min_size=1, max_size=4).map("".join)
    group = sequence.map(lambda s: f"(?:{s})")
    capture = sequence.map(lambda s: f"({s})")
    branch = st.lists(sequence, min_size=2, max_size=3).map(lambda parts: f"(?:{'|'.join(parts)})")
    repeat = st.tuples(st.one_of(group, capture), st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "??", "+?"])).map(
        "".join
    )
    return st.one_of(sequence, group, branch, repeat)


_patterns = st.one_of(
    st.recursive(_atoms, _combine, max_leaves=10),
    st.lists(st.recursive(_atoms, _combine, max_leaves=6), min_size=2, max_size=3).map("|".join),
).flatmap(lambda p: st.sampled_from([p, f"(?i){p}", rf"\b{p}", f"({p})\\1", f"(a)x|{p}|(b)\\1", rf"\b(?:{p})\b"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_patterns, min_size=1, max_size=4), st.lists(st.text(alphabet=ALPHABET, max_size=14), max_size=6))
def test_any_patterns_agree_with_plain_search(patterns, texts):
    try:
        compiled = [re.compile(pattern) for pattern in patterns]
    except re.error:
        assume(False)
        return
    index = CueIndex(patterns)
    for text in texts:
        assert index.matching(text) == [i for i, pattern in enumerate(compiled) if pattern.search(text)], text


def test_unindexable_patterns_are_searched_always():
    patterns = [r"(?i)RETAIN", r"\w@\w", r"(?i:Opt) out", r"\bretain"]
    index = CueIndex(patterns)
    assert index.matching("we Retain data") == [0]
    assert index.matching("write to a@b") == [1]
    assert index.matching("you may opt out") == [2]
    assert index.matching("we retain logs") == [0, 3]
    assert index.matching("") == []


def test_backreferences_keep_the_pattern_whole():
    # Cut at `|`, the second alternative would read \1 as its own group and match "bb".
    index = CueIndex([r"(a)x|(b)\1"])
    assert re.search(r"(a)x|(b)\1", "bb") is None
    assert index.matching("bb") == []
    assert index.matching("ax") == [0]


def test_global_flags_keep_the_pattern_whole():
    assert CueIndex([r"(?i)x|Y"]).matching("y") == [0]


def test_a_text_the_forms_do_not_match_runs_no_regex():
    index = CueIndex([r"\bretain(?:s|ed)?(?!x)", r"\bdelete(?!x)"])  # inexact forms: every match is checked
    searched = []
    index._searches = [lambda text, s=search: searched.append(text) or s(text) for search in index._searches]
    assert index.matching("we keep nothing") == []
    assert index.matching("we keep nothing’") == []
    assert searched == []
    assert index.matching("we retained it") == [0]
    assert searched == ["we retained it"]


def test_the_vocabulary_runs_few_regexes_per_passage():
    # Agreement would prove little if every cue were searched in every passage.
    searched = []
    index = CueIndex(VOCABULARY)
    index._searches = [lambda text, s=search: searched.append(s) or s(text) for search in index._searches]
    for text in SENTENCES:
        index.matching(text)
    assert len(searched) < 2 * sum(len(plain(text)) for text in SENTENCES)


def test_texts_re2_cannot_read_are_searched_with_every_pattern():
    index = CueIndex([r"\bretain", "x"])
    assert index.matching("we retain \ud800") == [0]


def test_nullable_patterns_end_on_empty_text():
    index = CueIndex([r"\b(?:abc)?", r"\bx?"])
    assert index.matching("") == []
    assert index.matching(" ") == []
    assert index.matching("z") == [0, 1]


def test_matches_are_reported_in_pattern_order_once_each():
    index = CueIndex([r"b|a", r"a", r"\ba\b|a"])
    assert index.matching("a b") == [0, 1, 2]
    assert index.matching("c") == []


def test_invalid_patterns_fail_as_with_re():
    with pytest.raises(re.error):
        CueIndex([r"(unclosed"])
