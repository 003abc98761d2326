"""How a card's contacts, quotes and dates are shown to a shopper (issue 11).

Kept in one file so the card's newer fields (contact roles, `complain_to`, the policy's own
date and its precision) read in one place. They read the typed card (`summaries.parser.Card`, or the
reviewed card, its subclass). Cards made before parser 1.2.0 lack the newer fields (a contact
without a role, no precision); every helper falls back to what such a card has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from summaries.parser import Card
from summaries.parser.codes import ContactRole
from summaries.parser.model import Contact
from summaries.parser.sentences import loose_ends

# How many contacts show before "More contacts": the few a shopper acts on.
TOP_CONTACTS = 4
_COMPLAINT_ROLES = {ContactRole.REGULATOR, ContactRole.DISPUTE_RESOLUTION}
QUOTE_CHARS = 300


def contact_role_label(contact: Contact) -> str:
    """ "Privacy team", "Regulator", or where the role says nothing (an older card, "other matters") the
    contact's label as read ("privacy", "copyright agent")."""
    if contact.role is None or contact.role == ContactRole.OTHER_MATTER:
        label = contact.label.strip()
        return label[:1].upper() + label[1:]
    return contact.role.label


@dataclass(frozen=True)
class ContactGroups[C: Contact]:
    top: list[C]  # the contacts to show first
    more: list[C]  # the rest, behind "More contacts"
    complain: list[C]  # where to complain: regulators and dispute bodies


def split_contacts[C: Contact](contacts: list[C]) -> ContactGroups[C]:
    """A card's contacts in the groups the company page shows, each in the card's order."""
    complain = [c for c in contacts if c.role in _COMPLAINT_ROLES]
    own = [c for c in contacts if c.role not in _COMPLAINT_ROLES]
    return ContactGroups(top=own[:TOP_CONTACTS], more=own[TOP_CONTACTS:], complain=complain)


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


@dataclass(frozen=True)
class PolicyDate:
    date: dt.date
    month_only: bool  # the policy named a month, not a day


def policy_date(card: Card, fallback: dt.date | None = None) -> PolicyDate | None:
    """The policy's own date, from the card (already checked to be a YYYY-MM-DD date) or the version's
    stored date."""
    date = dt.date.fromisoformat(card.effective_date) if card.effective_date else fallback
    if date is None:
        return None
    return PolicyDate(date, card.effective_date_precision == "month")
