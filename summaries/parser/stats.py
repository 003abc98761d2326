"""Length and reading difficulty of a policy.

The grade level is the Flesch-Kincaid grade, 0.39 × words per sentence + 11.8 × syllables per
word − 15.59, counted as textstat 0.7.13 counts them (its words, sentences and pyphen syllables;
`tests/parser/test_stats.py` holds cases computed with it). textstat itself is not used: it
imports NLTK, which imports SciPy and scikit-learn, 2 s and about 100 MB in every process that
parses, for one formula. Syllables come from pyphen's English hyphenation ("en-US"), never a
dictionary download. On long policies the grade comes from evenly spaced slices of the text, so
the cost stays flat however long it is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pyphen import Pyphen

from summaries.parser.sentences import boundaries, stop_of

WORDS_PER_MINUTE = 238
_SAMPLE_CHARS = 2_400
_SLICES = 6
_HYPHENATION_LANG = "en-US"
_MAX_WORD = 30
_LONG_WORD = re.compile(rf"\S{{{_MAX_WORD + 1},}}")


# textstat's definitions: an apostrophe survives only where it starts a contraction's ending
# ("don't", "we've"), every other non-word character is dropped, and a word is a run between spaces.
_NOT_CONTRACTION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
# A run up to its closing punctuation; runs of at most two words ("e.g.", "No. 5") are not sentences.
_FK_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@cache
def _hyphenator() -> Pyphen:
    return Pyphen(lang=_HYPHENATION_LANG)  # reads its dictionary once per process, on the first card


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).split()


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`, unrounded and unclamped (0.0 when it has no words)."""
    words = _words(text)
    runs = _FK_SENTENCE.findall(text)
    sentences = max(1, len(runs) - sum(1 for run in runs if len(_words(run)) <= 2)) if text else 0
    if not words or not sentences:
        return 0.0
    syllables = sum(len(_hyphenator().positions(word)) + 1 for word in " ".join(words).lower().split())
    return 0.39 * (len(words) / sentences) + 11.8 * (syllables / len(words)) - 15.59


def _sample(text: str) -> str:
    """Evenly spaced runs of whole sentences: cut sentences would read as short, easy ones (so a slice
    neither starts nor stops at an abbreviation's full stop, "e.g." or "Inc.")."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    size = _SAMPLE_CHARS // _SLICES
    step = (len(text) - size) / (_SLICES - 1)
    parts = []
    for i in range(_SLICES):
        start = int(i * step)
        if i:
            found = next(boundaries(text, start, start + size // 2), None)
            start = found.end() if found else text.find(" ", start) + 1
        ends = [stop_of(m) for m in boundaries(text, start + size // 3, start + size)]
        end = ends[-1] if ends else text.rfind(" ", start, start + size)
        parts.append(text[start : end if end > start else start + size])
    return "\n".join(parts)


def grade_level(text: str) -> float | None:
    # Hyphenation time grows steeply with word length; no real word is longer than this.
    sample = _LONG_WORD.sub(lambda m: m.group(0)[:_MAX_WORD], _sample(text))
    if not re.search(r"[^\W\d_]{2,}", sample):
        return None
    # Finite by construction (at least one word and one sentence); card.py's guard covers the rest.
    return max(0.0, round(flesch_kincaid_grade(sample), 1))


def compute_stats(text: str) -> dict[str, Any]:
    words = len(text.split())  # the runs of \S, as re's \s and str.isspace agree on every character
    minutes = max(1, round(words / WORDS_PER_MINUTE)) if words else 0
    return {"words": words, "reading_minutes": minutes, "grade_level": grade_level(text) if words else None}
