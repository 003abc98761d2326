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
from summaries.parser.wordmatch import _GAP_AND_WORD, WordMatcher, _word_spans, first_words

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
