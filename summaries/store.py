"""Storing cards beside the versions they summarise."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from policies.models import PolicyVersion
from summaries.models import Summary
from summaries.parser import PARSER_VERSION, Card, summarize


def store_card(version: PolicyVersion, card: Card | dict[str, Any]) -> Summary:
    """Add the card, or replace the one the same parser version made before.

    The card is checked against the typed model first (`pydantic.ValidationError` when it breaks
    the contract), so a malformed card never reaches the public pages; what is stored is the
    model's JSON form, which for a valid card is the parser's dict key for key.
    """
    typed = card if isinstance(card, Card) else Card.model_validate(card)
    summary, _ = Summary.objects.update_or_create(
        version=version,
        parser_version=typed.parser_version or PARSER_VERSION,
        defaults={"card": typed, "created_at": timezone.now()},  # Summary.save stores its JSON form
    )
    return summary


def summarize_version(version: PolicyVersion) -> Summary:
    return store_card(version, summarize(version.text))
