"""Fetched bytes are judged by ingestion's one table of magic bytes, as uploads are."""

from __future__ import annotations

import pytest

from policies.fetch import DOCX, PDF, sniff
from policies.ingest import binary_kind, is_pdf, is_zip

SAMPLES = [
    b"%PDF-1.7\n1 0 obj",
    b"\r\n%PDF-1.4 with a stray line before the header",  # PDF readers allow junk before it
    b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml word/document.xml",
    b"PK\x05\x06" + b"\x00" * 18,  # an empty ZIP: no Word document
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
    b"<!doctype html><title>Privacy</title>",
    b"Privacy policy\n\nWe collect your email.",
]


@pytest.mark.parametrize("data", SAMPLES)
def test_fetch_and_uploads_read_the_same_signatures(data):
    kind = sniff(data)
    assert (kind == PDF) == is_pdf(data)
    assert (kind == DOCX) <= is_zip(data)
    if binary_kind(data) and not is_pdf(data) and not is_zip(data):
        assert kind is None
