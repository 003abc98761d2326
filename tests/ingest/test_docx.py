"""DOCX uploads: structure kept; ZIP bombs and ZIPs that are not Word documents refused before opening."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.ingest import IngestError, extract
from tests.ingest.documents import docx_bytes, zip_bytes


def _policy(document) -> None:
    document.add_heading("Privacy Policy", 0)
    document.add_paragraph("Effective May 9, 2023.")
    document.add_heading("What we collect", 1)
    paragraph = document.add_paragraph("We collect your ")
    paragraph.add_run("name").bold = True
    paragraph.add_run(" and e-mail\taddress.")
    document.add_paragraph("Name", style="List Bullet")
    document.add_paragraph("Email", style="List Number")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Category"
    table.cell(0, 1).text = "Examples"
    table.cell(1, 0).text = "Identifiers"
    table.cell(1, 1).text = "name, email"
    document.add_paragraph("Contact: [email protected]")


def test_docx_keeps_headings_paragraphs_lists_and_table_rows():
    result = extract(docx_bytes(_policy), "policy.docx")
    assert result.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert result.extension == "docx"
    assert result.text == (
        "Privacy Policy\n\nEffective May 9, 2023.\n\nWhat we collect\n\nWe collect your name and e-mail address.\n\n"
        "• Name\n1. Email\n\nCategory | Examples\nIdentifiers | name, email\n\nContact: [email protected]"
    )


NUMBERING = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="21"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="22"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="23"><w:abstractNumId w:val="7"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered(items: list[tuple[str, int, str]], numbering: bytes = NUMBERING):
    """A build function adding paragraphs numbered (numId, ilvl) with Word's own numbering XML."""
    from docx.oxml import parse_xml

    def build(document):
        document.add_paragraph("Intro.")
        document.part.numbering_part._element = parse_xml(numbering)  # replaces the template's lists
        for num_id, level, text in items:
            paragraph = document.add_paragraph(text)
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f'<w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )

    return build


def test_word_numbering_is_shown_as_word_shows_it():
    items = [
        ("21", 0, "Collection"),
        ("21", 1, "Names"),
        ("21", 1, "Addresses"),
        ("21", 2, "Postal"),
        ("21", 0, "Use"),
        ("21", 1, "Orders"),
        ("22", 0, "Rights"),
        ("22", 0, "Contact"),
        ("23", 0, "Restarted at five"),
        ("0", 0, "Numbering switched off"),
    ]
    assert extract(docx_bytes(_numbered(items)), "n.docx").text == (
        "Intro.\n\n1. Collection\n1.a) Names\n1.b) Addresses\n• Postal\n2. Use\n2.a) Orders\n"
        "Part IV Rights\nPart V Contact\n5. Restarted at five\n\nNumbering switched off"
    )


def test_list_item_with_unknown_numbering_is_a_bullet():
    assert extract(docx_bytes(_numbered([("99", 0, "Orphan item")])), "n.docx").text == "Intro.\n\n• Orphan item"


def test_merged_cells_are_not_repeated():
    def build(document):
        table = document.add_table(rows=2, cols=3)
        table.cell(0, 0).merge(table.cell(0, 2)).text = "Categories we collect"
        table.cell(1, 0).text = "Identifiers"
        table.cell(1, 2).text = "Yes"

    assert extract(docx_bytes(build), "t.docx").text == "Categories we collect\nIdentifiers | Yes"


def test_zip_bomb_by_compression_ratio_is_refused():
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(IngestError, match="ZIP bomb"):
        extract(data, "bomb.docx")


def test_zip_bomb_by_total_size_is_refused():
    # Each part compresses only about 11 to 1, so the ratio check passes; the total gives it away.
    rng = random.Random(1)
    part = bytearray(1 << 20)
    for i in range(0, len(part), 24):
        part[i] = rng.randrange(256)
    entries = {"[Content_Types].xml": b"<Types/>"}
    entries.update({f"word/media/image{n}.bin": bytes(part) for n in range(51)})
    data = zip_bytes(entries)
    assert len(data) < 10 * 1024 * 1024
    with pytest.raises(IngestError, match="50 MB"):
        extract(data, "big.docx")


def test_zip_with_too_many_entries_is_refused():
    data = zip_bytes({f"word/part{n}.xml": b"x" for n in range(2001)}, compression=zipfile.ZIP_STORED)
    with pytest.raises(IngestError, match="2,000"):
        extract(data, "many.docx")


def test_zip_that_is_not_a_docx_is_refused():
    with pytest.raises(IngestError, match=r"not a \.docx"):
        extract(zip_bytes({"policy.txt": b"We collect data."}), "policy.docx")


def test_other_office_files_renamed_docx_are_named():
    content_types = (
        b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b"</Types>"
    )
    with pytest.raises(IngestError, match="Excel workbook"):
        extract(zip_bytes({"[Content_Types].xml": content_types}), "sheet.docx")


def test_opendocument_renamed_docx_is_named():
    data = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(IngestError, match="OpenDocument"):
        extract(data, "p.docx")


def test_corrupt_docx_is_refused():
    original = docx_bytes(_policy)
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    entries["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    with pytest.raises(IngestError, match="damaged"):
        extract(zip_bytes(entries), "broken.docx")


def test_truncated_docx_is_refused():
    with pytest.raises(IngestError, match="damaged"):
        extract(docx_bytes(_policy)[:2000], "cut.docx")


def test_a_file_named_docx_that_is_not_a_zip_is_refused():
    with pytest.raises(IngestError, match=r"named \.docx but is not a \.docx document"):
        extract(b"Just some text pretending to be Word", "p.docx")


def test_old_word_document_named_docx_is_explained():
    with pytest.raises(IngestError, match="old-style Word document"):
        extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "p.docx")


def test_docx_named_txt_is_refused():
    with pytest.raises(IngestError, match=r"named \.txt but is a ZIP archive"):
        extract(docx_bytes(_policy), "p.txt")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(["0", "1", "-3", "x", "99999999999", "", "%1%2%9"]), min_size=6, max_size=6),
    st.sampled_from(["decimal", "bullet", "none", "lowerRoman", "upperLetter", "decimalZero", "weird"]),
)
def test_malformed_numbering_never_breaks_extraction(values, fmt):
    start, ilvl, text, num_id, abstract_id, level = values
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num></w:numbering>'
    ).encode()
    level_number = int(level) % 9 if level.lstrip("-").isdigit() and len(level) < 4 else 0
    result = extract(docx_bytes(_numbered([(num_id or "1", level_number, "Item text")], numbering)), "n.docx")
    assert result.text.startswith("Intro.")
    assert result.text.endswith("Item text")


def test_numbered_headings_keep_their_numbers_and_count_with_the_list():
    def build(document):
        _numbered([("21", 0, "Collection")])(document)
        heading = document.add_heading("Sharing", 1)
        heading._p.get_or_add_pPr().append(
            parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:ilvl w:val="0"/><w:numId w:val="21"/></w:numPr>'
            )
        )
        document.add_paragraph("We share data with carriers.")

    assert extract(docx_bytes(build), "h.docx").text == (
        "Intro.\n\n1. Collection\n\n2. Sharing\n\nWe share data with carriers."
    )
