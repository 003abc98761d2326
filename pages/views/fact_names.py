"""A fact's identity (`shared:advertisers`) in words, for the report page."""

from __future__ import annotations

from pages import lib
from summaries.parser import codes

SCALAR_TITLES = {
    "sells_data": "Selling your data",
    "do_not_track": "Do Not Track",
    "children_min_age": "Minimum age",
    "effective_date": "Effective date",
}
SECTIONS: dict[str, tuple[str, type[codes.Code]]] = {
    "collected": ("What's collected", codes.Collected),
    "shared": ("Shared with", codes.Recipient),
    "choices": ("Your choices", codes.Choice),
}


def fact_title(key: str) -> str:
    if not key:
        return ""
    section, _, rest = key.partition(":")
    if section in SECTIONS:
        title, vocabulary = SECTIONS[section]
        return f"{title}: {lib.label(vocabulary, rest)}"
    if section == "contacts":
        kind, _, value = rest.partition(":")
        return f"Contact: {lib.label(codes.ContactKind, kind)} {value}"
    return SCALAR_TITLES.get(key, key.replace("_", " ").capitalize())
