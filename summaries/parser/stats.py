"""Length and reading difficulty of a policy.

The grade level is textstat's Flesch-Kincaid grade. It is computed with pyphen's English
hyphenation ("en-US" with a hyphen): textstat's "en_US" path looks words up in NLTK's CMU
dictionary and downloads it on first use, which a parser must never do. On long policies the
grade comes from evenly spaced slices of the text, so the cost stays flat however long it is.
"""

from __future__ import annotations

import math
import re
from typing import Any

WORDS_PER_MINUTE = 238
_SAMPLE_CHARS = 2_400
_SLICES = 6
_TEXTSTAT_LANG = "en-US"
_MAX_WORD = 30
_LONG_WORD = re.compile(rf"\S{{{_MAX_WORD + 1},}}")


def _reader() -> Any:
    from textstat import textstat

    reader = type(textstat)()
    reader.set_lang(_TEXTSTAT_LANG)
    return reader


_READER = None


_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z])|\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sample(text: str) -> str:
    """Evenly spaced runs of whole sentences: cut sentences would read as short, easy ones."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    size = _SAMPLE_CHARS // _SLICES
    step = (len(text) - size) / (_SLICES - 1)
    parts = []
    for i in range(_SLICES):
        start = int(i * step)
        if i:
            found = _SENTENCE_START.search(text, start, start + size // 2)
            start = found.end() if found else text.find(" ", start) + 1
        ends = [m.end() for m in _SENTENCE_END.finditer(text, start + size // 3, start + size)]
        end = ends[-1] if ends else text.rfind(" ", start, start + size)
        parts.append(text[start : end if end > start else start + size])
    return "\n".join(parts)


def grade_level(text: str) -> float | None:
    global _READER
    # Hyphenation time grows steeply with word length; no real word is longer than this.
    sample = _LONG_WORD.sub(lambda m: m.group(0)[:_MAX_WORD], _sample(text))
    if not re.search(r"[^\W\d_]{2,}", sample):
        return None
    try:
        if _READER is None:
            _READER = _reader()
        grade = float(_READER.flesch_kincaid_grade(sample))
    except Exception:  # a readability score is never worth a failed card
        return None
    if math.isnan(grade) or math.isinf(grade):
        return None
    return max(0.0, round(grade, 1))


def compute_stats(text: str) -> dict[str, Any]:
    words = len(text.split())  # the runs of \S, as re's \s and str.isspace agree on every character
    minutes = max(1, round(words / WORDS_PER_MINUTE)) if words else 0
    return {"words": words, "reading_minutes": minutes, "grade_level": grade_level(text) if words else None}
