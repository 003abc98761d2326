"""The one sentence splitter: what ends a sentence, for the parser, the text diff and the pages."""

from __future__ import annotations

from summaries.parser.sentences import loose_ends, loose_pieces, sentences, split


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_a_sentence_keeps_the_quotes_and_brackets_that_close_it():
    assert spans('He wrote "We sell nothing." Then he left. (Really.) Yes.') == [
        'He wrote "We sell nothing."',
        "Then he left.",
        "(Really.)",
        "Yes.",
    ]
    assert spans("read and write “cookies.” These technologies collect data.") == [
        "read and write “cookies.”",
        "These technologies collect data.",
    ]


def test_a_stop_ends_a_sentence_only_before_what_can_start_one():
    assert spans("Version 2.1 is out. 3 items follow. see below. • A bullet") == [
        "Version 2.1 is out.",
        "3 items follow. see below.",
        "• A bullet",
    ]


def test_an_abbreviation_ends_nothing_unless_a_line_break_follows():
    assert spans("We use tools, e.g. Google Analytics. Acme Inc. Is here. See cf. Section 2.") == [
        "We use tools, e.g. Google Analytics.",
        "Acme Inc. Is here.",
        "See cf. Section 2.",
    ]
    assert spans("Zillow, Inc.\n1301 Second Avenue") == ["Zillow, Inc.", "1301 Second Avenue"]


def test_lowered_text_starts_a_sentence_with_any_letter():
    assert split('we collect data. you may opt out, e.g. by mail. "yes." ok', lowered=True) == [
        "we collect data.",
        "you may opt out, e.g. by mail.",
        '"yes."',
        "ok",
    ]
    assert split("we collect data. you may opt out.") == ["we collect data. you may opt out."]


def test_loose_pieces_cut_after_every_stop_semicolon_or_colon_for_display():
    assert loose_pieces("One; two: three. four") == ["One;", "two:", "three.", "four"]
    assert loose_ends("One; two: three.") == [4, 9]
