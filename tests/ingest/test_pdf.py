"""PDF uploads: text back in paragraphs; encrypted, damaged and fake PDFs refused plainly."""

from __future__ import annotations

import pytest

from policies.ingest import IngestError, extract
from policies.ingest.reflow import reflow_pages
from tests.ingest.documents import pdf_bytes

POLICY_PAGE = [
    "Privacy Policy",
    "We collect your name, email address and the infor-",
    "mation you give us when you buy something from our",
    "store. We share it with third-",
    "party carriers and our e-",
    "mail provider to deliver your orders and receipts to you.",
    "We do not sell it.",
    "Your rights",
    "• Access to the data we hold about you",
    "• Deletion of your account and all its data",
    "Contact us at privacy@acme.example with any question.",
]


def test_pdf_text_comes_back_in_paragraphs():
    result = extract(pdf_bytes([POLICY_PAGE]), "policy.pdf")
    assert result.media_type == "application/pdf"
    assert result.extension == "pdf"
    assert result.text == (
        "Privacy Policy\n\n"
        "We collect your name, email address and the information you give us when you buy something from our "
        "store. We share it with third-party carriers and our e-mail provider to deliver your orders and receipts "
        "to you. We do not sell it.\n\n"
        "Your rights\n"
        "• Access to the data we hold about you\n"
        "• Deletion of your account and all its data\n\n"
        "Contact us at privacy@acme.example with any question."
    )


def test_page_numbers_and_running_headers_are_dropped():
    topics = ["names", "addresses", "orders", "cookies"]
    pages = [
        ["Acme Privacy Policy", f"Paragraph {n} says we keep {topic} safe.", f"Page {n} of 4"]
        for n, topic in enumerate(topics, start=1)
    ]
    text = extract(pdf_bytes(pages), "policy.pdf").text
    assert "Acme Privacy Policy" not in text
    assert "Page" not in text
    assert "Paragraph 1 says we keep names safe." in text and "Paragraph 4 says we keep cookies safe." in text


def test_paragraph_continues_across_a_page_break():
    pages = [
        ["We collect the name and postal address that you give us when you create your", "account and"],
        ["when you place an order with us by telephone."],
    ]
    assert extract(pdf_bytes(pages), "p.pdf").text == (
        "We collect the name and postal address that you give us when you create your account and "
        "when you place an order with us by telephone."
    )


def test_ligatures_from_pdf_fonts_become_letters():
    assert reflow_pages(["We use ﬁnancial data eﬃciently."]) == "We use financial data efficiently."


def test_password_protected_pdf_is_refused_as_encrypted():
    with pytest.raises(IngestError, match="The PDF is encrypted"):
        extract(pdf_bytes([["Secret policy text"]], password="s3cret"), "p.pdf")


def test_pdf_restricted_only_against_editing_is_read():
    data = pdf_bytes([["Open policy text for everyone"]], password="owner", owner_only=True)
    assert extract(data, "p.pdf").text == "Open policy text for everyone"


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused_or_read_never_crashes(cut):
    data = pdf_bytes([POLICY_PAGE])
    try:
        result = extract(data[: int(len(data) * cut)], "p.pdf")
    except IngestError as error:
        assert str(error)
    else:
        assert result.media_type == "application/pdf"


def test_garbage_after_the_pdf_header_is_refused_as_damaged():
    with pytest.raises(IngestError, match="damaged"):
        extract(b"%PDF-1.7\n" + b"\x8f\x00garbage" * 50, "p.pdf")


def test_pdf_without_text_is_refused():
    with pytest.raises(IngestError, match="no text"):
        extract(pdf_bytes([[]]), "scan.pdf")


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused():
    with pytest.raises(IngestError, match=r"named \.pdf but is not a PDF"):
        extract(b"Privacy policy in plain text", "p.pdf")


def test_a_pdf_named_txt_is_refused():
    with pytest.raises(IngestError, match=r"named \.txt but is a PDF"):
        extract(pdf_bytes([POLICY_PAGE]), "p.txt")


def test_reflow_keeps_numbered_items_and_short_headings():
    lines = [
        "1. Information We Collect",
        "We collect the information that you provide to us directly and the data that we",
        "receive automatically.",
        "2. How We Use It",
        "(a) to fulfil orders;",
        "(b) to send you offers.",
    ]
    assert reflow_pages(["\n".join(lines)]) == (
        "1. Information We Collect\n\n"
        "We collect the information that you provide to us directly and the data that we receive automatically.\n\n"
        "2. How We Use It\n(a) to fulfil orders;\n(b) to send you offers."
    )


def test_a_list_item_wrapped_over_lines_stays_one_item():
    lines = [
        "We use your data for these purposes, as the law allows us to do in your country:",
        "• to deliver the goods you ordered from us and to keep you informed about",
        "their delivery, returns and refunds",
        "You may object at any time by writing to us.",
    ]
    assert reflow_pages(["\n".join(lines)]) == (
        "We use your data for these purposes, as the law allows us to do in your country:\n"
        "• to deliver the goods you ordered from us and to keep you informed about their delivery, returns and "
        "refunds\n\nYou may object at any time by writing to us."
    )


def test_a_line_repeated_through_the_body_is_not_taken_for_a_running_header():
    pages = [
        ["Keep your password secret.", f"Page {n} explains topic {chr(64 + n)}.", "Keep your password secret."]
        for n in range(1, 5)
    ]
    pages[1].insert(1, "Keep your password secret.")
    pages[2].insert(1, "Keep your password secret.")
    text = reflow_pages(["\n".join(page) for page in pages])
    assert text.count("Keep your password secret.") == 10


def test_multi_level_numbered_headings_start_blocks_and_roman_page_numbers_go():
    pages = [
        "This is the introduction of the policy, which runs on to the full width of the page.\n"
        "2.1. Directory of data\nWe keep a list.\nii"
    ]
    assert reflow_pages(pages) == (
        "This is the introduction of the policy, which runs on to the full width of the page.\n\n"
        "2.1. Directory of data\n\nWe keep a list."
    )


def test_capitals_headings_stand_alone_but_capital_disclaimers_stay_paragraphs():
    lines = [
        "We may update this policy from time to time and will post the new version on this page for",
        "you to read. We will tell you about important changes by e-mail before they take effect.",
        "HOW WE SHARE YOUR PERSONAL INFORMATION WITH PROVIDERS",
        "We share your data with carriers and payment processors that act on our behalf and only",
        "under contracts that protect it. We do not allow them to use it for their own purposes.",
        "THE SITE IS PROVIDED AS IS, WITHOUT WARRANTIES OF ANY KIND, AND WE DISCLAIM ALL OF THEM",
        "TO THE FULLEST EXTENT THE LAW OF YOUR STATE ALLOWS US TO, INCLUDING IMPLIED WARRANTIES.",
    ]
    assert reflow_pages(["\n".join(lines)]) == (
        "We may update this policy from time to time and will post the new version on this page for you to read. "
        "We will tell you about important changes by e-mail before they take effect.\n\n"
        "HOW WE SHARE YOUR PERSONAL INFORMATION WITH PROVIDERS\n\n"
        "We share your data with carriers and payment processors that act on our behalf and only under contracts "
        "that protect it. We do not allow them to use it for their own purposes. "
        "THE SITE IS PROVIDED AS IS, WITHOUT WARRANTIES OF ANY KIND, AND WE DISCLAIM ALL OF THEM TO THE FULLEST "
        "EXTENT THE LAW OF YOUR STATE ALLOWS US TO, INCLUDING IMPLIED WARRANTIES."
    )
