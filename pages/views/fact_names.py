"""A fact's identity (`shared:advertisers`) in words, for report pages and the admin."""

from __future__ import annotations

from pages import lib

SCALAR_TITLES = {
    "sells_data": "Selling your data",
    "do_not_track": "Do Not Track",
    "children_min_age": "Minimum age",
    "effective_date": "Effective date",
}


def fact_title(key: str) -> str:
    if not key:
        return ""
    section, _, rest = key.partition(":")
    if section == "collected":
        return f"What's collected: {lib.label(lib.COLLECTED_LABELS, rest)}"
    if section == "shared":
        return f"Shared with: {lib.label(lib.RECIPIENT_LABELS, rest)}"
    if section == "choices":
        return f"Your choices: {lib.CHOICE_LABELS.get(rest, (lib.label({}, rest), ''))[0]}"
    if section == "contacts":
        kind, _, value = rest.partition(":")
        return f"Contact: {lib.label(lib.CONTACT_LABELS, kind)} {value}"
    return SCALAR_TITLES.get(key, lib.label({}, key))
