from __future__ import annotations

import pytest

from pages import forms
from pages.forms import parse_browse
from pages.templatetags.fineprint import highlighted
from summaries.parser import codes
from summaries.textdiff import split_units, text_diff


def test_clean_query_squeezes_and_cuts():
    assert forms.clean_query("  a   b ") == ("a b", False)
    text, cut = forms.clean_query("x" * 500)
    assert cut and len(text) == forms.MAX_QUERY_CHARS
    assert forms.clean_query(None) == ("", False)


@pytest.mark.parametrize(
    ("raw", "length", "expected"),
    [
        ("3-7", 10, (3, 7)),
        (" 0 - 10 ", 10, (0, 10)),
        ("7-3", 10, None),
        ("3-11", 10, None),
        ("x", 10, None),
        (None, 5, None),
    ],
)
def test_parse_span(raw, length, expected):
    assert forms.parse_span(raw, length) == expected


def test_parse_slugs_dedupes_and_lowercases():
    assert forms.parse_slugs(["A,b", "b, c,,"]) == ["a", "b", "c"]


def test_highlight_segments_cover_the_text():
    segments = highlighted("hello world", (6, 11))
    assert [s.kind for s in segments] == ["text", "mark", "text"]
    assert "".join(s.text for s in segments) == "hello world"


def test_split_units_keeps_all_text():
    text = "First sentence. Second one!\nA new line; then more.\n\nLast"
    assert "".join(split_units(text)) == text


def test_text_diff_sentence_changes():
    old = "Alpha one. Beta two. Gamma three. Delta four. Epsilon five. Zeta six."
    new = "Alpha one. Beta two. Gamma THREE. Delta four. Epsilon five. Zeta six. Eta seven."
    diff = text_diff(old, new)
    kinds = [s.kind for s in diff.segments]
    assert "ins" in kinds and "del" in kinds
    assert any(s.kind == "ins" and "THREE" in s.text for s in diff.segments)
    assert any(s.kind == "ins" and "Eta seven." in s.text for s in diff.segments)
    assert not diff.truncated


def test_text_diff_collapses_long_unchanged_runs():
    same = " ".join(f"Sentence {i}." for i in range(40))
    diff = text_diff(same + " Old end.", same + " New end.")
    assert any(s.kind == "gap" for s in diff.segments)
    assert sum(len(s.text) for s in diff.segments if s.kind == "text") < len(same) / 2


def test_text_diff_identical():
    diff = text_diff("Same. Text.", "Same. Text.")
    assert diff.insertions == diff.deletions == 0


def test_fact_value_labels():
    assert codes.describe_fact("children_min_age", {"value": 16}) == "16 or older"
    assert codes.describe_fact("children_min_age", {"value": None}) == "Does not say"
    assert (
        codes.describe_fact("retention", {"value": "period", "text": "two years"}) == "For a stated period: two years"
    )
    assert codes.describe_fact("do_not_track", None) == "Does not say"
    assert codes.Collected.label_of("brand_new_code") == "Brand new code"


def test_parse_browse_is_lenient():
    params = parse_browse({"q": "x" * 300, "sells": "bogus", "sort": "evil", "page": "abc", "gpc": "1"}, {"books"})
    assert len(params.q) == 100 and params.sells == "" and params.sort == "name" and params.page == 1 and params.gpc
    assert len(params.notes) == 4
    assert params.query(page=3) == "?q=" + "x" * 100 + "&gpc=1&page=3"
    assert parse_browse({}, set()).query() == "?"
