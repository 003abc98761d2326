"""Sentences and evidence quotes: every fact on a card points back into the text."""

from __future__ import annotations

from summaries.parser.sentences import sentences
from summaries.parser.types import Evidence

# Sentences are cut where `summaries.parser.sentences` says; this module's readers import them from here.
__all__ = ["evidence", "sentence_evidence", "sentences"]


def evidence(text: str, start: int, end: int) -> Evidence:
    """An evidence object whose quote is exactly text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    return {"quote": text[start:end], "start": start, "end": end}


def sentence_evidence(text: str, position: int) -> Evidence:
    """The evidence for the whole sentence that contains `position`."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    for s, e in sentences(text, line_start, line_end):
        if s <= position < e:
            return evidence(text, s, e)
    return evidence(text, line_start, line_end)
