"""Recording a policy version together with its card: the way every caller adds a version.

Summarising happens here, a layer above the archive: the parser runs once, outside the
lock, and only when the text differs from the latest version; the card's effective date goes
on the version and the card is stored in the archive's transaction.
"""

from __future__ import annotations

from typing import Any

from policies.archive import Recorded, archive_version, unchanged_latest
from policies.ingest import Extracted
from policies.models import Company
from summaries.parser import summarize
from summaries.store import store_card


def record_version(
    company: Company, extracted: Extracted, *, original: bytes, card: dict[str, Any] | None = None, **options: Any
) -> Recorded:
    """Record `extracted` as the company's next version (with its card) unless it equals the latest.

    `card`, when given, is the parser's card of this very text (a caller that needed it first
    passes it on, so the policy is parsed once); `options` go to `archive_version`.
    """
    latest = unchanged_latest(company, extracted.text)
    if latest is not None:
        return Recorded(latest, False)  # the common case for re-checks: no lock, no parse
    if card is None:
        card = summarize(extracted.text)
    return archive_version(
        company,
        extracted,
        original=original,
        effective_date=card.get("effective_date"),
        on_created=lambda version: store_card(version, card),
        **options,
    )
