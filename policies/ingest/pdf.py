"""PDF to text with pypdf. pypdf meets hostile files with every kind of exception; all become IngestError."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from policies.ingest.errors import IngestError
from policies.ingest.limits import MAX_TEXT_CHARS, TOO_MUCH_TEXT
from policies.ingest.reflow import reflow_pages

MAX_PAGES = 500  # no privacy policy is longer; a file with more pages is built to stall us

# pypdf logs every repair it makes to a damaged file; those are not ours to report.
logging.getLogger("pypdf").setLevel(logging.ERROR)

ENCRYPTED = "The PDF is encrypted (password-protected), so its text cannot be read. Upload an unprotected copy."


def pdf_to_text(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise IngestError(ENCRYPTED)
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise IngestError(f"The PDF has {count:,} pages; at most {MAX_PAGES:,} are accepted.")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1])
            if total > MAX_TEXT_CHARS:
                raise IngestError(TOO_MUCH_TEXT)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises anything from KeyError to RecursionError on broken files
        raise IngestError("The PDF is damaged and could not be read.") from exc
    if not any(page.strip() for page in pages):
        raise IngestError(
            "The PDF contains no text that can be extracted (it may be scanned images). Upload a text version."
        )
    return reflow_pages(pages)


def _opens_without_password(reader) -> bool:
    """Many PDFs are encrypted only against editing: anyone may open them with the empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported cipher, missing crypto library, broken encryption dictionary
        return False
