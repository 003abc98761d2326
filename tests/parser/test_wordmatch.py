"""The phrase matcher's first words: read by a plain parse of the pattern syntax, they must hold for every
text a vocabulary phrase matches, or the matcher would never try the phrase there."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summaries.parser import choices, mentions, vocab_data, vocab_sharing
from summaries.parser.lowercase import lowered
from summaries.parser.pattern_tree import Unsupported, parse
from summaries.parser.re2_forms import FOLDS_TO_ASCII
from summaries.parser.wordmatch import _GAP_AND_WORD, WordMatcher, _prefix_test, _word_spans, first_words, prefixes

MODULES = [choices, mentions, vocab_data, vocab_sharing]  # where the phrase matchers are built
MATCHERS = list({id(v): v for module in MODULES for v in vars(module).values() if isinstance(v, WordMatcher)}.values())
PHRASES = sorted({phrase for matcher in MATCHERS for phrase in matcher.phrases})
LEADING_WORD = re.compile(r"[a-z0-9]+")


def test_every_vocabulary_phrase_has_known_first_words():
    assert len(MATCHERS) == 12 and len(PHRASES) > 250
    assert [phrase for phrase in PHRASES if first_words(phrase) is None] == []


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_a_text_a_phrase_matches_begins_with_one_of_its_first_words(data):
    phrase = data.draw(st.sampled_from(PHRASES))
    text = data.draw(st.from_regex(re.compile(phrase, re.IGNORECASE), fullmatch=True))
    words = first_words(phrase)
    assert words is not None
    leading = LEADING_WORD.match(lowered(text))
    assert leading is not None and leading.group(0) in words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"your (?:e-?mail|postal) address", {"your"}),
        (r"(?:e-?mail|phone)s?\b", {"e", "email", "emails", "phone", "phones"}),
        (r"(?<![\w@-])(?:ip|i\.p\.) address(?=\W)", {"ip", "i"}),
        (r"[Cc]ookie[sd]?", {"cookie", "cookies", "cookied"}),
        (r"opt[- ]?out", {"opt", "optout"}),
        (r"ab(?#note)?c", {"abc", "ac"}),  # a repeat after a comment repeats the item before it, as in `re`
        (r"\x41b|\u0062", {"ab", "b"}),
        (r"(?i:Data) [\w-]+", {"data"}),  # the class comes after the first word has ended
        (r"[a-c]x", {"ax", "bx", "cx"}),
    ],
)
def test_first_words_of_a_pattern(pattern, words):
    assert first_words(pattern) == words


@pytest.mark.parametrize(
    "pattern",
    # "é" is no word character of the index, so a phrase that can begin with it cannot be keyed on a word
    [r"\w+ data", r"[^x]y", r".at", r"(?>ab)c", r"a++b", r"da*ta", r"(a)\1", r"(?=x)?", r"ab|\u00e9t"],
)
def test_first_words_are_unknown_where_the_first_word_is_unbounded_or_unread(pattern):
    assert first_words(pattern) is None


@pytest.mark.parametrize("pattern", [r"(?(1)a|b)", r"a\N{BULLET}", r"[[:alpha:]]"])
def test_the_parse_refuses_what_it_does_not_read(pattern):
    with pytest.raises(Unsupported):
        parse(pattern)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab09 -.@’éAZİ\u212a\ud800\n", max_size=40))
def test_word_spans_are_the_regex_s_words(text):
    low = lowered(text)
    expected, position = [], 0
    for gap, word in _GAP_AND_WORD.findall(low):
        position += len(gap)
        expected.append((position, position + len(word)))
        position += len(word)
    assert list(_word_spans(low)) == expected


# The prefix test in front of each first word's pattern: it must hold for every text a phrase matches, or the
# matcher would skip a match `re` finds.


def test_most_first_words_have_a_prefix_test():
    tests = [test for matcher in MATCHERS for _pattern, test in matcher.patterns.values()]
    assert sum(test is not None for test in tests) > 0.3 * len(tests)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_a_text_a_phrase_matches_begins_with_one_of_its_prefixes(data):
    phrase = data.draw(st.sampled_from(PHRASES))
    text = data.draw(st.from_regex(re.compile(phrase, re.IGNORECASE), fullmatch=True))
    found = prefixes(phrase)
    if found is None or any(char in text for char in FOLDS_TO_ASCII):
        return  # no test, or one the matcher does not apply to this text
    assert lowered(text).startswith(found)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            r"your (?:e-?mail|name)s?",
            ("your e-mail", "your e-mails", "your email", "your emails", "your name", "your names"),
        ),
        (
            r"(?:you|users?) (?:are|may be) asked",
            (
                "user are asked",
                "user may be asked",
                "users are asked",
                "users may be asked",
                "you are asked",
                "you may be asked",
            ),
        ),
        (r"ab{1,3}c", ("ab",)),  # more than one optional copy: nothing more is known
        (r"to\s+us", ("to",)),  # "\s" is any space: the prefix stops before it
        (r"to[\s-]us", ("to",)),  # ... in a class too
        (r"to\Wus", ("to",)),
        (r"to(?=\W)\b us", ("to us",)),  # zero-width tests read nothing
        (r"ab{2,}c", ("abb",)),  # the required copies, then nothing more is known
        (r"don[’']t share", ("don",)),  # the curly quote folds as itself, but only listed ASCII goes in a prefix
        (r"(?>ab)c", None),
        (r".x", None),
    ],
)
def test_prefixes_of_a_pattern(pattern, expected):
    assert prefixes(pattern) == expected


@pytest.mark.parametrize(
    ("word", "phrase", "test"),
    [
        ("you", r"(?:you|users?) (?:are|may be) asked", ("you are asked", "you may be asked")),
        ("user", r"(?:you|users?) (?:are|may be) asked", ("user are asked", "user may be asked")),  # not "users"
        ("email", r"e-?mail", None),  # "e" begins "email": every position passes
        ("to", r"to\s+us", None),  # the word itself: no test
    ],
)
def test_a_first_word_s_test_keeps_the_prefixes_that_can_begin_that_word(word, phrase, test):
    assert _prefix_test(word, [(1, "name", phrase)]) == test


_PIECES = sorted({word for phrase in PHRASES for word in re.findall(r"[a-z]+", phrase.lower()) if len(word) > 1})


_GAPS = [" ", " ", " ", "  ", "\n", "\t", "\xa0", ", ", ". ", "-", "’", "'", "/", "", "ſ", "\u212a", "İ", "é", "@"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.sampled_from(_PIECES).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
                # a phrase's own match, which the test must let through (and its near misses, cut or joined on)
                st.sampled_from(PHRASES).flatmap(lambda p: st.from_regex(re.compile(p, re.IGNORECASE), fullmatch=True)),
            ),
            st.sampled_from(_GAPS),
        ),
        max_size=12,
    )
)
def test_the_prefix_tests_change_no_match(pieces):
    text = "".join(word + gap for word, gap in pieces)
    for matcher in MATCHERS:
        with_tests = [(m.start(), m.end(), m.lastgroup) for m in matcher.finditer(text)]
        untested = WordMatcher.__new__(WordMatcher)
        untested.__dict__.update(matcher.__dict__)
        untested.patterns = {word: (pattern, None) for word, (pattern, _test) in matcher.patterns.items()}
        untested.per_group = {word: [(p, None) for p, _ in entries] for word, entries in matcher.per_group.items()}
        assert with_tests == [(m.start(), m.end(), m.lastgroup) for m in untested.finditer(text)]
