"""Facts on a card by identity, and people's decisions applied to a machine card.

Pure Python (no Django): the card is the contract's JSON form, a decision is a small value.
This layer stays at the JSON level on purpose: a decision stores its fact's JSON form as it was
and as it became (`Decision.before`/`after`), and applying it means putting that JSON back on
the stored card. Readers get the result typed (`reviews.reviewed.ReviewedCard`), never this dict.
A fact's identity is what a reader would call "the same fact" across parser versions and
policy versions — the section plus its code (a contact also by its normalised value) — never a
list position, so a decision still finds its fact after `reparse` or a new policy version.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Section -> the field that names an entry's code.
LIST_SECTIONS: dict[str, str] = {"collected": "type", "shared": "recipient", "choices": "type", "contacts": "kind"}
# Single-valued facts a person can check; do_not_track and children_min_age live under "facts".
SCALARS: tuple[str, ...] = ("sells_data", "do_not_track", "children_min_age", "effective_date")
FACTS_BLOCK = ("do_not_track", "children_min_age")

MACHINE, CONFIRMED, CORRECTED, NEEDS_REVIEW, REJECTED = "machine", "confirmed", "corrected", "needs_review", "rejected"
PUBLIC_STATES = (MACHINE, CONFIRMED, CORRECTED, NEEDS_REVIEW)


def fact_key(section: str, code: str, contact: str = "") -> str:
    """A list entry's identity: `shared:advertisers`, or for a contact its kind and normalised value."""
    if section == "contacts":
        return f"contacts:{code}:{contact.strip().lower()}"
    return f"{section}:{code}"


def entry_key(section: str, entry: dict[str, Any]) -> str:
    """`fact_key` of an entry in its JSON form (a stored card's, or a decision's before/after)."""
    contact = str(entry.get("normalized") or entry.get("value") or "") if section == "contacts" else ""
    return fact_key(section, str(entry.get(LIST_SECTIONS[section])), contact)


def section_of(key: str) -> str:
    return key.split(":", 1)[0]


def scalar_get(card: dict[str, Any], name: str) -> dict[str, Any]:
    if name == "effective_date":
        review = card.get("effective_date_review") or {}
        return {
            "value": card.get("effective_date"),
            "evidence": list(card.get("effective_date_evidence") or []),
            **review,
        }
    holder = card.get("facts") or {} if name in FACTS_BLOCK else card
    found = holder.get(name)
    return dict(found) if isinstance(found, dict) else {"value": None, "evidence": []}


def scalar_set(card: dict[str, Any], name: str, value: dict[str, Any]) -> None:
    if name == "effective_date":
        card["effective_date"] = value.get("value")
        card["effective_date_evidence"] = value.get("evidence") or []
        return
    holder = card.setdefault("facts", {}) if name in FACTS_BLOCK else card
    holder[name] = value


def iter_facts(card: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every checkable fact of a card as (key, value), in card order."""
    for section in LIST_SECTIONS:
        for entry in card.get(section) or []:
            if isinstance(entry, dict):
                yield entry_key(section, entry), entry
    for name in SCALARS:
        yield name, scalar_get(card, name)


def fact_of(card: dict[str, Any], key: str) -> dict[str, Any] | None:
    for found, value in iter_facts(card):
        if found == key:
            return value
    return None


def quotes_of(value: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [e for e in (value or {}).get("evidence") or [] if isinstance(e, dict) and e.get("quote")]


def reanchor(value: dict[str, Any], text: str) -> dict[str, Any] | None:
    """The value with each quote's offsets moved to where it stands in `text`; None if one is gone.

    Of several places a quote occurs, the one nearest its old offset wins, so a quote repeated
    in a policy keeps pointing at the same passage when text is added before it.
    """
    moved = copy.deepcopy(value)
    for item in moved.get("evidence") or []:
        quote = item.get("quote") if isinstance(item, dict) else None
        if not quote:
            continue
        places, at = [], text.find(quote)
        while at >= 0 and len(places) < 50:
            places.append(at)
            at = text.find(quote, at + 1)
        if not places:
            return None
        best = min(places, key=lambda p: abs(p - int(item.get("start") or 0)))
        item["start"], item["end"] = best, best + len(quote)
    return moved


@dataclass(frozen=True)
class Applied:
    """A decision as it applies to one version: its state there and the value it puts on the card."""

    key: str
    state: str  # confirmed | corrected | rejected | needs_review
    value: dict[str, Any] | None  # the checked value (re-anchored), None when rejected or flagged
    checked_on: str  # ISO date of the decision


def apply(card: dict[str, Any], decisions: list[Applied]) -> dict[str, Any]:
    """The reviewed card: a copy of the machine card with each decision applied and every fact labelled.

    List entries and scalar facts get `"review"` (machine | confirmed | corrected | needs_review)
    and, when a person checked them, `"checked_on"`; `"reviews"` lists every decision's state
    by fact key, rejected ones included, for the admin and the queue.
    """
    out = copy.deepcopy(card)
    for section in LIST_SECTIONS:
        out[section] = [dict(e, review=MACHINE) for e in out.get(section) or [] if isinstance(e, dict)]
    summary: dict[str, dict[str, str]] = {}
    for decision in decisions:
        summary[decision.key] = {"state": decision.state, "checked_on": decision.checked_on}
        _apply_one(out, decision)
    for name in SCALARS:
        value = scalar_get(out, name)
        state = summary.get(name, {}).get("state", MACHINE)
        value["review"] = state if state in PUBLIC_STATES else CORRECTED
        if name in summary and state != NEEDS_REVIEW:
            value["checked_on"] = summary[name]["checked_on"]
        if name == "effective_date":
            out["effective_date_review"] = {k: v for k, v in value.items() if k in ("review", "checked_on")}
        else:
            scalar_set(out, name, value)
    out["reviews"] = summary
    return out


def _apply_one(card: dict[str, Any], decision: Applied) -> None:
    section = section_of(decision.key)
    if section not in LIST_SECTIONS:
        if decision.state == NEEDS_REVIEW:
            return
        value = decision.value if decision.value is not None else {"value": _unstated(decision.key), "evidence": []}
        scalar_set(card, decision.key, {k: v for k, v in value.items() if k not in ("review", "checked_on")})
        return
    entries: list[dict[str, Any]] = card[section]
    if decision.state == NEEDS_REVIEW:
        for entry in entries:
            if entry_key(section, entry) == decision.key:
                entry["review"] = NEEDS_REVIEW
        return
    new_key = entry_key(section, decision.value) if decision.value else None
    kept = [e for e in entries if entry_key(section, e) not in (decision.key, new_key)]
    if decision.value is not None:
        clean = {k: v for k, v in decision.value.items() if k not in ("review", "checked_on")}
        kept.append({**clean, "review": decision.state, "checked_on": decision.checked_on})
    card[section] = kept


def _unstated(name: str) -> Any:
    return None if name in ("children_min_age", "effective_date") else "not_stated"
