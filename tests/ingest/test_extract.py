"""extract(): the type comes from the bytes, checked against the name; every refusal is an IngestError."""

from __future__ import annotations

import pytest

from policies.ingest import EXTRACTOR_VERSION, MAX_BYTES, Extracted, IngestError, extract
from tests.ingest.documents import docx_bytes, pdf_bytes


def test_public_constants():
    assert EXTRACTOR_VERSION == "1.0"
    assert MAX_BYTES == 10 * 1024 * 1024
    assert issubclass(IngestError, ValueError)


@pytest.mark.parametrize("name", ["policy.doc", "policy.rtf", "policy.odt", "policy.exe", "a.tar.gz"])
def test_unknown_extension_lists_the_accepted_types(name):
    with pytest.raises(IngestError, match=r"Accepted types: \.txt, \.html, \.htm, \.pdf, \.docx, \.md, \.markdown"):
        extract(b"Privacy policy", name)


@pytest.mark.parametrize(
    "name, expected",
    [("POLICY.PDF", "pdf"), ("C:\\Users\\me\\Privacy.Pdf", "pdf"), ("/tmp/x/privacy.pdf", "pdf")],
)
def test_extension_is_read_case_insensitively_from_the_last_path_part(name, expected):
    assert extract(pdf_bytes([["Privacy policy text"]]), name).extension == expected


def test_without_a_name_the_bytes_decide():
    assert extract(pdf_bytes([["Privacy policy text"]])).extension == "pdf"
    assert extract(docx_bytes(lambda d: d.add_paragraph("Privacy policy text"))).extension == "docx"
    assert extract(b"<!doctype html><p>Privacy policy text</p>").extension == "html"
    assert extract(b"Privacy policy text") == Extracted("Privacy policy text", "text/plain", "txt")


def test_a_name_without_extension_is_judged_by_its_bytes():
    assert extract(b"<html><body><nav>Menu</nav><p>Privacy</p></body></html>", "privacy").text == "Privacy"


@pytest.mark.parametrize(
    "content, name, found",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "p.txt", "a PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 50, "p.pdf", "a JPEG image"),
        (b"\x1f\x8b\x08\x00" + b"\0" * 50, "p.docx", "a gzip archive"),
        (b"{\\rtf1\\ansi Privacy policy}", "p.txt", "an RTF document"),
        (b"%PDF-1.4\n", "p.html", "a PDF document"),
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused_with_what_it_is(content, name, found):
    with pytest.raises(IngestError, match=found):
        extract(content, name)


def test_messages_are_plain_sentences():
    for content, name in [(b"", "a.txt"), (b"x", "a.zip"), (b"x", "a.pdf"), (b"\0\0", "a.txt")]:
        with pytest.raises(IngestError) as caught:
            extract(content, name)
        message = str(caught.value)
        assert message[0].isupper() and message.endswith(".")
        assert "Traceback" not in message and "Error" not in message


def test_bytearray_and_memoryview_are_accepted():
    assert extract(bytearray(b"Privacy policy"), "p.txt").text == "Privacy policy"
    assert extract(memoryview(b"Privacy policy"), "p.txt").text == "Privacy policy"


def test_oversized_file_is_refused_before_any_parsing():
    with pytest.raises(IngestError, match="10 MB"):
        extract(b"%PDF-1.4" + b"\0" * MAX_BYTES, "huge.pdf")


def test_output_is_deterministic_across_formats():
    inputs = [
        (pdf_bytes([["Privacy Policy", "We collect names and addresses."]]), "p.pdf"),
        (docx_bytes(lambda d: d.add_paragraph("We collect names.")), "p.docx"),
        (b"<main><h1>Privacy</h1><ul><li>Names</li></ul></main>", "p.html"),
        ("Politique de confidentialité".encode("cp1252"), "p.txt"),
    ]
    for data, name in inputs:
        assert extract(data, name) == extract(data, name)


def test_html_page_behind_comments_and_prolog_is_recognised_without_a_name():
    page = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- saved page --><html><body><p>Privacy</p></body></html>'
    assert extract(page).extension == "html"


def test_many_empty_comments_do_not_stall_the_sniffer():
    data = b"<!---->" * 600 + b"Privacy policy"
    assert extract(data).extension == "txt"
