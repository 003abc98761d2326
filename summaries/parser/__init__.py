"""The card parser: normalised policy text in, an evidence-backed card out.

Pure Python with no Django imports, so it is fast to test and can run anywhere.
"""

from __future__ import annotations

from summaries.parser.card import PARSER_VERSION, summarize
from summaries.parser.classify import classify_passage

__all__ = ["PARSER_VERSION", "classify_passage", "summarize"]
