"""Pure helpers for the public pages: labels for card codes (the words live on `codes`),
highlighting and a readable text diff. Query strings are read by `pages.forms`.

No Django imports, so every rule here is tested without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from summaries.parser import codes

# The text diff lives in summaries.textdiff (bounded cost); the pages read it from here.
from summaries.textdiff import Segment as Segment
from summaries.textdiff import TextDiff as TextDiff
from summaries.textdiff import split_units as split_units
from summaries.textdiff import text_diff as text_diff

WARNING_LABELS: dict[str, str] = {
    "not_a_privacy_policy": "This document may not be a privacy policy, so the card may be incomplete or wrong.",
}


def label(vocabulary: type[codes.Code], code: Any) -> str:
    """A code's label, or the code made readable when a newer parser adds one we don't know."""
    if code is None:
        return ""
    member = vocabulary.words(code)
    return member.label if member is not None else str(code).replace("_", " ").capitalize()


def fact_value_label(name: str, fact: Mapping[str, Any] | None) -> str:
    fact = fact or {}
    value = fact.get("value")
    if name == codes.Fact.CHILDREN_MIN_AGE:
        return f"{value} or older" if value else "Does not say"
    text = label(codes.FACT_VALUES.get(name, codes.Code), value) if value is not None else "Does not say"
    if name == codes.Fact.RETENTION and fact.get("text"):
        text = f"{text}: {fact['text']}"
    return text


def warning_text(warning: Any) -> str:
    if isinstance(warning, dict):
        code = str(warning.get("code") or "")
        return WARNING_LABELS.get(code) or str(warning.get("message") or code.replace("_", " "))
    text = str(warning)
    return WARNING_LABELS.get(text, text)


def highlight(text: str, span: tuple[int, int] | None) -> list[Segment]:
    if span is None:
        return [Segment("text", text)]
    start, end = span
    return [Segment("text", text[:start]), Segment("mark", text[start:end]), Segment("text", text[end:])]


def reading_minutes(words: Any) -> int | None:
    try:
        count = int(words)
    except (TypeError, ValueError):
        return None
    return max(1, round(count / 238)) if count > 0 else None
