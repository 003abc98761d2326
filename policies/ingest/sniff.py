"""What the bytes are, judged from their first bytes, and whether that matches the file's name."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

ACCEPTED = ("txt", "html", "htm", "pdf", "docx", "md", "markdown")
ACCEPTED_LIST = ", ".join(f".{ext}" for ext in ACCEPTED)

_PDF = "a PDF document"
_ZIP = "a ZIP archive"

# Formats a policy file might wrongly be: each named so the error says what the file really is.
# The one table of magic bytes: uploads (`extract`) and fetched pages (`policies.fetch`) both read it.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", -1, _PDF),  # -1: anywhere in the first KiB, as PDF readers allow
    (b"PK\x03\x04", 0, _ZIP),
    (b"PK\x05\x06", 0, _ZIP),
    (b"PK\x07\x08", 0, _ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old-style Office document (.doc, .xls or .ppt)"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard archive"),
    (b"\x7fELF", 0, "a program"),
    (b"MZ\x90\x00", 0, "a program"),
    (b"\xca\xfe\xba\xbe", 0, "a program"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"%!PS", 0, "a PostScript document"),
    (b"wOFF", 0, "a web font"),
    (b"wOF2", 0, "a web font"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
    (b"OggS", 0, "an audio or video file"),
    (b"ID3", 0, "an audio file"),
    (b"fLaC", 0, "an audio file"),
)

_HTML_OPENING = re.compile(rb"<(?:!doctype\s+html|(?:html|head|body|meta|title)[\s>/])", re.I)
_ANY_TAG = re.compile(r"<(?:[a-z][a-z0-9]*[\s/>]|!--|!doctype)", re.I)


def extension_of(filename: str) -> str:
    """The lower-cased extension without its dot; "" when the name has none."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name  # a browser may send "C:\\path\\file.pdf"
    suffix = PurePosixPath(name).suffix
    return suffix[1:].lower().strip() if suffix else ""


def _shows(head: bytes, magic: bytes, offset: int) -> bool:
    return magic in head if offset == -1 else head.startswith(magic)


def binary_kind(data: bytes) -> str:
    """What a binary format `data` is ("a PDF document"...), or "" if it is no format we know."""
    head = data[:1024]
    for magic, offset, kind in _SIGNATURES:
        if _shows(head, magic, offset):
            return kind
    if head[4:8] == b"ftyp":
        return "an audio or video file"
    if head.startswith(b"RIFF"):
        return "an image, audio or video file"
    return ""


def _is(data: bytes, wanted: str) -> bool:
    """Whether `data` shows one of the table's signatures of `wanted`, whatever else it might also show."""
    head = data[:1024]
    return any(_shows(head, magic, offset) for magic, offset, kind in _SIGNATURES if kind == wanted)


def is_pdf(data: bytes) -> bool:
    return _is(data, _PDF)


def is_zip(data: bytes) -> bool:
    """A ZIP archive's signature (a .docx is one)."""
    return _is(data, _ZIP)


def looks_like_html_document(data: bytes) -> bool:
    """A full HTML page: it opens with a doctype or a page-level tag (after a BOM, comments, prolog)."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    # Skip an XML prolog and leading comments one by one: a single regex for this backtracks badly.
    for _ in range(20):
        if head.startswith(b"<?"):
            end = head.find(b"?>")
        elif head.startswith(b"<!--"):
            end = head.find(b"-->")
        else:
            break
        if end < 0:
            return False
        head = head[end + 3 if head.startswith(b"<!--") else end + 2 :].lstrip()
    return _HTML_OPENING.match(head) is not None


def has_markup(text: str) -> bool:
    return _ANY_TAG.search(text, 0, 1_000_000) is not None


def guess_extension(data: bytes) -> str:
    """For bytes that come without a usable name: pdf, docx, html or txt."""
    if is_pdf(data):
        return "pdf"
    if is_zip(data):
        return "docx"
    if looks_like_html_document(data):
        return "html"
    return "txt"
