"""Bytes to str for plain text and HTML: BOMs, UTF-8, UTF-16/32, legacy code pages; binary refused.

Order matters and is fixed, so the same bytes always give the same text: a byte-order mark
wins, then strict UTF-8, then a charset the document declares (HTML only), then UTF-8 with a
few broken sequences (replaced by U+FFFD), then UTF-16/32 recognised by its zero bytes, then
Windows-1252 when the result reads as a Western language, and only then charset-normalizer.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from policies.ingest.errors import IngestError

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters that Western text in Windows-1252 plausibly holds beyond ASCII: typographic
# punctuation and symbols. Accented letters are counted separately.
_WESTERN_SYMBOLS = frozenset("\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷€‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜™›œŸ")
# Share of binary control characters above which "text" is really something else.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

# Valid multi-byte UTF-8 characters needed per broken sequence to call the file UTF-8.
_MIN_VALID_UTF8 = 20

# The WHATWG Encoding Standard decodes these labels as windows-1252, and so do browsers.
_AS_WINDOWS_1252 = frozenset({"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "cp819"})


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def decode(data: bytes, declared: str = "") -> str:
    """Decode `data` or raise IngestError; `declared` is a charset the document names for itself."""
    text = _decode(data, declared)
    if text is None:
        raise IngestError(
            "The file's characters could not be decoded: it is not text in any encoding we recognise. "
            "Save it as UTF-8 text and upload it again."
        )
    refuse_binary(text)
    return text


def refuse_binary(text: str) -> None:
    if "\x00" in text:
        raise IngestError("The file contains binary data (NUL bytes), not text.")
    controls = len(_CONTROL.findall(text, 0, 1_000_000))
    if controls and controls > _MAX_CONTROL_SHARE * min(len(text), 1_000_000):
        raise IngestError("The file contains binary data (control characters), not text.")


def _decode(data: bytes, declared: str) -> str | None:
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        return _strict(data[skip:], encoding)
    # Bytes that are valid UTF-8 are UTF-8, whatever a page claims: legacy text almost never is.
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    if declared:
        text = _strict(data, _canonical(declared))
        if text is not None:
            return text
    text = _mostly_utf8(data)
    if text is not None:
        return text
    encoding = _utf16_or_32_without_bom(data)
    if encoding:
        return _strict(data, encoding)
    text = _strict(data, "cp1252")
    if text is not None and _reads_as_western(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        return None
    return _strict(data, best.encoding)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a file cut mid-character, a stray byte) stays UTF-8.

    Reading it as Windows-1252 instead would turn every accented letter into mojibake ("fÃ¼r").
    """
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    whole = len(text) - len(text.encode("ascii", "ignore")) - broken
    return text if whole >= 2 and broken <= max(1, whole // _MIN_VALID_UTF8) else None


def _canonical(label: str) -> str:
    label = label.strip().lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    # A page that declares UTF-16 in an ASCII-compatible meta tag cannot really be UTF-16.
    return "" if name.startswith(("utf-16", "utf-32")) else name


def _utf16_or_32_without_bom(data: bytes) -> str | None:
    """UTF-16/32 of mostly Latin text has a zero byte in a fixed position of every code unit."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    if len(sample) % 4 == 0:
        units = [sample[i : i + 4] for i in range(0, len(sample), 4)]
        if sum(unit[1:] == b"\0\0\0" for unit in units) > 0.9 * len(units):
            return "utf-32-le"
        if sum(unit[:3] == b"\0\0\0" for unit in units) > 0.9 * len(units):
            return "utf-32-be"
    if len(data) % 2:
        return None
    pairs = len(sample) // 2
    zeros_even = sum(1 for i in range(0, len(sample) - 1, 2) if sample[i] == 0)
    zeros_odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    if zeros_odd > 0.6 * pairs and zeros_even < 0.05 * pairs:
        return "utf-16-le"
    if zeros_even > 0.6 * pairs and zeros_odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _reads_as_western(text: str) -> bool:
    """Windows-1252 text in a Western language: few accented letters, no stray symbols.

    Cyrillic or Greek bytes also decode as Windows-1252, but then nearly every letter is an
    accented Latin one; Central European text brings symbols such as "¹" or "³" for its letters.
    """
    letters = accented = 0
    for char in text[:200_000]:
        if char.isascii():
            letters += char.isalpha()
        elif char.isalpha() and char not in "ƒªºµ":
            letters += 1
            accented += 1
        elif char not in _WESTERN_SYMBOLS:
            return False
    return letters > 0 and accented <= 0.25 * letters
