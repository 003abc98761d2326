"""Company: the latest card, section by section, every fact with its evidence."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from pages import card_display, lib
from pages.queries import newest_summary
from pages.views.render import render_page
from policies.models import Company, Sector
from reviews import facts as review_facts
from reviews.reviewed import reviewed_card
from reviews.state import public_badges
from summaries.parser import codes

FACT_ICONS = {
    "do_not_track": "signal",
    "children_min_age": "child",
    "retention": "archive",
    "security": "shield",
    "changes_notice": "bell",
    "international": "globe",
}


def card_facts(card: dict[str, Any]) -> list[dict[str, Any]]:
    facts = card.get("facts") or {}
    rows = []
    for name in codes.Fact:
        fact = facts.get(name) if isinstance(facts.get(name), dict) else {}
        rows.append(
            {
                "name": name.value,
                "icon": FACT_ICONS.get(name, "document"),
                "label": name.label,
                "value": lib.fact_value_label(name, fact),
                "stated": fact.get("value") not in (None, "not_stated"),
                "evidence": [e for e in fact.get("evidence") or [] if isinstance(e, dict)],
                "checkable": name in review_facts.FACTS_BLOCK,
                "review": fact.get("review"),
                "checked_on": fact.get("checked_on"),
            }
        )
    return rows


@require_safe
def company(request: HttpRequest, slug: str) -> HttpResponse:
    found = Company.objects.public().select_related("current_version", "card_review").defer("current_version__text")
    obj = get_object_or_404(found, slug=slug)
    review = getattr(obj, "card_review", None)
    version = obj.current_version
    summary = newest_summary(version) if version else None
    held = bool(review and review.held)
    if held:  # an admin keeps this card off public pages until it is checked
        summary = None
    card: dict[str, Any] = reviewed_card(version, summary) or {} if summary else {}
    for section in review_facts.LIST_SECTIONS:
        for entry in card.get(section) or []:
            entry["key"] = review_facts.entry_key(section, entry)
    stats = card.get("stats") or {}
    context = {
        "page_title": obj.name,
        "company": obj,
        "sector_label": dict(Sector.choices).get(obj.sector, obj.sector),
        "version": version,
        "summary": summary,
        "card": card,
        "sells": (card.get("sells_data") or {}).get("value") or "not_stated",
        "sells_evidence": (card.get("sells_data") or {}).get("evidence") or [],
        "sells_review": card.get("sells_data") or {},
        "effective_review": card.get("effective_date_review") or {},
        "held": held,
        # The reviewed card's badges, so a person's correction shows here as it does in browse.
        "badges": {k.removeprefix("badge_"): v for k, v in public_badges(card).items()},
        "last_checked": review.last_checked_at if review else None,
        "grade": card.get("grade"),
        "facts": card_facts(card),
        "contacts": card_display.split_contacts(card),
        "policy_date": card_display.policy_date(card, version.effective_date if version else None),
        "warnings": [lib.warning_text(w) for w in card.get("warnings") or []],
        "reading_minutes": stats.get("reading_minutes") or lib.reading_minutes(stats.get("words")),
        "stats": stats,
    }
    return render_page(request, "pages/company.html", context)
