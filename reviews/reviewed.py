"""The reviewed card: a version's machine card with people's decisions applied, and its grade.

Pages, the JSON API and the feeds read cards through `reviewed_card`, so what a visitor sees
and what the API says can never disagree. `ReviewedCard` is the typed `Card` with people's marks
as typed fields: `review` and `checked_on` on every fact a person can check, the decisions'
states in `reviews`, and the `grade`; its `as_json()` is the card JSON the API sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from policies.models import PolicyVersion
from reviews import facts, rubric
from reviews.models import Action, Decision
from summaries.models import Summary
from summaries.parser import Card
from summaries.parser.model import (
    AgeFact,
    ChoiceItem,
    Collection,
    Contact,
    DoNotTrackFact,
    Evidence,
    Facts,
    How,
    SellsData,
    Sharing,
)

_STATE = {Action.CONFIRM: facts.CONFIRMED, Action.REJECT: facts.REJECTED}

# What a visitor is told about a fact: read by the parser, checked by a person, or out of date.
Review = Literal["machine", "confirmed", "corrected", "needs_review"]


# Each checkable part with its marks, declared after the part's own fields so its JSON keeps the
# order `facts.apply` writes: the fact's keys, then `review`, then `checked_on` (the API's bytes).
# `key` is the fact's identity, as decisions and report links name it.
class ReviewedCollection(Collection):
    review: Review = facts.MACHINE
    checked_on: str | None = None

    @property
    def key(self) -> str:
        return facts.fact_key("collected", self.type)


class ReviewedSharing(Sharing):
    review: Review = facts.MACHINE
    checked_on: str | None = None

    @property
    def key(self) -> str:
        return facts.fact_key("shared", self.recipient)


class ReviewedChoice(ChoiceItem):
    review: Review = facts.MACHINE
    checked_on: str | None = None

    @property
    def key(self) -> str:
        return facts.fact_key("choices", self.type)


class ReviewedContact(Contact):
    review: Review = facts.MACHINE
    checked_on: str | None = None

    @property
    def key(self) -> str:
        return facts.fact_key("contacts", self.kind, self.normalized or self.value)


class ReviewedSells(SellsData):
    review: Review = facts.MACHINE
    checked_on: str | None = None


class ReviewedDoNotTrack(DoNotTrackFact):
    review: Review = facts.MACHINE
    checked_on: str | None = None


class ReviewedAge(AgeFact):
    review: Review = facts.MACHINE
    checked_on: str | None = None


class ReviewedFacts(Facts):
    do_not_track: ReviewedDoNotTrack
    children_min_age: ReviewedAge


class Marks(BaseModel):
    """The marks of the policy's date, which the card keeps beside it (`effective_date_review`)."""

    model_config = ConfigDict(frozen=True)
    review: Review = facts.MACHINE
    checked_on: str | None = None


class Verdict(BaseModel):
    """A decision's state on this version (`rejected` too, which removes its fact) and its date."""

    model_config = ConfigDict(frozen=True)
    state: str
    checked_on: str


class GradePoint(BaseModel):
    """One rubric point that applies: `rubric.RULES`' code, words and weight, and the quotes it rests on."""

    model_config = ConfigDict(frozen=True)
    code: str
    label: str
    weight: int
    good: bool
    evidence: list[Evidence]


class Grade(BaseModel):
    """`rubric.grade`'s verdict: a letter, or None for "not enough information"."""

    model_config = ConfigDict(frozen=True)
    value: str | None
    score: int | None
    points: list[GradePoint]


@dataclass(frozen=True)
class Checkable:
    """One fact a person can check, whatever its section: what the review page lists and counts."""

    key: str
    value: Any  # a scalar's value or a contact's; None where the key names the code
    how: list[How]
    evidence: list[Evidence]
    review: Review
    checked_on: str | None


class ReviewedCard(Card):
    """The typed reviewed card: the card contract's fields with people's marks on each checkable fact,
    every decision's state by fact key (`reviews`) and the grade."""

    collected: list[ReviewedCollection]
    shared: list[ReviewedSharing]
    sells_data: ReviewedSells
    choices: list[ReviewedChoice]
    contacts: list[ReviewedContact]
    facts: ReviewedFacts
    effective_date_review: Marks
    reviews: dict[str, Verdict]
    grade: Grade

    def checkable(self) -> list[Checkable]:
        """Every fact a person can check, in `facts.iter_facts`' order (sections, then the scalars)."""
        found = [
            Checkable(item.key, None, [], item.evidence, item.review, item.checked_on)
            for item in (*self.collected, *self.shared)
        ]
        found += [Checkable(c.key, None, c.how, c.evidence, c.review, c.checked_on) for c in self.choices]
        found += [Checkable(c.key, c.value, [], c.evidence, c.review, c.checked_on) for c in self.contacts]
        for name, fact in (
            ("sells_data", self.sells_data),
            ("do_not_track", self.facts.do_not_track),
            ("children_min_age", self.facts.children_min_age),
        ):
            found.append(Checkable(name, fact.value, [], fact.evidence, fact.review, fact.checked_on))
        marks = self.effective_date_review
        found.append(
            Checkable(
                "effective_date", self.effective_date, [], self.effective_date_evidence, marks.review, marks.checked_on
            )
        )
        return found

    def flagged(self) -> dict[str, Verdict]:
        """The decisions whose quote is gone from this version: the facts that need a person again."""
        return {key: verdict for key, verdict in self.reviews.items() if verdict.state == facts.NEEDS_REVIEW}


# What `review` types the card with before the rubric grades it (replaced before the card leaves `review`).
_UNGRADED = {"value": None, "score": None, "points": []}


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


def review(card: dict[str, Any], version: PolicyVersion, decisions: dict[str, Decision] | None = None) -> ReviewedCard:
    """The stored card (its JSON form) with the decisions applied, typed once here.

    The decisions are applied to the JSON form because that is what they hold: a decision keeps
    the fact as it was and as it became (`before`/`after`) in the card's JSON, so a decision made
    under one parser version still applies after `reparse` whatever the model says then.
    """
    decisions = latest_decisions(version) if decisions is None else decisions
    reviewed = facts.apply(card, [resolve(d, version, card) for d in decisions.values()])
    # Typed once, then graded: the rubric reads the typed card, and its grade takes the placeholder's place.
    typed = ReviewedCard.model_validate({**reviewed, "grade": _UNGRADED})
    return typed.model_copy(update={"grade": Grade.model_validate(rubric.grade(typed))})


def reviewed_card(version: PolicyVersion | None, summary: Summary | None = None) -> ReviewedCard | None:
    """The card the public sees for a version, or None when it has no card yet."""
    if version is None:
        return None
    summary = summary or newest_summary(version)
    if summary is None:
        return None
    return review(summary.card, version)


def review_many(items: list[tuple[PolicyVersion, dict[str, Any]]], company_ids: list[int]) -> list[ReviewedCard]:
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
