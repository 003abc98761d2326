"""Normalisation: the last step every input goes through, so all evidence offsets share one form.

The text stays as a reader sees it (NFC, not NFKC: ligatures, full-width forms and superscripts
are left alone). Only what a reader cannot see is changed: line-ending variants, runs of
horizontal white space, invisible format characters and control characters.
"""

from __future__ import annotations

import re
import unicodedata

# Characters a reader never sees; removing them keeps quotes searchable ("pri\u00advacy").
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\ufffe"
# Unicode category Zs except the plain space: the no-break space and typographic spaces.
_OTHER_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

# Every way of ending a line that Unicode and old systems know ("\r\n" is handled first).
_LINE_BREAK = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# C0 and C1 controls (but tab and the line breaks above) and invisible format characters.
_DROPPED = re.compile(f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_INVISIBLE}]+")
# Runs of horizontal space that are not already a single plain space.
_SPACE_RUN = re.compile(f"[{_OTHER_SPACES}][ {_OTHER_SPACES}]*| [ {_OTHER_SPACES}]+")
_EDGE_SPACES = re.compile(r" +\n *|\n +")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, "\\n" line endings, single spaces, trimmed lines, at most one blank line in a row."""
    text = _LINE_BREAK.sub("\n", text.replace("\r\n", "\n"))
    text = _DROPPED.sub("", text)
    # NFC after the removals, so a mark left beside its base by a dropped character composes.
    text = unicodedata.normalize("NFC", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _EDGE_SPACES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip(" \n")
