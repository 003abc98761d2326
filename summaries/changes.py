"""Card-level changes between two versions, in words a shopper understands.

Pure Python, no Django imports: the public diff page and the Atom feeds both call
`card_changes(old, new)`. Order: the money questions first (selling, advertisers), then
choices, what is collected, other recipients, contacts and the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summaries.parser.codes import FACT_VALUES, Choice, Code, Collected, ContactKind, Fact, Recipient


@dataclass(frozen=True)
class Change:
    """One card-level change, e.g. ("shared", "added", "Now shares with advertisers")."""

    section: str
    kind: str  # "added" | "removed" | "changed"
    text: str
    worse_for_privacy: bool | None = None


# Recipients whose arrival is worse for privacy; the rest are neutral (service providers,
# law enforcement and a buyer of the business are in almost every policy).
_RISKY_RECIPIENTS = {"advertisers", "marketing_partners", "analytics", "social_media", "public", "financing_providers"}
_SENSITIVE_TYPES = {"government_id", "financial", "location", "health", "sensitive", "biometric", "inferences"}

_FACT_WORSE: dict[str, dict[Any, bool]] = {
    "do_not_track": {"honored": False, "not_honored": True},
    "changes_notice": {"direct_notice": False, "posted_only": True},
    "security": {"stated": False, "not_stated": True},
}


def _codes(items: Any, key: str) -> list[str]:
    seen: list[str] = []
    for item in items or []:
        if isinstance(item, dict):
            code = item.get(key)
            if isinstance(code, str) and code not in seen:
                seen.append(code)
    return seen


def _readable(vocabulary: type[Code], code: str) -> str:
    """The code's phrase for a sentence, or the code made readable when it is not in the vocabulary."""
    member = vocabulary.words(code)
    return member.phrase if member is not None else code.replace("_", " ")


def _sells(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before = ((old.get("sells_data") or {}).get("value")) or "not_stated"
    after = ((new.get("sells_data") or {}).get("value")) or "not_stated"
    if before == after:
        return []
    if after == "yes":
        return [Change("sells_data", "changed", "Now says it sells or shares your data", True)]
    if after == "no":
        return [Change("sells_data", "changed", "Now says it does not sell your data", False)]
    worse = before == "no"
    return [Change("sells_data", "changed", "No longer says whether it sells your data", worse)]


def _shared(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = _codes(old.get("shared"), "recipient"), _codes(new.get("shared"), "recipient")
    changes: list[Change] = []
    for code in after:
        if code not in before:
            worse = True if code in _RISKY_RECIPIENTS else None
            changes.append(Change("shared", "added", f"Now shares with {_readable(Recipient, code)}", worse))
    for code in before:
        if code not in after:
            better = False if code in _RISKY_RECIPIENTS else None
            changes.append(Change("shared", "removed", f"No longer shares with {_readable(Recipient, code)}", better))
    old_names = {n.casefold() for s in old.get("shared") or [] if isinstance(s, dict) for n in s.get("names") or []}
    for item in new.get("shared") or []:
        if not isinstance(item, dict):
            continue
        for name in item.get("names") or []:
            if isinstance(name, str) and name.casefold() not in old_names:
                old_names.add(name.casefold())
                who = _readable(Recipient, str(item.get("recipient") or ""))
                changes.append(Change("shared", "added", f"Now names {name} among {who}", None))
    # The advertisers line matters most to shoppers: put it first.
    return sorted(changes, key=lambda c: "advertisers" not in c.text)


def _choices(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = _codes(old.get("choices"), "type"), _codes(new.get("choices"), "type")
    changes = [
        Change("choices", "removed", f"No longer lets you {_readable(Choice, c)}", True)
        for c in before
        if c not in after
    ]
    changes += [
        Change("choices", "added", f"Now lets you {_readable(Choice, c)}", False) for c in after if c not in before
    ]
    return changes


def _collected(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = _codes(old.get("collected"), "type"), _codes(new.get("collected"), "type")
    changes = [
        Change("collected", "added", f"Now collects {_readable(Collected, c)}", True if c in _SENSITIVE_TYPES else None)
        for c in after
        if c not in before
    ]
    changes += [
        Change("collected", "removed", f"No longer mentions collecting {_readable(Collected, c)}", None)
        for c in before
        if c not in after
    ]
    return changes


def _contact_keys(card: dict[str, Any]) -> dict[tuple[str, str], str]:
    keys: dict[tuple[str, str], str] = {}
    for item in card.get("contacts") or []:
        if not isinstance(item, dict):
            continue
        kind = str(item.get("kind") or "")
        shown = str(item.get("value") or item.get("normalized") or "")
        ident = str(item.get("normalized") or item.get("value") or "").strip().casefold()
        if ident:
            keys.setdefault((kind, ident), shown)
    return keys


def _contacts(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = _contact_keys(old), _contact_keys(new)
    changes = [
        Change("contacts", "added", f"New {_readable(ContactKind, kind)}: {shown}", None)
        for (kind, ident), shown in after.items()
        if (kind, ident) not in before
    ]
    changes += [
        Change("contacts", "removed", f"Removed {_readable(ContactKind, kind)}: {shown}", None)
        for (kind, ident), shown in before.items()
        if (kind, ident) not in after
    ]
    return changes


def _facts(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    old_facts, new_facts = old.get("facts") or {}, new.get("facts") or {}
    changes: list[Change] = []
    age_before = (old_facts.get("children_min_age") or {}).get("value")
    age_after = (new_facts.get("children_min_age") or {}).get("value")
    if age_before != age_after:
        if age_after is None:
            changes.append(Change("facts", "removed", "No longer states a minimum age", None))
        else:
            worse = age_before is not None and isinstance(age_after, int) and age_after < age_before
            changes.append(Change("facts", "changed", f"Minimum age is now {age_after}", worse or None))
    for name, vocabulary in FACT_VALUES.items():
        before = (old_facts.get(name) or {}).get("value") or "not_stated"
        after = (new_facts.get(name) or {}).get("value") or "not_stated"
        if before == after:
            continue
        phrase = _readable(vocabulary, str(after))
        title = Fact(name).phrase
        changes.append(Change("facts", "changed", f"{title}: {phrase}", _FACT_WORSE.get(name, {}).get(after)))
    return changes


def card_changes(old: dict[str, Any] | None, new: dict[str, Any]) -> list[Change]:
    """What changed on the card from `old` to `new`; with no `old`, nothing (a first version is not a change)."""
    if old is None:
        return []
    old, new = old or {}, new or {}
    return [
        *_sells(old, new),
        *_shared(old, new),
        *_choices(old, new),
        *_collected(old, new),
        *_contacts(old, new),
        *_facts(old, new),
    ]
