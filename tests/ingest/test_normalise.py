"""Character-level normalisation: what every offset in the archive depends on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policies.ingest import normalise


def test_line_endings_are_unified():
    assert normalise("a\r\nb\rc\nd\u2028e\u2029f\x85g") == "a\nb\nc\nd\ne\nf\ng"


def test_runs_of_spaces_tabs_and_no_break_spaces_collapse_within_lines():
    assert normalise("We\t\tcollect\u00a0\u00a0your \u2003 name") == "We collect your name"


def test_lines_are_trimmed_and_blank_runs_become_one_blank_line():
    assert normalise("  Title  \n \n\n\t\n  Body line \n\n\n\nEnd ") == "Title\n\nBody line\n\nEnd"


def test_zero_width_characters_and_soft_hyphens_disappear():
    assert normalise("pri\u00advacy\u200b poli\u2060cy\ufeff") == "privacy policy"


def test_control_characters_disappear():
    assert normalise("a\x00b\x07c\x1bd\x7fe") == "abcde"


def test_nfc_composes_but_leaves_compatibility_forms_alone():
    # NFKC would turn the ligature into "fi", the circled digit into "1" and the full-width A into "A".
    assert normalise("cafe\u0301 ﬁle ① Ａ") == "café ﬁle ① Ａ"


def test_a_mark_separated_by_an_invisible_character_composes_once_it_is_removed():
    assert normalise("e\u200b\u0301") == "é"


def test_cloudflare_hidden_address_stays_literal():
    assert normalise("Email [email\u00a0protected] today") == "Email [email protected] today"


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalised_text_has_no_blank_runs_or_edge_spaces(text):
    result = normalise(text)
    assert "\n\n\n" not in result
    assert "  " not in result
    assert "\r" not in result and "\t" not in result and "\u00a0" not in result
    assert all(line == line.strip(" ") for line in result.split("\n"))
    assert result == result.strip(" \n")
