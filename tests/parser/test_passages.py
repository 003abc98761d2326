"""Segmentation: every heading style real policies use, the offsets contract, and the seed policies."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from summaries.parser.passages import classified, is_heading_line, segment
from summaries.parser.types import Passage
from tests.conftest import shared_or_skip


def assert_valid(text: str, passages: list[Passage]) -> None:
    """Offsets point into the text, in order, without overlap, each span non-empty and trimmed."""
    previous_end = 0
    for passage in passages:
        assert 0 <= previous_end <= passage.start < passage.end <= len(text)
        span = text[passage.start : passage.end]
        assert span.strip() == span != ""
        previous_end = passage.end


def assert_covers_body(text: str, passages: list[Passage]) -> None:
    """From the first passage on, only whitespace is left out: between passages and after the last."""
    for before, after in pairwise(passages):
        assert text[before.end : after.start].strip() == ""
    if passages:
        assert text[passages[-1].end :].strip() == ""


def headings(text: str) -> list[str]:
    return [p.heading for p in segment(text)]


def passage_starting(text: str, opening: str) -> Passage:
    return next(p for p in segment(text) if text[p.start : p.end].startswith(opening))


def passage_with(text: str, words: str) -> Passage:
    return next(p for p in segment(text) if words in text[p.start : p.end])


HTML_LINES = """Privacy Policy

Last updated: 1 March 2024

Acme Outdoors respects your privacy. This policy explains how we handle personal information.

Information We Collect

We collect your name, email address and shipping address when you place an order.

We also collect your IP address and browser type automatically when you visit our store.

HOW WE SHARE INFORMATION

We share order details with carriers so that they can deliver your parcel to you.

What choices do you have?

You can unsubscribe from our newsletter at any time by clicking the link in any email.
"""


def test_heading_lines_in_title_case_all_caps_and_questions():
    text = HTML_LINES
    assert_valid(text, segment(text))
    assert passage_with(text, "We collect your name").heading == "Information We Collect"
    assert passage_with(text, "IP address").heading == "Information We Collect"
    assert passage_with(text, "carriers").heading == "HOW WE SHARE INFORMATION"
    assert passage_with(text, "unsubscribe").heading == "What choices do you have?"
    assert passage_with(text, "respects your privacy").heading == "Privacy Policy"


def test_a_heading_line_opens_the_passage_it_heads():
    text = HTML_LINES
    sharing = passage_starting(text, "HOW WE SHARE")
    assert "carriers" in text[sharing.start : sharing.end]


def test_paragraphs_of_a_long_section_keep_its_heading():
    filler = "We use this information to run the store and to answer your questions about orders. " * 3
    text = f"Information We Collect\n\n{filler}\n\n{filler}\n\n{filler}\n\nSecurity\n\nWe encrypt card data."
    passages = segment(text)
    assert_valid(text, passages)
    collect = [p for p in passages if p.heading == "Information We Collect"]
    assert len(collect) >= 2  # split into paragraph-sized passages
    assert passages[-1].heading == "Security"


def test_upper_case_run_in_headings_inside_one_paragraph():
    text = (
        "This policy governs how Sweet Co. handles data. PERSONAL INFORMATION We collect your name and "
        "address when you order. WEB BROWSER COOKIES Our site may use cookies to improve your visit. "
        "SHARING YOUR INFORMATION We do not sell your information to anyone."
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert [p.heading for p in passages] == [
        "",
        "PERSONAL INFORMATION",
        "WEB BROWSER COOKIES",
        "SHARING YOUR INFORMATION",
    ]
    assert text[passages[2].start : passages[2].end].startswith("WEB BROWSER COOKIES Our site")


def test_label_colon_run_ins():
    text = (
        "Updated March 2024\n"
        "Who May Use the Website: The website is not intended for children under 13 years of age.\n"
        "Collection and Use of Personal Information: We collect information that you provide to us when you shop.\n"
        "It is used to fulfil your orders and to send you receipts and shipping notices.\n"
        "Data Retention: We keep order records for seven years to meet our tax obligations.\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert passage_starting(text, "Who May").heading == "Who May Use the Website"
    assert passage_starting(text, "Data Retention").heading == "Data Retention"
    # A sentence with a colon in it is not a label.
    assert "It is used" not in {p.heading for p in passages}


def test_numbered_sections_in_every_style():
    text = (
        "1. Introduction\nThis notice explains how we use personal data about our customers.\n"
        "2.1 Data We Collect\nWe collect your name and email address when you register.\n"
        "Section 3 Cookies\nWe use cookies to keep you signed in to your account.\n"
        "IV. Your Rights\nYou may ask us for a copy of the information we hold about you.\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert [p.heading for p in passages] == ["Introduction", "Data We Collect", "Cookies", "Your Rights"]


def test_a_numbered_sentence_is_a_list_item_not_a_heading():
    assert not is_heading_line("1. We will provide notice to our customers of their right to opt out.")
    assert is_heading_line("3. How we use your data")


def test_sentence_case_heading_set_off_by_blank_lines():
    text = (
        "Privacy policy\n\nWe care about your privacy and explain here what we do with your data.\n\n"
        "Scope of application\n\nThis policy applies to our websites and mobile applications in every country.\n"
    )
    assert passage_starting(text, "Scope of").heading == "Scope of application"


def test_shop_navigation_above_the_policy_is_skipped():
    text = (
        "USD:English\nCurrency\nEUR\nGBP\nLanguage\nDeutsch\nFrançais\n0 items in your bag\nCustomer Service\n"
        "Orders Delivery Returns Payment Account\nPrivacy Policy\n\n"
        "We respect your privacy. This policy describes the personal information we collect and how we use it.\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert text[passages[0].start :].startswith("Privacy Policy")


def test_consecutive_headings_open_one_passage_under_the_inner_heading():
    text = "Your Rights\n\nAccess\n\nYou can ask for a copy of the personal information we hold about you."
    passages = segment(text)
    assert len(passages) == 1
    assert passages[0].heading == "Access"
    assert passages[0].start == 0


def test_classified_fills_practices_from_text_and_heading():
    text = HTML_LINES
    by_start = {text[p.start : p.start + 12]: p.practices for p in classified(text)}
    assert "third_party_sharing" in by_start["HOW WE SHARE"]
    assert "user_choice" in by_start["What choices"]


def test_empty_and_blank_text():
    assert segment("") == []
    assert segment("  \n\n \t\n") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_segment_never_crashes_and_offsets_stay_valid(text):
    passages = segment(text)
    assert_valid(text, passages)
    assert_covers_body(text, passages)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["", "PRIVACY POLICY", "1. Scope", "What We Collect?", "Label: text follows here."]),
            st.text(alphabet="abcdefghij ABCDEFG.:;,?\t-", max_size=200),
        ),
        max_size=25,
    )
)
def test_segment_offsets_stay_valid_on_policy_like_lines(lines):
    text = "\n".join(lines)
    passages = segment(text)
    assert_valid(text, passages)
    assert_covers_body(text, passages)


# --- the seed policies (read from ../shared, never copied) -------------------------------------------------


def seed(prefix: str) -> str:
    folder = shared_or_skip("seeds")
    path = next(folder.glob(f"{prefix}_*.txt"), None)
    if path is None:
        import pytest

        pytest.skip(f"seed {prefix} is absent")
    return path.read_text(encoding="utf-8")


def test_every_seed_segments_validly():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed(prefix)
        passages = segment(text)
        assert_valid(text, passages)
        assert_covers_body(text, passages)
        assert len(passages) >= 5


def test_seed_004_single_paragraph_splits_at_its_upper_case_headings():
    text = seed("004")
    passages = segment(text)
    assert len(passages) >= 6
    named = [p.heading for p in passages if p.heading]
    assert len(set(named)) >= 5
    assert all(h == h.upper() for h in named[1:])  # the inline headings are upper case


def test_seed_003_starts_at_the_policy_not_the_currency_picker():
    text = seed("003")
    first = segment(text)[0]
    opening = text[first.start : first.end]
    assert "Currency" not in opening and "USD" not in opening
    assert "privacy" in opening.lower()


def test_seed_002_label_run_ins_become_headings():
    text = seed("002")
    named = {p.heading for p in segment(text)}
    assert len(named) >= 10


def test_seed_001_question_headings():
    text = seed("001")
    assert any(p.heading.endswith("?") for p in segment(text))
