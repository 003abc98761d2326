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


LETTERED = """Fernhill Hardware Privacy Policy

Last updated: 2 February 2026

Contents
A. Scope of This Policy
B. What We Collect
C. Who Receives It
D. Reaching Us

A. Scope of This Policy

This policy covers the Fernhill Hardware shops, the fernhill.example website and our trade counter service.

B. What We Collect

We collect your name, delivery address and order history whenever you buy tools or timber from us.

C. Who Receives It

Our couriers receive your delivery address, and our card processor receives the payment details you enter.

D. Reaching Us

Write to us with any question about how we handle your personal information.
"""


def test_lettered_headings_after_a_table_of_contents_open_their_sections():
    text = LETTERED
    passages = segment(text)
    assert_valid(text, passages)
    assert_covers_body(text, passages)
    assert passage_with(text, "trade counter").heading == "Scope of This Policy"
    assert passage_with(text, "order history").heading == "What We Collect"
    assert passage_with(text, "couriers").heading == "Who Receives It"
    assert passage_with(text, "any question").heading == "Reaching Us"
    # Each section's passage starts at its own lettered heading, below the contents.
    assert text[passage_with(text, "order history").start :].startswith("B. What We Collect\n\nWe collect")


def test_a_table_of_contents_is_one_passage_under_its_own_heading():
    text = LETTERED
    contents = passage_with(text, "A. Scope of This Policy\nB.")
    assert contents.heading == "Contents"
    assert "D. Reaching Us\n\nA. Scope" not in text[contents.start : contents.end]  # it ends with the list
    assert [p.heading for p in segment(text)].count("Reaching Us") == 1


def test_a_numbered_table_of_contents_with_blank_lines_is_no_run_of_sections():
    text = (
        "Privacy Notice\n\nIn this notice\n\n1. Data We Hold\n\n2. Sharing\n\n3. Your Rights\n\n"
        "1. Data We Hold\n\nWe hold your name and email address for as long as your account stays open.\n\n"
        "2. Sharing\n\nWe share order details with the couriers that bring your parcels to your door.\n\n"
        "3. Your Rights\n\nYou may ask us for a copy of the personal data we hold about you at any time.\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert_covers_body(text, passages)
    assert [p.heading for p in passages] == ["Privacy Notice", "Data We Hold", "Sharing", "Your Rights"]
    assert text[passages[0].start : passages[0].end].endswith("3. Your Rights")  # the list, with the title
    assert text[passages[1].start :].startswith("1. Data We Hold\n\nWe hold")


def test_headings_listed_together_that_never_come_again_are_no_table_of_contents():
    # Consecutive headings open one passage under the inner one, as before: nothing repeats them below.
    text = "Your Rights\n\nAccess\n\nYou can ask for a copy of the personal information we hold about you."
    assert [p.heading for p in segment(text)] == ["Access"]


def test_lettered_list_items_stay_in_their_section():
    text = (
        "Privacy Policy\n\nInformation We Collect\n\nWe collect these categories of personal information:\n"
        "A. Identifiers\nB. Commercial Information\nC. Internet Activity\n\n"
        "We use them to run the store and to answer your questions about orders.\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert passage_with(text, "B. Commercial Information").heading == "Information We Collect"
    assert passage_with(text, "Internet Activity").heading == "Information We Collect"
    assert "Internet Activity" not in {p.heading for p in passages}


def test_lettered_heading_lines():
    assert is_heading_line("A. What This Policy Covers")
    assert is_heading_line("(C) Your Choices")
    assert is_heading_line("B. Information we collect")  # lettered, like numbered, whatever its case
    assert not is_heading_line("a. your name and email address")
    assert not is_heading_line("A. We collect your name when you order.")


def test_contact_lines_are_not_headings():
    assert not is_heading_line("Phone: 1-800-555-0199")
    assert not is_heading_line("Telephone: +44 20 7946 0000")
    assert not is_heading_line("Privacy requests: https://shop.example/privacy")
    assert not is_heading_line("Mail: Acme Stores, Inc., 1 Main Plaza, Indianapolis, IN 46204")
    assert not is_heading_line("Leeds LS1 4DY")
    assert not is_heading_line("Springfield, IL 62701")
    assert is_heading_line("Your Privacy Choices")
    assert is_heading_line("Contact Us")


def test_a_contact_block_with_an_address_stays_under_its_heading():
    text = (
        "Privacy Notice\n\n"
        "Changes\n\nWe will email you before any important change to this notice takes effect.\n\n"
        "9. Contact Us\n\n"
        "Privacy Team\nHollybrook Ltd\n14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom\n\n"
        "Email: privacy@hollybrook.example\nTelephone: +44 113 496 0000\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert_covers_body(text, passages)
    contact = passage_with(text, "14 Chapel Lane")
    assert contact.heading == "Contact Us"
    assert "Telephone: +44 113" in text[contact.start : contact.end]
    headings = {p.heading for p in passages}
    assert not headings & {"Privacy Team", "Hollybrook Ltd", "Chapel Lane", "Leeds LS1 4DY", "United Kingdom"}


def test_label_lines_giving_contacts_are_no_run_in_headings():
    text = (
        "Privacy Policy\n\nContact Us\n\n"
        "Email: privacy@acme.example\nPhone: 1-800-555-0199\nPrivacy choices: https://acme.example/choices\n"
        "Mail: Acme Stores, Inc., Privacy Office, 1 Main Plaza, Indianapolis, IN 46204\n"
    )
    passages = segment(text)
    assert_valid(text, passages)
    assert {p.heading for p in passages if "Mail:" in text[p.start : p.end] or "Phone" in text[p.start : p.end]} == {
        "Contact Us"
    }


def test_a_label_run_in_that_ends_in_an_address_keeps_its_heading():
    text = (
        "Privacy Policy\n\n"
        "Copyright: If you believe that material on our site infringes your copyright, please tell our agent, "
        "who can be reached by post at 101 Park Avenue, Roseland, NJ 07068.\n"
    )
    assert passage_with(text, "infringes").heading == "Copyright"


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
            st.sampled_from(
                [
                    "",
                    "PRIVACY POLICY",
                    "1. Scope",
                    "What We Collect?",
                    "Label: text follows here.",
                    "Contents",
                    "A. What We Collect",
                    "B. Scope",
                    "14 Chapel Lane",
                    "Leeds LS1 4DY",
                    "United Kingdom",
                    "Phone: 1-800-555-0199",
                ]
            ),
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
