"""DOCX parts with absolute or climbing names (zip-slip) are refused, not read."""

from __future__ import annotations

import io
import zipfile

import pytest

from policies.ingest import IngestError, extract
from tests.ingest.documents import docx_bytes


def with_extra_part(name: str) -> bytes:
    base = docx_bytes(lambda document: document.add_paragraph("We collect your name."))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry))
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo would normalise some names; set it as an attacker's tool would
        target.writestr(info, b"payload")
    return out.getvalue()


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil", "/etc/passwd", "word/../../evil.xml", "C:/evil.xml"])
def test_unsafe_part_names_are_refused(name):
    with pytest.raises(IngestError, match="unsafe name"):
        extract(with_extra_part(name), "policy.docx")


def test_ordinary_part_names_are_fine():
    assert extract(with_extra_part("customXml/item1.xml"), "policy.docx").text == "We collect your name."
