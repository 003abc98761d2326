"""Storing cards beside the versions they summarise."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from policies.models import PolicyVersion
from summaries.models import Summary
from summaries.parser import PARSER_VERSION, summarize


def store_card(version: PolicyVersion, card: dict[str, Any]) -> Summary:
    """Add the card, or replace the one the same parser version made before."""
    summary, _ = Summary.objects.update_or_create(
        version=version,
        parser_version=card.get("parser_version", PARSER_VERSION),
        defaults={"card": card, "created_at": timezone.now()},
    )
    return summary


def summarize_version(version: PolicyVersion) -> Summary:
    return store_card(version, summarize(version.text))
