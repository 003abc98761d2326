"""Company: the latest card, section by section, every fact with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from pages import card_display
from pages.templatetags.fineprint import warning_text
from pages.views.render import render_page
from policies.models import Company, PolicyVersion, Sector
from reviews.reviewed import ReviewedAge, ReviewedCard, ReviewedDoNotTrack, reviewed_card
from reviews.state import public_badges
from summaries.models import Summary
from summaries.parser import codes
from summaries.parser.model import Evidence

FACT_ICONS = {
    "do_not_track": "signal",
    "children_min_age": "child",
    "retention": "archive",
    "security": "shield",
    "changes_notice": "bell",
    "international": "globe",
}


@dataclass(frozen=True)
class FactRow:
    """One row of "The facts": the fact's words, its quotes and, for the two a person can check, its marks."""

    name: str
    icon: str
    label: str
    value: str
    stated: bool
    evidence: list[Evidence]
    checkable: bool
    review: str | None
    checked_on: str | None


def card_facts(card: ReviewedCard) -> list[FactRow]:
    rows = []
    for name in codes.Fact:
        fact = getattr(card.facts, name)
        marked = fact if isinstance(fact, ReviewedDoNotTrack | ReviewedAge) else None  # the two a person checks
        rows.append(
            FactRow(
                name=name.value,
                icon=FACT_ICONS.get(name, "document"),
                label=name.label,
                value=codes.describe_fact(name, fact.model_dump()),
                stated=fact.value not in (None, "not_stated"),
                evidence=fact.evidence,
                checkable=marked is not None,
                review=marked.review if marked else None,
                checked_on=marked.checked_on if marked else None,
            )
        )
    return rows


def card_context(card: ReviewedCard, version: PolicyVersion) -> dict[str, Any]:
    """What the company page shows of a card, beside the card itself."""
    return {
        "card": card,
        # The reviewed card's badges, so a person's correction shows here as it does in browse.
        "badges": {k.removeprefix("badge_"): v for k, v in public_badges(card).items()},
        "facts": card_facts(card),
        "contacts": card_display.split_contacts(card.contacts),
        "policy_date": card_display.policy_date(card, version.effective_date),
        "warnings": [warning_text(w) for w in card.warnings],
    }


@require_safe
def company(request: HttpRequest, slug: str) -> HttpResponse:
    found = Company.objects.public().select_related("current_version", "card_review").defer("current_version__text")
    obj = get_object_or_404(found, slug=slug)
    review = getattr(obj, "card_review", None)
    version = obj.current_version
    summary = Summary.objects.newest_of(version) if version else None
    held = bool(review and review.held)
    if held:  # an admin keeps this card off public pages until it is checked
        summary = None
    context = {
        "page_title": obj.name,
        "company": obj,
        "sector_label": dict(Sector.choices).get(obj.sector, obj.sector),
        "version": version,
        "summary": summary,
        "held": held,
        "last_checked": review.last_checked_at if review else None,
    }
    if version is not None and summary is not None:
        context.update(card_context(reviewed_card(version, summary), version))
    return render_page(request, "pages/company.html", context)
