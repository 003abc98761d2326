"""How a card's contacts, quotes and dates are shown to a shopper (issue 11).

Kept apart from `pages.lib` so the card's newer fields (contact roles, `complain_to`, the policy's own
date and its precision) read in one place. Cards made before parser 1.2.0 lack them; every helper
falls back to what such a card has.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from summaries.parser.codes import ContactRole
from summaries.parser.sentences import loose_ends

# How many contacts show before "More contacts": the few a shopper acts on.
TOP_CONTACTS = 4
_COMPLAINT_ROLES = {"regulator", "dispute_resolution"}
QUOTE_CHARS = 300


def contact_role_label(contact: dict[str, Any]) -> str:
    """ "Privacy team", "Regulator", or for an older card its label as read ("privacy", "copyright agent")."""
    role = str(contact.get("role") or "")
    if role == ContactRole.OTHER_MATTER or ContactRole.words(role) is None:
        label = str(contact.get("label") or "").strip()
        return label[:1].upper() + label[1:] if label else ""
    return ContactRole.label_of(role)


def split_contacts(card: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The contacts to show first, the rest (behind "More contacts") and where to complain."""
    contacts = [c for c in card.get("contacts") or [] if isinstance(c, dict)]
    complain = [c for c in contacts if c.get("role") in _COMPLAINT_ROLES]
    own = [c for c in contacts if c.get("role") not in _COMPLAINT_ROLES]
    return {"top": own[:TOP_CONTACTS], "more": own[TOP_CONTACTS:], "complain": complain}


def excerpt(quote: Any, limit: int = QUOTE_CHARS) -> str:
    """A quote cut, where it must be, after a whole sentence or at least a whole word, never mid-word."""
    text = str(quote or "").strip()
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    ends = [at for at in loose_ends(text) if limit // 2 <= at <= limit]
    if ends:
        return window[: ends[-1]] + " …"
    cut = window.rfind(" ")
    return (window[:cut] if cut > limit // 2 else window[:limit]).rstrip(" ,;:") + " …"


def policy_date(card: dict[str, Any], fallback: dt.date | None = None) -> dict[str, Any] | None:
    """The policy's own date as {"date", "month_only"}, from the card or the version's stored date."""
    raw = card.get("effective_date")
    try:
        date = dt.date.fromisoformat(raw) if isinstance(raw, str) else fallback
    except ValueError:
        date = fallback
    if date is None:
        return None
    return {"date": date, "month_only": card.get("effective_date_precision") == "month"}
