"""Bytes to normalised policy text. Pure Python: no Django imports.

`extract()` is the one entry point for files: it checks the bytes are what their name claims
(judged from magic bytes, not trusted from the name), refuses anything broken or hostile with an
`IngestError` whose message is fit to show an admin, and returns the normalised text that every
evidence offset points into. `from_text()` does the same for pasted text.

Shape of the text, whatever the format (see `normalise` for the character-level rules):
- blocks (paragraphs, headings, lists, tables) are separated by exactly one blank line;
- a heading is a line of its own, with no marker;
- a list item is one line: "• " in unordered HTML lists and all DOCX lists, "1. " (or "a. ",
  "iv. " as the list says) in ordered HTML lists; items of one list are on consecutive lines;
- a table row is one line, its non-empty cells joined by " | ";
- PDF lines are rejoined into paragraphs, words hyphenated at a line end are made whole (a
  compound such as "third-party" keeps its hyphen), lines starting with a printed marker ("•",
  "1.", "(a)", "2.1") stay lines of their own, page numbers and running headers are dropped,
  and ligature characters from PDF fonts ("ﬁ") become plain letters;
- plain text keeps its own lines: only the character-level normalisation applies, so shop
  navigation at the top of a scraped .txt stays (skipping it is the parser's job);
- an address the page hid ("[email protected]") stays as that literal text;
- Markdown (.md, .markdown) takes the same shape as HTML, read by markdown-it-py: no "#", "*",
  "**" or "[text](url)" is left, and a web, e-mail or phone link keeps its address in brackets
  after its text ("our form (https://…)").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from policies.ingest.docx import docx_to_text
from policies.ingest.errors import IngestError
from policies.ingest.html import html_to_text
from policies.ingest.limits import MAX_TEXT_CHARS, TOO_MUCH_TEXT
from policies.ingest.markdown import markdown_to_text
from policies.ingest.normalise import normalise
from policies.ingest.pdf import pdf_to_text
from policies.ingest.sniff import (
    ACCEPTED,
    ACCEPTED_LIST,
    binary_kind,
    extension_of,
    guess_extension,
    has_markup,
    is_pdf,
    is_zip,
    looks_like_html_document,
)
from policies.ingest.text import decode

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "Extracted",
    "IngestError",
    "extract",
    "from_text",
    "normalise",
]

EXTRACTOR_VERSION = "1.0"
MAX_BYTES = 10 * 1024 * 1024

_log = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W\d_]{2,}")
_META_CHARSET = re.compile(rb"<meta[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.I)
_MEDIA_TYPES = {
    "txt": "text/plain",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown",
}
_ALIASES = {"htm": "html", "markdown": "md"}
UNREADABLE = "The file could not be read."


@dataclass(frozen=True)
class Extracted:
    text: str
    media_type: str
    extension: str  # one of "txt", "md", "html", "pdf", "docx" (".htm" is "html", ".markdown" is "md")


def extract(data: bytes, filename: str = "") -> Extracted:
    """The policy text in `data`; `filename` (its extension) says what the bytes must be.

    Without a filename, or with a name that has no extension, the type is judged from the bytes.
    """
    data = bytes(data)
    if not data:
        raise IngestError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(f"The file is {len(data) / 1024 / 1024:.1f} MB; files up to 10 MB are accepted.")
    named = extension_of(filename)
    if named and named not in ACCEPTED:
        raise IngestError(f"Files of type .{named} are not accepted. Accepted types: {ACCEPTED_LIST}.")
    kind = _ALIASES.get(named, named) or guess_extension(data)
    _check_content_matches(data, kind, named)
    try:
        text = _extract_as(data, kind)
    except IngestError:
        raise
    except Exception as exc:  # a bug of ours or a parser's must still reach the admin as a plain refusal
        _log.warning("unexpected failure extracting %s", filename or "an upload", exc_info=True)
        raise IngestError(UNREADABLE) from exc
    return _finish(text, kind)


def from_text(raw: str, *, markdown: bool = False) -> Extracted:
    """Pasted text: normalised and checked like a .txt upload (or a .md one with `markdown`)."""
    if len(raw) > MAX_BYTES or len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise IngestError("The text is longer than 10 MB.")
    if markdown:
        return _finish(markdown_to_text(raw), "md")
    return _finish(raw, "txt")


def _finish(text: str, kind: str) -> Extracted:
    text = normalise(text)
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(TOO_MUCH_TEXT)
    if _WORD.search(text) is None:
        raise IngestError("The document contains no words, only numbers, punctuation or blank space.")
    return Extracted(text=text, media_type=_MEDIA_TYPES[kind], extension=kind)


def _check_content_matches(data: bytes, kind: str, named: str) -> None:
    shown = f".{named}" if named else kind
    if kind == "pdf" and not is_pdf(data):
        raise IngestError(_mismatch(data, shown, "a PDF"))
    if kind == "docx" and not is_zip(data):
        raise IngestError(_mismatch(data, shown, "a .docx document"))
    if kind in ("txt", "md", "html"):
        found = binary_kind(data)
        if found:
            raise IngestError(f"The file is named {shown} but is {found}, not text.")
    if kind in ("txt", "md") and looks_like_html_document(data):
        raise IngestError(f"The file is named {shown} but is an HTML page. Upload it with the .html extension.")


def _mismatch(data: bytes, shown: str, wanted: str) -> str:
    found = binary_kind(data)
    if found.startswith("an old-style Office"):
        found = "an old-style Word document (.doc) or a password-protected Office file"
    return f"The file is named {shown} but is not {wanted}" + (f": it is {found}." if found else ".")


def _extract_as(data: bytes, kind: str) -> str:
    if kind == "pdf":
        return pdf_to_text(data)
    if kind == "docx":
        return docx_to_text(data)
    if kind == "html":
        declared = _META_CHARSET.search(data[:4096])
        text = decode(data, declared.group(1).decode("ascii") if declared else "")
        if not has_markup(text):
            return text  # plain text saved as .html: its lines are its structure
        return html_to_text(text)
    if kind == "md":
        return markdown_to_text(decode(data))
    return decode(data)
