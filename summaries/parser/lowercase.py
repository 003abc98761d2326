"""Lower-casing that keeps offsets: what is found in the lowered text holds in the original."""

from __future__ import annotations

_last: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """text.lower() with the same length; the last one is remembered, as several scans lower one text."""
    global _last
    cached = _last  # one read of an immutable pair: safe when cards are built in threads
    if cached[0] is text:
        return cached[1]
    low = text.lower()
    if len(low) != len(text):  # a few letters ("İ") grow when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    _last = (text, low)
    return low
