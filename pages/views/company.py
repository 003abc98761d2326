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
            }
        )
    return rows


@require_safe
def company(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(
        Company.objects.public().select_related("current_version").defer("current_version__text"), slug=slug
    )
    version = obj.current_version
    summary = newest_summary(version) if version else None
    card: dict[str, Any] = summary.card if summary and isinstance(summary.card, dict) else {}
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
        "facts": card_facts(card),
        "contacts": card_display.split_contacts(card),
        "policy_date": card_display.policy_date(card, version.effective_date if version else None),
        "warnings": [lib.warning_text(w) for w in card.get("warnings") or []],
        "reading_minutes": stats.get("reading_minutes") or lib.reading_minutes(stats.get("words")),
        "stats": stats,
    }
    return render_page(request, "pages/company.html", context)
