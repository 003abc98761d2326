"""Shortcuts in the parser's hot paths must answer exactly what the plain `re` computation they skip answers."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summaries.parser import collected, facts, phones, practices, scan, sentences, wordmatch
from summaries.parser.lowercase import lowered

# Words that begin phrases, characters that end words or mark addresses, and letters that change when lowered.
PIECES = ["you", "your", "email", "the", "in", "a", "ip", "name", "İ", "K", "Å", "é", "’", "'", "-", "@", ".", " "]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=40)


assert collected.DATA_TYPES is not None  # importing `collected` builds the phrase matchers, and so the word keys


def plain_word_index(text: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for match in re.finditer(r"[a-z0-9]+", lowered(text)):
        word, position = match.group(0), match.start()
        if word in wordmatch._KEYS and not (position and text[position - 1] in wordmatch._BEFORE_WORD):
            index.setdefault(word, []).append(position)
    return index


@settings(max_examples=400)
@given(TEXTS)
def test_word_index_is_the_plain_word_scan(text):
    index = wordmatch._word_index.__wrapped__(text, len(wordmatch._KEYS))
    expected = plain_word_index(text)
    assert index == expected
    assert list(index) == list(expected)  # the same order of first occurrence


def test_word_index_skips_addresses_and_finds_keys():
    text = "Your name: you@your.example, YOUR"
    index = wordmatch._word_index.__wrapped__(text, len(wordmatch._KEYS))
    assert index["your"] == [0, 29]  # not the one at 15, inside the address
    assert index["you"] == [11]


SENTENCE_PIECES = [
    "we keep",
    "records",
    "for seven years",
    "as long as",
    "necessary",
    "cookies",
    "are stored",
    "until you",
    "delete",
    "them",
    ".",
    "!",
    "?",
    ";",
    " ",
    "x",
]


@settings(max_examples=400, deadline=None)  # behaviour, not speed: a loaded machine stalled one example 0.5 s
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map(" ".join))
def test_retention_is_found_in_a_sentence_exactly_when_the_sentences_say_so(text):
    full = practices._normalise(text)
    found = practices._states_retention(full)
    hinted = any(h in full for h in practices._SPAN_HINTS) and any(h in full for h in practices._KEEP_HINTS)
    pattern = re.compile(practices._KEPT_FOR_PATTERN)
    assert found == (hinted and any("cookie" not in s and pattern.search(s) for s in practices._sentences(full)))


CONTENTS_PIECES = ["1. Intro", "II. Use", "X. Terms", "4.Sharing", "x 2. Y", "IV.", "A.", "3 .", " ", "\n"]


@given(st.lists(st.sampled_from(CONTENTS_PIECES)))
def test_contents_count_as_plain_findall(parts):
    text = " ".join(parts)
    plain = len(re.findall(r"(?:^|\s)(?:\d{1,2}|[IVX]{1,4})\.\s+[A-Z]", text)) >= 4
    assert (len(practices._NUMBER_DOT.findall(text)) >= 4 and len(practices._CONTENTS.findall(text)) >= 4) == plain


def plain_sentences(text: str) -> list[tuple[int, int]]:
    """`sentences.sentences` as plain `re` does it: every boundary, and the abbreviation searched in the whole text."""
    out, cursor = [], 0
    for match in sentences.BOUNDARY.finditer(text):
        gap = match.group(0)
        if "\n" not in gap and sentences.ABBREVIATION.search(text, 0, match.start() + 1):
            continue
        if span := sentences._trim(text, cursor, sentences.stop_of(match)):
            out.append(span)
        cursor = match.end()
    if span := sentences._trim(text, cursor, len(text)):
        out.append(span)
    return out


SENTENCE_TEXT_PIECES = ["e.g.", "Inc.", "U.S.", "approx.", "cf.", "mr.", "No.", "xNo.", "We", "data"]
SENTENCE_TEXT_PIECES += [".", "!", "?", '"', ")", "”"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*SENTENCE_TEXT_PIECES, " ", "  ", "\n", " A", " 7"]), max_size=30).map("".join))
def test_sentences_are_the_plain_boundaries(text):
    assert list(sentences.sentences(text)) == plain_sentences(text)


def plain_sentence_start(text: str, start: int) -> int | None:
    """The end of the last true boundary before `start`, by one scan of the whole reach back."""
    low = max(0, start - facts._REACH)
    ends = [m for m in sentences.BOUNDARY.finditer(text, low, min(len(text), start + 1)) if m.end() <= start]
    return next((m.end() for m in reversed(ends) if sentences.ends_sentence(text, m)), None)


AROUND_PIECES = ["We keep it", "e.g.", "Inc.", ".", "!", '."', ".)", "’", " ", "   ", "\n", " A", " 7", "x" * 150]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(AROUND_PIECES), max_size=30).map("".join), st.integers(0, 5000))
def test_a_sentence_start_found_close_by_is_the_one_the_whole_scan_finds(text, at):
    at = at % (len(text) + 1)
    low = max(0, at - facts._REACH)
    expected = plain_sentence_start(text, at)
    assert facts._sentence_start(text, at, low, low) == expected
    for since in range(low, at + 1):
        assert facts._sentence_start(text, at, since, low) in (None, expected)
    first = low if expected is None else expected
    while first < at and text[first].isspace():
        first += 1
    assert facts.sentence_around(text, at)[0] == min(first, at)


def test_a_boundary_is_not_read_from_its_middle():
    text = "x e.g.  We keep it"  # the spaces belong to the boundary after "e.g.", which is no sentence end
    assert plain_sentence_start(text, len(text)) is None
    assert facts._sentence_start(text, len(text), 7, 0) is None


def test_a_line_break_ends_a_sentence_even_after_an_abbreviation():
    text = "Zillow, Inc.\n1301 Second Avenue"
    assert list(sentences.sentences(text)) == [(0, 12), (13, len(text))]
    assert facts.sentence_around(text, 20) == (13, len(text))


NORMALISED_CHARACTERS = ["a", "Σ", "σ", "İ", "’", "“", " ", "\n", "\xa0", "\u2003", "x", "."]


@given(st.text(alphabet=st.sampled_from(NORMALISED_CHARACTERS), max_size=20) | st.text(max_size=20))
def test_a_normalised_passage_less_its_outer_space_is_the_stripped_passage_normalised(text):
    practices._normalise.cache_clear()
    assert practices._normalise(text).strip(" ") == practices._normalise(text.strip())


INLINE_PIECES = ["A", "AB", "Ab", "b", "1", "’", "-", ",", " ", "  ", "\t", ":", ": ", ".", "É", "é"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=14).map("".join))
def test_an_inline_heading_is_the_one_the_backtracking_pattern_finds(text):
    plain = re.match(r"((?:[A-Z][\w’'&/,-]*\s?){1,7}):\s", text)  # the pattern before its words were read whole
    found = scan._INLINE_HEADING.match(text)
    assert (found and (found.group(0), found.group(1))) == (plain and (plain.group(0), plain.group(1)))


HEADING_PIECES = ["A", "AB", "Ab", "b", "1", "’", "'", "&", "/", "-", ",", " ", "\n", ":", ": ", ".", "É", "İ", "K"]
HEADING_PIECES += ["A-", "A/", "A'", "A’", "A&", "AB ", "Ab "]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(HEADING_PIECES), max_size=16).map("".join) | st.text(max_size=20))
@example("A- B& C’D Ef")
@example("Your Data: what we keep")
def test_the_heading_tests_answer_what_the_heading_patterns_answer(body):
    for guarded, pattern in ((scan.inline_heading, scan._INLINE_HEADING), (scan.caps_heading, scan._CAPS_HEADING)):
        found, plain = guarded(body), pattern.match(body)
        assert (found and found.group(0)) == (plain and plain.group(0))


def plain_titles_list(text: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    content = [w for w in words if w.lower() not in practices._SMALL]
    return len(content) >= 10 and sum(w[0].isupper() for w in content) >= 0.85 * len(content)


TITLE_PIECES = ["Privacy", "Data", "Your", "the", "of", "And", "cookies", "X-Ray", "O'Neil", "É", "é", "-", "'", " "]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(TITLE_PIECES), min_size=30, max_size=60).map(" ".join))
def test_a_list_of_titles_is_told_as_the_plain_word_count_tells_it(text):
    stripped = text.strip()
    earlier = len(practices._NUMBER_DOT.findall(stripped)) >= 4 or len(stripped) < 160
    if not earlier:  # the contents and lead-in checks come first; this test is about the titles check after them
        assert (practices._structural(stripped) == ["other"]) == plain_titles_list(stripped)


PHONE_PIECES = ["1-800-", "FLOWERS", "(510) ", "555-0134", "+44 20 7946 0321", "call ", "fax: ", "order number: "]
PHONE_PIECES += ["é", "7", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHONE_PIECES), max_size=12).map("".join))
def test_a_policy_s_phones_found_through_re2_are_the_plain_scan_s(text):
    assert phones.find_phones.__wrapped__(text) == phones._find(text)
