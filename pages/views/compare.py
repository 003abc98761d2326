"""Compare 2–4 companies side by side, one row per card code."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from pages.card_display import excerpt
from pages.forms import MAX_COMPARE, MIN_COMPARE, CompareForm
from pages.templatetags.fineprint import evidence_url
from pages.views.render import render_page
from policies.models import Company
from reviews.reviewed import ReviewedCard, review_many
from summaries.models import Summary
from summaries.parser import codes
from summaries.parser.codes import Code
from summaries.parser.model import Evidence

MAX_SUGGESTIONS = 8


# Rows whose difference changes a shopper's choice: selling, the recipients and data that put privacy at risk,
# the rights one acts on and Do Not Track. Other rows are shown without a "Differs" mark, so the mark means something.
MATTERS: set[str] = {
    "grade",
    "sells",
    codes.Recipient.ADVERTISERS,
    codes.Recipient.MARKETING_PARTNERS,
    codes.Recipient.SOCIAL_MEDIA,
    codes.Recipient.PUBLIC,
    codes.Recipient.FINANCING_PROVIDERS,
    codes.Collected.GOVERNMENT_ID,
    codes.Collected.FINANCIAL,
    codes.Collected.LOCATION,
    codes.Collected.HEALTH,
    codes.Collected.SENSITIVE,
    codes.Collected.BIOMETRIC,
    codes.Collected.INFERENCES,
    codes.Choice.OPT_OUT_SALE,
    codes.Choice.OPT_OUT_TARGETED_ADS,
    codes.Choice.OPT_OUT_MARKETING,
    codes.Choice.GLOBAL_PRIVACY_CONTROL,
    codes.Choice.ACCESS,
    codes.Choice.CORRECTION,
    codes.Choice.DELETION,
    codes.Choice.PORTABILITY,
    codes.Fact.DO_NOT_TRACK,
    codes.Fact.CHILDREN_MIN_AGE,
}


def _codes(card: ReviewedCard, section: str, key: str) -> dict[str, Evidence | None]:
    """Each code on the card with its first quote."""
    found: dict[str, Evidence | None] = {}
    for item in getattr(card, section):
        found.setdefault(str(getattr(item, key)), _first(item))
    return found


def _quote_of(col: dict[str, Any], evidence: Evidence | None) -> dict[str, Any] | None:
    """The quote a cell shows, with its link into the company's policy."""
    summary = col["summary"]
    if evidence is None or summary is None:
        return None
    url = evidence_url(col["company"].slug, summary.version.sequence, evidence.start, evidence.end)
    return {"text": excerpt(evidence.quote, 160), "url": url}


def _row(label: str, cells: list[dict[str, Any]], icon: str = "", code: str = "") -> dict[str, Any]:
    shown = [c for c in cells if c["card"]]
    values = {c["state"] + c["text"] for c in shown}
    differs = code in MATTERS and len(values) > 1
    if not differs:
        for cell in cells:
            cell["quote"] = None  # quotes explain a difference; elsewhere the company page has them
    return {"label": label, "icon": icon, "cells": cells, "differs": differs}


def _presence_rows(
    columns: list[dict[str, Any]], section: str, key: str, vocabulary: type[Code], yes: str, no: str, icons: bool
) -> list[dict[str, Any]]:
    present = [_codes(col["card"], section, key) if col["card"] is not None else {} for col in columns]
    union: set[str] = set().union(*present) if present else set()
    known = [member.value for member in vocabulary]
    order = [code for code in known if code in union] + sorted(union - set(known))
    rows = []
    for code in order:
        cells = []
        for col, found in zip(columns, present, strict=True):
            if code in found:
                cell = {"state": "yes", "text": yes, "quote": _quote_of(col, found[code])}
            elif section == "choices":
                cell = _missing_choice(col, code, no)
            else:
                cell = {"state": "no", "text": no, "quote": None}
            cells.append({**cell, "card": col["card"] is not None})
        rows.append(_row(vocabulary.label_of(code), cells, code if icons else "", code))
    return rows


def _missing_choice(col: dict[str, Any], code: str, no: str) -> dict[str, Any]:
    """A choice the card lacks is unknown, not a failing; an opt-out of sale is not needed by one that doesn't sell."""
    card: ReviewedCard | None = col["card"]
    if code == codes.Choice.OPT_OUT_SALE and card is not None and card.sells_data.value == codes.Sells.NO:
        quote = _quote_of(col, _first(card.sells_data))
        return {"state": "yes", "text": "Not needed: says it doesn't sell", "quote": quote}
    return {"state": "unknown", "text": no, "quote": None}


def _first(item: Any) -> Evidence | None:
    """The first quote of a card item (every item of the card has its `evidence` list)."""
    return item.evidence[0] if item.evidence else None


def build_matrix(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sections of rows; each cell has a state (yes/no/unknown/value), its text, and whether a card exists."""
    grade_cells = []
    for col in columns:
        card: ReviewedCard | None = col["card"]
        letter = card.grade.value if card else None
        text = f"Grade {letter}" if letter else "Not enough information"
        grade_cells.append({"state": "grade", "grade": letter, "text": text, "card": card is not None})
    sells_cells = []
    for col in columns:
        card = col["card"]
        value = card.sells_data.value if card else None
        state = {"yes": "no", "no": "yes"}.get(str(value), "unknown")  # "yes" is the good outcome for a shopper
        sells_cells.append(
            {
                "state": state,
                "text": codes.Sells.label_of(value or "not_stated"),
                "card": card is not None,
                "quote": _quote_of(col, _first(card.sells_data)) if card else None,
            }
        )
    fact_rows = []
    for name, title in ((fact.value, fact.label) for fact in codes.Fact):
        cells = []
        for col in columns:
            card = col["card"]
            fact = getattr(card.facts, name) if card else None
            stated = fact is not None and fact.value not in (None, "not_stated")
            cells.append(
                {
                    "state": "value" if stated else "unknown",
                    "text": codes.describe_fact(name, fact.model_dump(mode="json") if fact else None),
                    "card": card is not None,
                    "quote": _quote_of(col, _first(fact)) if stated else None,
                }
            )
        fact_rows.append(_row(title, cells, "", name))
    stats_rows = []
    for key, title, unit in (("words", "Length", " words"), ("grade_level", "Reading grade level", "")):
        cells = []
        for col in columns:
            card = col["card"]
            value = getattr(card.stats, key) if card else None
            text = f"{value}{unit}" if value is not None else "Not measured"
            cells.append({"state": "value", "text": text, "card": card is not None, "quote": None})
        stats_rows.append(_row(title, cells))
    choices = _presence_rows(columns, "choices", "type", codes.Choice, "Offered", "Not found", False)
    return [
        {"title": "Grade", "id": "grade", "rows": [_row("Our grade", grade_cells, "", "grade")]},
        {"title": "Selling your data", "id": "sells", "rows": [_row("Sells your data?", sells_cells, "sell", "sells")]},
        {
            "title": "What's collected",
            "id": "collected",
            "rows": _presence_rows(columns, "collected", "type", codes.Collected, "Collects", "Not mentioned", True),
        },
        {
            "title": "Who it's shared with",
            "id": "shared",
            "rows": _presence_rows(columns, "shared", "recipient", codes.Recipient, "Shares", "Not mentioned", True),
        },
        {"title": "Your choices", "id": "choices", "rows": choices},
        {"title": "Facts", "id": "facts", "rows": fact_rows + stats_rows},
    ]


def _suggest(text: str, exclude: list[str]) -> list[Company]:
    if not text:
        return []
    return list(Company.objects.public().search(text).exclude(slug__in=exclude).order_by("name")[:MAX_SUGGESTIONS])


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET)
    form.is_valid()  # every field is lenient: cleaned_data always has both
    requested, add_text = form.cleaned_data["c"], form.cleaned_data["add"]
    notes: list[str] = []
    found = {c.slug: c for c in Company.objects.public().filter(slug__in=requested[:20]).select_related("card_review")}
    unknown = [slug for slug in requested if slug not in found]
    if unknown:
        shown = ", ".join(f"“{s[:40]}”" for s in unknown[:5])
        notes.append(f"We don't know {shown}. Check the spelling, or add the company by name below.")
    slugs = [slug for slug in requested if slug in found]

    suggestions: list[Company] = []
    is_suggest = bool(getattr(request, "htmx", None)) and request.htmx.target == "compare-suggestions"
    if add_text and not is_suggest:
        # Without JavaScript the "add" box is submitted: add the one company it names.
        exact = Company.objects.public().filter(Q(slug__iexact=add_text) | Q(name__iexact=add_text)).first()
        matches = [exact] if exact else _suggest(add_text, slugs)
        if len(matches) == 1 and matches[0].slug not in slugs:
            found[matches[0].slug] = matches[0]
            slugs.append(matches[0].slug)
            add_text = ""
        elif len(matches) == 1:
            notes.append(f"{matches[0].name} is already in the comparison.")
            add_text = ""
        elif matches:
            suggestions = matches
        else:
            notes.append(f"No company matches “{add_text}”.")
    elif is_suggest:
        suggestions = _suggest(add_text, slugs)

    if len(slugs) > MAX_COMPARE:
        dropped = ", ".join(found[s].name for s in slugs[MAX_COMPARE:])
        notes.append(f"You can compare up to {MAX_COMPARE} companies at once, so we left out {dropped}.")
        slugs = slugs[:MAX_COMPARE]

    companies = [found[s] for s in slugs]
    # One query: the newest card of each chosen company's latest version.
    cards = Summary.objects.current_by_company(companies)
    # People's decisions applied (one more query); a card held for checking is not shown.
    shown = [
        (s.version, s.card)
        for c in companies
        if (s := cards.get(c.pk)) and not getattr(getattr(c, "card_review", None), "held", False)
    ]
    typed = review_many(shown, [c.pk for c in companies])
    reviewed = {version.company_id: card for (version, _), card in zip(shown, typed, strict=True)}
    columns = []
    for company in companies:
        others = [s for s in slugs if s != company.slug]
        columns.append(
            {
                "company": company,
                "summary": cards.get(company.pk) if company.pk in reviewed else None,
                "card": reviewed.get(company.pk),
                "remove_query": ",".join(others),
            }
        )
    context = {
        "page_title": "Compare companies" if not companies else "Compare " + ", ".join(c.name for c in companies),
        "columns": columns,
        "sections": build_matrix(columns) if columns else [],
        "slugs": ",".join(slugs),
        "notes": notes,
        "add_text": add_text,
        "suggestions": suggestions,
        "can_add": len(slugs) < MAX_COMPARE,
        "need_more": len(slugs) < MIN_COMPARE,
    }
    return render_page(request, "pages/compare.html", context, fragments={"compare-suggestions": "suggestions"})
