"""Hostile-but-valid inputs from the hardening probe, built in memory (nothing read from disk)."""

from __future__ import annotations

import io
import random
import zipfile

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from tests.ingest.documents import docx_bytes

_WORDS = [
    "we",
    "collect",
    "share",
    "your",
    "personal",
    "information",
    "data",
    "with",
    "service",
    "providers",
    "partners",
    "cookies",
    "account",
    "request",
    "delete",
    "access",
    "opt",
    "out",
    "marketing",
    "email",
    "address",
    "phone",
    "device",
    "location",
    "purchase",
    "history",
]


def shared_stream_pdf(pages: int, stream_bytes: int = 1024 * 1024) -> bytes:
    """`pages` pages that all draw one big content stream: small file, every page costs the whole stream."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    font_ref = writer._add_object(font)
    ops = ["BT", "/F1 9 Tf", "10 TL", "20 780 Td"]
    size = 0
    rng = random.Random(14)
    while size < stream_bytes:
        line = f"({' '.join(rng.choices(_WORDS, k=8))}) Tj T*"
        ops.append(line)
        size += len(line) + 1
    ops.append("ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    stream_ref = writer._add_object(stream.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
        page[NameObject("/Contents")] = stream_ref
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def expanding_docx(chars: int = 46_000_000) -> bytes:
    """A DOCX inside the size and ratio limits (about 8 MB, under 50 MB unpacked, each part under
    100:1) whose document part holds `chars` characters of text in long paragraphs."""
    base = docx_bytes(lambda document: document.add_paragraph("Privacy policy."))
    rng = random.Random(46)
    paragraph_chars = 1_000_000
    paragraphs = []
    for _ in range(chars // paragraph_chars):
        words = " ".join(rng.choices(_WORDS, k=paragraph_chars // 7))
        paragraphs.append(f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>")
    source = zipfile.ZipFile(io.BytesIO(base))
    document = source.read("word/document.xml").decode("utf-8")
    body_end = document.index("<w:sectPr")
    document = document[:body_end] + "".join(paragraphs) + document[body_end:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = document.encode("utf-8") if entry.filename == "word/document.xml" else source.read(entry)
            target.writestr(entry.filename, data, compresslevel=1)
    return out.getvalue()


def nested_links_html(total: int = 10 * 1024 * 1024, depth: int = 250) -> bytes:
    """`total` bytes of links to a cart page under `depth` nested divs (each link used to walk its parents)."""
    link = '<a href="/cart">Your cart</a> '
    head = "<html><body>" + "<div>" * depth
    tail = "</div>" * depth + "</body></html>"
    count = (total - len(head) - len(tail)) // len(link)
    return (head + link * count + tail).encode("ascii")


def open_divs_html(total: int = 10 * 1024 * 1024) -> bytes:
    """`total` bytes of `<div>`s never closed: one element nested inside the next, as deep as the bytes go."""
    unit = "<div>privacy "
    return ("<html><body>" + unit * (total // len(unit))).encode("ascii")


def ordinary_html(total: int = 10 * 1024 * 1024) -> bytes:
    """A large but well-formed policy page: sections of headings, paragraphs and lists, with a nav."""
    rng = random.Random(10)
    parts = ['<html><head><title>Privacy</title></head><body><nav><a href="/">Home</a></nav><main>']
    size = 200
    while size < total - 1000:
        words = " ".join(rng.choices(_WORDS, k=60))
        section = (
            f"<section><h2>Section {len(parts)}</h2><p>{words}.</p>"
            f"<ul><li>{words[:80]}</li><li>{words[80:160]}</li></ul></section>"
        )
        parts.append(section)
        size += len(section)
    parts.append("</main><footer>Footer</footer></body></html>")
    return "".join(parts).encode("ascii")
