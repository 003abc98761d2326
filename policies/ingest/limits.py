"""Caps on what one document may turn into, whatever its format.

The byte limits stop big files; these stop small files that expand (a DOCX whose list markers
repeat a long label, a PDF whose pages share one content stream). No privacy policy comes near
them: the longest real ones are a few hundred thousand characters.
"""

from __future__ import annotations

MAX_TEXT_CHARS = 5_000_000
TOO_MUCH_TEXT = (
    f"The document holds more than {MAX_TEXT_CHARS // 1_000_000} million characters of text, far more than any "
    "policy, so it is refused."
)
