"""The card parser: normalised policy text in, an evidence-backed card out.

Pure Python with no Django imports, so it is fast to test and can run anywhere. `summarize`
gives the card's JSON form (the contract); `summarize_card` the same card as the typed `Card`.
"""

from __future__ import annotations

from summaries.parser.card import PARSER_VERSION, summarize, warm_up
from summaries.parser.classify import classify_passage
from summaries.parser.model import Card


def summarize_card(text: str) -> Card:
    """The typed card for one policy version's normalised text."""
    return Card.model_validate(summarize(text))


__all__ = ["PARSER_VERSION", "Card", "classify_passage", "summarize", "summarize_card", "warm_up"]
