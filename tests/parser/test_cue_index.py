"""The indexed cue matcher must answer exactly as `re.search` does, for the vocabulary and for any pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summaries.parser.cue_index import CueIndex, split_alternatives
from summaries.parser.literals import required_literals
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

ALPHABET = "ab c-A'"
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


@settings(max_examples=300, deadline=None)
@given(_patterns, st.text(alphabet=ALPHABET, max_size=14))
def test_every_match_holds_a_member_of_every_required_set(pattern, text):
    try:
        compiled = re.compile(pattern)
    except re.error:
        assume(False)
        return
    conditions = required_literals(pattern)
    for match in compiled.finditer(text):
        for condition in conditions:
            assert any(member in match.group(0) for member in condition), (condition, match.group(0))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:retain|retention)\b", ({"retain", "retention"},)),
        (r"\bwe (?:may )?(?:collect|gather)", ({"we collect", "we gather", "we may collect", "we may gather"},)),
        (
            r"\b(?:receive|get)s? (?:\w+ ){0,5}from (?:other |trusted )?sources",
            (
                {"receive ", "receives ", "get ", "gets "},
                {"from sources", "from other sources", "from trusted sources"},
            ),
        ),
        (r"(?:ab){2,5}cd", ({"ab"}, {"cd"})),
        (r"(?<!corporate )\bparents?\b", ({"parent"},)),
        (r"analy[sz]e", ({"analyse", "analyze"},)),
        (r"(a)b\1", ({"ab"},)),
        (r"\w@[\w-]+\.[a-z]{2,}", ({"@"},)),  # one character, but one that prose seldom holds
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(pattern)[: len(expected)] == tuple(frozenset(e) for e in expected)


@pytest.mark.parametrize("pattern", [r"(?i)retain", r"\w\.[\w-]+\.[a-z]{2,}", r"(?i:ab)c?", r"[^a]+", r"x?y?"])
def test_patterns_without_known_literals_require_nothing(pattern):
    assert required_literals(pattern) == ()


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


def test_a_text_without_the_literals_runs_no_regex(monkeypatch):
    index = CueIndex([r"\bretain(?:s|ed)?\b", r"\bdelete"])
    searched = []
    index._units = [(i, lambda text, s=search: searched.append(text) or s(text), c) for i, search, c in index._units]
    assert index.matching("we keep nothing") == []
    assert searched == []
    assert index.matching("we retained it") == [0]
    assert searched == ["we retained it"]


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


def test_split_alternatives_respects_groups_and_classes():
    assert split_alternatives(r"a|b(c|d)|[|]x|\|y") == ["a", "b(c|d)", "[|]x", r"\|y"]
