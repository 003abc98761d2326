"""The reviewed card: a version's machine card with people's decisions applied, and its grade.

Pages, the JSON API and the feeds read cards through `reviewed_card`, so what a visitor sees
and what the API says can never disagree.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from policies.models import PolicyVersion
from reviews import facts, rubric
from reviews.models import Action, Decision
from summaries.models import Summary
from summaries.parser import Card

_STATE = {Action.CONFIRM: facts.CONFIRMED, Action.REJECT: facts.REJECTED}


class Grade(BaseModel):
    """`rubric.grade`'s verdict: a letter, or None for "not enough information"."""

    model_config = ConfigDict(frozen=True)
    value: str | None
    score: int | None
    points: list[dict[str, Any]]


class ReviewedCard(Card):
    """The typed reviewed card: the card contract's fields, people's marks on each fact (`review`,
    `checked_on`, kept as extra fields) and the grade."""

    grade: Grade


def newest_summary(version: PolicyVersion) -> Summary | None:
    return Summary.objects.filter(version=version).order_by("-created_at", "-pk").first()


def latest_decisions(version: PolicyVersion) -> dict[str, Decision]:
    """The newest decision on each fact made on this version or an earlier one."""
    latest: dict[str, Decision] = {}
    for decision in Decision.objects.up_to(version).select_related("version"):
        latest[decision.fact_key] = decision
    return latest


def _bare(value: dict[str, Any] | None) -> Any:
    return {k: v for k, v in (value or {}).items() if k not in ("evidence", "review", "checked_on")} or None


def resolve(decision: Decision, version: PolicyVersion, card: dict[str, Any]) -> facts.Applied:
    """How a decision applies to `version`: directly, re-anchored in a later text, or flagged."""
    on = decision.decided_at.date().isoformat()
    state = _STATE.get(decision.action, facts.CORRECTED)
    if decision.version_id == version.pk:
        return facts.Applied(decision.fact_key, state, decision.after, on)
    anchor = decision.after if decision.after is not None else decision.before
    if facts.quotes_of(anchor):
        moved = facts.reanchor(anchor or {}, version.text)
        if moved is None:
            return facts.Applied(decision.fact_key, facts.NEEDS_REVIEW, None, on)
        return facts.Applied(decision.fact_key, state, moved if decision.after is not None else None, on)
    # A decision without a quote ("does not say") holds while the machine still reads the same.
    if _bare(facts.fact_of(card, decision.fact_key)) == _bare(decision.before):
        return facts.Applied(decision.fact_key, state, decision.after, on)
    return facts.Applied(decision.fact_key, facts.NEEDS_REVIEW, None, on)


def review(
    card: dict[str, Any], version: PolicyVersion, decisions: dict[str, Decision] | None = None
) -> dict[str, Any]:
    decisions = latest_decisions(version) if decisions is None else decisions
    reviewed = facts.apply(card, [resolve(d, version, card) for d in decisions.values()])
    reviewed["grade"] = rubric.grade(reviewed)
    return reviewed


def reviewed_card(version: PolicyVersion | None, summary: Summary | None = None) -> dict[str, Any] | None:
    """The card the public sees for a version, or None when it has no card yet."""
    if version is None:
        return None
    summary = summary or newest_summary(version)
    if summary is None or not isinstance(summary.card, dict):
        return None
    return review(summary.card, version)


def typed_review_many(items: list[tuple[PolicyVersion, dict[str, Any]]], company_ids: list[int]) -> list[ReviewedCard]:
    """`review_many`, each card typed."""
    return [ReviewedCard.model_validate(card) for card in review_many(items, company_ids)]


def review_many(items: list[tuple[PolicyVersion, dict[str, Any]]], company_ids: list[int]) -> list[dict[str, Any]]:
    """Several versions' reviewed cards with one query for the decisions of all `company_ids`.

    The caller passes every company on its page, so the page runs that one query whether or
    not each company has a card yet.
    """
    found = Decision.objects.filter(company_id__in=company_ids).select_related("version")
    by_company: dict[int, list[Decision]] = {}
    for decision in found.order_by("decided_at", "pk"):
        by_company.setdefault(decision.company_id, []).append(decision)
    out = []
    for version, card in items:
        latest = {
            d.fact_key: d for d in by_company.get(version.company_id, []) if d.version.sequence <= version.sequence
        }
        out.append(review(card, version, latest))
    return out


def states(card: dict[str, Any]) -> list[str]:
    """The review state of every visible fact of a reviewed card."""
    return [str((value or {}).get("review", facts.MACHINE)) for _, value in facts.iter_facts(card)]
