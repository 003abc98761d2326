"""Card-level changes between two versions, in words a shopper understands.

Pure Python, no Django imports. Each card stores its changes from the previous version's card
when it is saved (`summaries.models.Summary.changes`), so feeds, history and the diff of two
adjacent versions read them; only the diff page's arbitrary pairs call `card_changes(old, new)`
on a request. Order: the money questions first (selling, advertisers), then
choices, what is collected, other recipients, contacts and the facts.

A change is claimed only where the text changed, not where the parser read the same words
differently. When both versions' texts are known (passed in, or carried by the cards as "text"):
- an addition counts only if one of its new quotes is not in the old text, and a removal only if
  one of its old quotes is gone from the new text;
- a quote that the other text says again in nearly the same words (a word or two changed, no
  negation added or dropped) is the same statement, not a change;
- a data type, recipient or choice is "new" only if the old text has no sentence that would
  support it, and "no longer" only if the new text has none (`summaries.parser.mentions`, a
  looser reading than the card's: the card can miss a sentence; a claim must not rest on that).
Each change carries its quote: the new text for an addition, the old text for a removal. Contact
churn is one line, however many addresses moved, and counts only ways to reach the company or a
regulator (unlabelled links and industry opt-out pages are not contact details).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summaries.parser.codes import (
    FACT_VALUES,
    ChangesNotice,
    Code,
    Collected,
    ContactKind,
    ContactRole,
    DoNotTrack,
    Fact,
    Recipient,
    Security,
    Sells,
)
from summaries.parser.mentions import choice_mentions, collected_mentions, recipient_mentions, sentences_with
from summaries.parser.model import Card, Contact, Evidence, Sharing

# Stored beside each card with the changes it derived (`Summary.changes_version`): bump it when
# the changes this module finds for the same two cards and texts would differ, and `reparse`
# derives the stored ones again.
CHANGES_VERSION = "3"


@dataclass(frozen=True)
class Change:
    """One card-level change, e.g. ("shared", "added", "Now shares with advertisers").

    `field` and `code` say it in the card's terms (("collected", "purchases"), ("named", "Criteo"),
    ("do_not_track", "")); `evidence` is its quote (new text for additions, old for removals) or None.
    """

    section: str
    kind: str  # "added" | "removed" | "changed"
    text: str
    worse_for_privacy: bool | None = None
    field: str = ""
    code: str = ""
    evidence: Evidence | None = dataclasses.field(default=None, compare=False)


# Recipients whose arrival is worse for privacy; the rest are neutral (service providers,
# law enforcement and a buyer of the business are in almost every policy).
_RISKY_RECIPIENTS = {
    Recipient.ADVERTISERS,
    Recipient.MARKETING_PARTNERS,
    Recipient.ANALYTICS,
    Recipient.SOCIAL_MEDIA,
    Recipient.PUBLIC,
    Recipient.FINANCING_PROVIDERS,
}
_SENSITIVE_TYPES = {
    Collected.GOVERNMENT_ID,
    Collected.FINANCIAL,
    Collected.LOCATION,
    Collected.HEALTH,
    Collected.SENSITIVE,
    Collected.BIOMETRIC,
    Collected.INFERENCES,
}

_FACT_WORSE: dict[str, dict[Code, bool]] = {
    Fact.DO_NOT_TRACK: {DoNotTrack.HONORED: False, DoNotTrack.NOT_HONORED: True},
    Fact.CHANGES_NOTICE: {ChangesNotice.DIRECT_NOTICE: False, ChangesNotice.POSTED_ONLY: True},
    Fact.SECURITY: {Security.STATED: False, Security.NOT_STATED: True},
}


class _Texts:
    """The two versions' texts, when known, to tell a changed text from a changed reading of the same text."""

    def __init__(self, old: str | None, new: str | None) -> None:
        self.known = bool(old) and bool(new)
        self.raw = {"old": old or "", "new": new or ""}
        self.old = _flat(old or "")
        self.new = _flat(new or "")
        self._mentions: dict[tuple[str, str], set[str]] = {}

    def new_quote(self, evidence: Sequence[Evidence]) -> Evidence | None:
        """The first quote of `evidence` (new card) that the old text lacks; the first quote when texts are unknown."""
        return self._quote(evidence, self.old)

    def old_quote(self, evidence: Sequence[Evidence]) -> Evidence | None:
        """The first quote of `evidence` (old card) that the new text lacks."""
        return self._quote(evidence, self.new)

    def _quote(self, evidence: Sequence[Evidence], other: str) -> Evidence | None:
        if not self.known:
            return evidence[0] if evidence else None
        for item in evidence:
            if _flat(item.quote) not in other:
                return item
        return None

    def real(self, evidence: Sequence[Evidence], other: str) -> bool:
        """Whether a change backed by `evidence` is in the text: none of its quotes is in the other version's text
        (a quote found there means that version said it too). Always true when the texts are unknown."""
        return not self.known or not self.kept(evidence, other)

    def kept(self, evidence: Sequence[Evidence], other: str) -> bool:
        """Whether one of the quotes of `evidence` is in `other` (a flattened text of the other version)."""
        return self.known and any(_flat(item.quote) in other for item in evidence)

    def echoed(self, evidence: Sequence[Evidence], side: str, section: str, code: str) -> bool:
        """Whether the `side` ("old" or "new") text says one of the quotes of `evidence` again in nearly the same
        words, with a word for the same `code`: a rewording that changes no practice ("you submit to us" ->
        "submitted to us")."""
        if not self.known:
            return False
        bags = [_bag(sentence) for sentence in sentences_with(self.raw[side], section, code)]
        for item in evidence:
            quote = _bag(item.quote)
            if len(quote) >= _ECHO_MIN_WORDS and any(_same_statement(quote, bag) for bag in bags):
                return True
        return False

    def mentioned(self, section: str, side: str) -> set[str]:
        """Codes of `section` that the `side` text talks about at all (empty when the texts are unknown)."""
        if not self.known:
            return set()
        key = (section, side)
        if key not in self._mentions:
            self._mentions[key] = _MENTIONS[section](self.raw[side])
        return self._mentions[key]


_MENTIONS = {"collected": collected_mentions, "shared": recipient_mentions, "choices": choice_mentions}
_WORD = re.compile(r"[^\W_]+")
_NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "none", "cannot", "t"})
# Two sentences are one statement when this share of the longer one's words is in both, and neither has a
# negation the other lacks; below a few words a sentence is too short to compare so.
_ECHO_SHARE = 0.75
_ECHO_MIN_WORDS = 6


def _bag(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def _same_statement(a: frozenset[str], b: frozenset[str]) -> bool:
    if not b or len(a & b) < _ECHO_SHARE * max(len(a), len(b)):
        return False
    return a & _NEGATIONS == b & _NEGATIONS


@lru_cache(maxsize=64)
def _flat(text: str) -> str:
    # str.split and re's \s agree on every character; split and join is three times faster on a whole
    # policy, and each text is flattened twice (as the new text, then as the next version's old one).
    return " ".join(text.split()).casefold()


def _by_code(items: Sequence[Any], key: str) -> dict[Code, list[Evidence]]:
    """Each code of a card section (`key` names its code field) with the evidence of its first entry, in order."""
    found: dict[Code, list[Evidence]] = {}
    for item in items:
        found.setdefault(getattr(item, key), item.evidence)
    return found


def _sells(old: Card, new: Card, t: _Texts) -> list[Change]:
    was, now = old.sells_data, new.sells_data
    before, after = was.value, now.value
    if before == after:
        # The same answer with a new statement: "Some of these disclosures may be deemed a sale".
        quote = t.new_quote(now.evidence) if t.known and after == Sells.YES else None
        if quote is None:
            return []
        return [Change("sells_data", "changed", "Says more about selling your data", True, "sells_data", "", quote)]
    # Both readings must rest on text that changed: otherwise the parser, not the policy, moved.
    moved, quote = _fact_moved(was.evidence, now.evidence, t)
    if not moved:
        return []
    if after == Sells.YES:
        return [Change("sells_data", "changed", "Now says it sells or shares your data", True, "sells_data", "", quote)]
    if after == Sells.NO:
        return [Change("sells_data", "changed", "Now says it does not sell your data", False, "sells_data", "", quote)]
    worse = before == Sells.NO
    return [
        Change("sells_data", "changed", "No longer says whether it sells your data", worse, "sells_data", "", quote)
    ]


def _added_removed(
    before: dict[Code, list[Evidence]], after: dict[Code, list[Evidence]], t: _Texts, section: str
) -> tuple[list[tuple[Code, Evidence | None]], list[tuple[Code, Evidence | None]]]:
    """Codes added (with the new quote) and removed (with the old quote), where the text changed."""
    added, removed = [], []
    for code, evidence in after.items():
        if code not in before and _new_in_text(t, section, code, evidence, "old"):
            added.append((code, t.new_quote(evidence)))
    for code, evidence in before.items():
        if code not in after and _new_in_text(t, section, code, evidence, "new"):
            removed.append((code, t.old_quote(evidence)))
    return added, removed


def _new_in_text(t: _Texts, section: str, code: str, evidence: Sequence[Evidence], other: str) -> bool:
    """Whether the `other` version's text lacks what `evidence` says: not its quotes, not a near copy of them,
    and no sentence of its own that mentions `code`."""
    if not t.real(evidence, t.old if other == "old" else t.new):
        return False
    # The mentions are read once per text and section; a near copy is looked for per claim, so it goes second.
    return code not in t.mentioned(section, other) and not t.echoed(evidence, other, section, code)


def _shared(old: Card, new: Card, t: _Texts) -> list[Change]:
    added, removed = _added_removed(_by_code(old.shared, "recipient"), _by_code(new.shared, "recipient"), t, "shared")
    changes: list[Change] = []
    for code, quote in added:
        worse = True if code in _RISKY_RECIPIENTS else None
        changes.append(Change("shared", "added", f"Now shares with {code.phrase}", worse, "shared", code, quote))
    for code, quote in removed:
        better = False if code in _RISKY_RECIPIENTS else None
        text = f"No longer shares with {code.phrase}"
        changes.append(Change("shared", "removed", text, better, "shared", code, quote))
    changes += _named(new.shared, old.shared, t, "added")
    changes += _named(old.shared, new.shared, t, "removed")
    # The advertisers line matters most to shoppers: put it first.
    return sorted(changes, key=lambda c: "advertisers" not in c.text)


def _named(items: Sequence[Sharing], others: Sequence[Sharing], t: _Texts, kind: str) -> list[Change]:
    """Recipients named in `items` but not in `others` (the other card), unless the other text names them too."""
    other_text, quote_of, verb = (
        (t.old, t.new_quote, "Now names") if kind == "added" else (t.new, t.old_quote, "No longer names")
    )
    seen = {name.casefold() for item in others for name in item.names}
    changes: list[Change] = []
    for item in items:
        for name in item.names:
            if name.casefold() in seen:
                continue
            seen.add(name.casefold())
            if t.known and _flat(name) in other_text:
                continue  # the other version's text names it as well
            quote = quote_of([e for e in item.evidence if name in e.quote])
            changes.append(
                Change("shared", kind, f"{verb} {name} among {item.recipient.phrase}", None, "named", name, quote)
            )
    return changes


def _choices(old: Card, new: Card, t: _Texts) -> list[Change]:
    added, removed = _added_removed(_by_code(old.choices, "type"), _by_code(new.choices, "type"), t, "choices")
    changes = [
        Change("choices", "removed", f"No longer lets you {c.phrase}", True, "choices", c, q) for c, q in removed
    ]
    changes += [Change("choices", "added", f"Now lets you {c.phrase}", False, "choices", c, q) for c, q in added]
    return changes


def _collected(old: Card, new: Card, t: _Texts) -> list[Change]:
    before, after = _by_code(old.collected, "type"), _by_code(new.collected, "type")
    added, removed = _added_removed(before, after, t, "collected")
    changes = [
        Change(
            "collected",
            "added",
            f"Now collects {c.phrase}",
            True if c in _SENSITIVE_TYPES else None,
            "collected",
            c,
            q,
        )
        for c, q in added
    ]
    changes += [
        Change("collected", "removed", f"No longer mentions collecting {c.phrase}", None, "collected", c, q)
        for c, q in removed
    ]
    return changes


# Links that are no way to reach the company: a page the policy merely links, an industry opt-out page, another
# business's portal, a page for matters other than privacy.
_NOT_CONTACT_DETAILS = {ContactRole.GENERAL, ContactRole.OPT_OUT_TOOL, ContactRole.BUSINESS, ContactRole.OTHER_MATTER}


def _contact_keys(card: Card) -> dict[tuple[str, str], Contact]:
    keys: dict[tuple[str, str], Contact] = {}
    for item in card.contacts:
        if item.kind == ContactKind.URL and item.role in _NOT_CONTACT_DETAILS:
            continue
        ident = (item.normalized or item.value).strip().casefold()
        if ident:
            keys.setdefault((item.kind, ident), item)
    return keys


def _contacts(old: Card, new: Card, t: _Texts) -> list[Change]:
    """One line however many addresses moved: which ones is detail the text diff shows."""
    before, after = _contact_keys(old), _contact_keys(new)
    added = [item for key, item in after.items() if key not in before and t.real(item.evidence, t.old)]
    removed = [item for key, item in before.items() if key not in after and t.real(item.evidence, t.new)]
    if not added and not removed:
        return []
    if len(added) + len(removed) == 1:
        item = (added or removed)[0]
        what, shown = item.kind.phrase, item.value or item.normalized
        if added:
            quote = t.new_quote(item.evidence)
            return [Change("contacts", "added", f"New {what}: {shown}", None, "contacts", "", quote)]
        quote = t.old_quote(item.evidence)
        return [Change("contacts", "removed", f"Removed {what}: {shown}", None, "contacts", "", quote)]
    parts = [f"{len(added)} new" if added else "", f"{len(removed)} removed" if removed else ""]
    text = "Contact details changed: " + ", ".join(p for p in parts if p)
    quote = t.new_quote(added[0].evidence) if added else t.old_quote(removed[0].evidence)
    return [Change("contacts", "changed", text, None, "contacts", "", quote)]


def _fact_moved(was: list[Evidence], now: list[Evidence], t: _Texts) -> tuple[bool, Evidence | None]:
    """Whether a fact's reading moved with the text, given the old and new reading's evidence, and its quote."""
    # The new reading's words were in the old text, or the old reading's words are still in the new one: the same
    # text read two ways, not a change.
    if t.kept(now, t.old) or t.kept(was, t.new):
        return False, None
    gone, came = t.old_quote(was), t.new_quote(now)
    if t.known and gone is None and came is None:
        return False, None
    return True, came or gone


def _facts(old: Card, new: Card, t: _Texts) -> list[Change]:
    changes: list[Change] = []
    was, now = old.facts.children_min_age, new.facts.children_min_age
    age_before, age_after = was.value, now.value
    moved, quote = _fact_moved(was.evidence, now.evidence, t) if age_before != age_after else (False, None)
    if moved:
        if age_after is None:
            text = "No longer states a minimum age"
            changes.append(Change("facts", "removed", text, None, "children_min_age", "", quote))
        else:
            worse = age_before is not None and age_after < age_before
            text = f"Minimum age is now {age_after}"
            changes.append(Change("facts", "changed", text, worse or None, "children_min_age", "", quote))
    for name in FACT_VALUES:
        was, now = getattr(old.facts, name), getattr(new.facts, name)
        if was.value == now.value:
            continue
        moved, quote = _fact_moved(was.evidence, now.evidence, t)
        if not moved:
            continue
        worse = _FACT_WORSE.get(name, {}).get(now.value)
        changes.append(Change("facts", "changed", f"{Fact(name).phrase}: {now.value.phrase}", worse, name, "", quote))
    return changes


def _dated(old: Card, new: Card) -> list[Change]:
    before, after = old.effective_date, new.effective_date
    if not after or before == after:
        return []
    quote = next(iter(new.effective_date_evidence), None)
    text = f"Policy date: {after}" if not before else f"Policy date: {before} → {after}"
    return [Change("facts", "changed", text, None, "effective_date", "", quote)]


def card_changes(
    old: Card | Mapping[str, Any] | None,
    new: Card | Mapping[str, Any],
    old_text: str | None = None,
    new_text: str | None = None,
) -> list[Change]:
    """What changed on the card from `old` to `new`; with no `old`, nothing (a first version is not a change).

    A card may come as its JSON form (a stored card): it is typed here, and one outside the contract is
    refused (`pydantic.ValidationError`). With both versions' texts (given, or as the cards' "text"), only
    changes the text bears out are claimed.
    """
    if old is None:
        return []
    old, new = _typed(old), _typed(new)
    texts = _Texts(old_text or _text_of(old), new_text or _text_of(new))
    return [
        *_sells(old, new, texts),
        *_shared(old, new, texts),
        *_choices(old, new, texts),
        *_collected(old, new, texts),
        *_contacts(old, new, texts),
        *_facts(old, new, texts),
        *_dated(old, new),
    ]


def as_stored(changes: list[Change]) -> list[dict[str, Any]]:
    """The JSON form kept beside a card; templates and feeds read its keys as they read a Change's attributes."""
    stored = []
    for change in changes:
        row = {field.name: getattr(change, field.name) for field in dataclasses.fields(change)}
        # Codes are StrEnum members: stored as their plain strings; the quote as the card's JSON holds it.
        row["field"], row["code"] = str(change.field), str(change.code)
        row["evidence"] = None if change.evidence is None else change.evidence.model_dump(mode="json")
        stored.append(row)
    return stored


def _typed(card: Card | Mapping[str, Any]) -> Card:
    return card if isinstance(card, Card) else Card.model_validate(card)


def _text_of(card: Card) -> str | None:
    # "text" is no contract field: `summarize --with-text` and the benches carry the version's text beside the card.
    text = (card.model_extra or {}).get("text")
    return text if isinstance(text, str) else None
