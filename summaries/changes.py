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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summaries.parser.codes import FACT_VALUES, Choice, Code, Collected, ContactKind, ContactRole, Fact, Recipient
from summaries.parser.mentions import choice_mentions, collected_mentions, recipient_mentions, sentences_with

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
    evidence: dict[str, Any] | None = dataclasses.field(default=None, compare=False)


# Recipients whose arrival is worse for privacy; the rest are neutral (service providers,
# law enforcement and a buyer of the business are in almost every policy).
_RISKY_RECIPIENTS = {"advertisers", "marketing_partners", "analytics", "social_media", "public", "financing_providers"}
_SENSITIVE_TYPES = {"government_id", "financial", "location", "health", "sensitive", "biometric", "inferences"}

_FACT_WORSE: dict[str, dict[Any, bool]] = {
    "do_not_track": {"honored": False, "not_honored": True},
    "changes_notice": {"direct_notice": False, "posted_only": True},
    "security": {"stated": False, "not_stated": True},
}


class _Texts:
    """The two versions' texts, when known, to tell a changed text from a changed reading of the same text."""

    def __init__(self, old: str | None, new: str | None) -> None:
        self.known = bool(old) and bool(new)
        self.raw = {"old": old or "", "new": new or ""}
        self.old = _flat(old or "")
        self.new = _flat(new or "")
        self._mentions: dict[tuple[str, str], set[str]] = {}

    def new_quote(self, evidence: Any) -> dict[str, Any] | None:
        """The first quote of `evidence` (new card) that the old text lacks; the first quote when texts are unknown."""
        return self._quote(evidence, self.old)

    def old_quote(self, evidence: Any) -> dict[str, Any] | None:
        """The first quote of `evidence` (old card) that the new text lacks."""
        return self._quote(evidence, self.new)

    def _quote(self, evidence: Any, other: str) -> dict[str, Any] | None:
        quotes = [e for e in evidence or [] if isinstance(e, dict) and isinstance(e.get("quote"), str)]
        if not self.known:
            return quotes[0] if quotes else None
        for item in quotes:
            if _flat(item["quote"]) not in other:
                return item
        return None

    def real(self, evidence: Any, other: str) -> bool:
        """Whether a change backed by `evidence` is in the text: none of its quotes is in the other version's text
        (a quote found there means that version said it too). Always true when the texts are unknown."""
        return not self.known or not self.kept(evidence, other)

    def kept(self, evidence: Any, other: str) -> bool:
        """Whether one of the quotes of `evidence` is in `other` (a flattened text of the other version)."""
        quotes = [e["quote"] for e in evidence or [] if isinstance(e, dict) and isinstance(e.get("quote"), str)]
        return self.known and any(_flat(quote) in other for quote in quotes)

    def echoed(self, evidence: Any, side: str, section: str, code: str) -> bool:
        """Whether the `side` ("old" or "new") text says one of the quotes of `evidence` again in nearly the same
        words, with a word for the same `code`: a rewording that changes no practice ("you submit to us" ->
        "submitted to us")."""
        if not self.known:
            return False
        bags = [_bag(sentence) for sentence in sentences_with(self.raw[side], section, code)]
        for item in evidence or []:
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                continue
            quote = _bag(item["quote"])
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


def _evidence_of(items: Any, key: str, code: str) -> list[Any]:
    for item in items or []:
        if isinstance(item, dict) and item.get(key) == code:
            return item.get("evidence") or []
    return []


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


def _sells(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    was, now = old.get("sells_data") or {}, new.get("sells_data") or {}
    before, after = was.get("value") or "not_stated", now.get("value") or "not_stated"
    if before == after:
        # The same answer with a new statement: "Some of these disclosures may be deemed a sale".
        quote = t.new_quote(now.get("evidence")) if t.known and after == "yes" else None
        if quote is None:
            return []
        return [Change("sells_data", "changed", "Says more about selling your data", True, "sells_data", "", quote)]
    # Both readings must rest on text that changed: otherwise the parser, not the policy, moved.
    moved, quote = _fact_moved(was, now, t)
    if not moved:
        return []
    if after == "yes":
        return [Change("sells_data", "changed", "Now says it sells or shares your data", True, "sells_data", "", quote)]
    if after == "no":
        return [Change("sells_data", "changed", "Now says it does not sell your data", False, "sells_data", "", quote)]
    worse = before == "no"
    return [
        Change("sells_data", "changed", "No longer says whether it sells your data", worse, "sells_data", "", quote)
    ]


def _added_removed(
    old: dict[str, Any], new: dict[str, Any], t: _Texts, section: str, key: str
) -> tuple[list[tuple[str, dict[str, Any] | None]], list[tuple[str, dict[str, Any] | None]]]:
    """Codes added (with the new quote) and removed (with the old quote), where the text changed."""
    before, after = _codes(old.get(section), key), _codes(new.get(section), key)
    added, removed = [], []
    for code in after:
        if code not in before:
            evidence = _evidence_of(new.get(section), key, code)
            if _new_in_text(t, section, code, evidence, "old"):
                added.append((code, t.new_quote(evidence)))
    for code in before:
        if code not in after:
            evidence = _evidence_of(old.get(section), key, code)
            if _new_in_text(t, section, code, evidence, "new"):
                removed.append((code, t.old_quote(evidence)))
    return added, removed


def _new_in_text(t: _Texts, section: str, code: str, evidence: Any, other: str) -> bool:
    """Whether the `other` version's text lacks what `evidence` says: not its quotes, not a near copy of them,
    and no sentence of its own that mentions `code`."""
    if not t.real(evidence, t.old if other == "old" else t.new):
        return False
    # The mentions are read once per text and section; a near copy is looked for per claim, so it goes second.
    return code not in t.mentioned(section, other) and not t.echoed(evidence, other, section, code)


def _shared(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    added, removed = _added_removed(old, new, t, "shared", "recipient")
    changes: list[Change] = []
    for code, quote in added:
        worse = True if code in _RISKY_RECIPIENTS else None
        text = f"Now shares with {_readable(Recipient, code)}"
        changes.append(Change("shared", "added", text, worse, "shared", code, quote))
    for code, quote in removed:
        better = False if code in _RISKY_RECIPIENTS else None
        text = f"No longer shares with {_readable(Recipient, code)}"
        changes.append(Change("shared", "removed", text, better, "shared", code, quote))
    old_names = {n.casefold() for s in old.get("shared") or [] if isinstance(s, dict) for n in s.get("names") or []}
    for item in new.get("shared") or []:
        if not isinstance(item, dict):
            continue
        for name in item.get("names") or []:
            if isinstance(name, str) and name.casefold() not in old_names:
                old_names.add(name.casefold())
                named = [e for e in item.get("evidence") or [] if isinstance(e, dict) and name in e.get("quote", "")]
                if t.known and _flat(name) in t.old:
                    continue  # the old text named it too
                who = _readable(Recipient, str(item.get("recipient") or ""))
                quote = t.new_quote(named)
                changes.append(Change("shared", "added", f"Now names {name} among {who}", None, "named", name, quote))
    new_names = {n.casefold() for s in new.get("shared") or [] if isinstance(s, dict) for n in s.get("names") or []}
    for item in old.get("shared") or []:
        if not isinstance(item, dict):
            continue
        for name in item.get("names") or []:
            if isinstance(name, str) and name.casefold() not in new_names:
                new_names.add(name.casefold())
                if t.known and _flat(name) in t.new:
                    continue  # the new text still names it
                named = [e for e in item.get("evidence") or [] if isinstance(e, dict) and name in e.get("quote", "")]
                who = _readable(Recipient, str(item.get("recipient") or ""))
                text = f"No longer names {name} among {who}"
                changes.append(Change("shared", "removed", text, None, "named", name, t.old_quote(named)))
    # The advertisers line matters most to shoppers: put it first.
    return sorted(changes, key=lambda c: "advertisers" not in c.text)


def _choices(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    added, removed = _added_removed(old, new, t, "choices", "type")
    changes = [
        Change("choices", "removed", f"No longer lets you {_readable(Choice, c)}", True, "choices", c, q)
        for c, q in removed
    ]
    changes += [
        Change("choices", "added", f"Now lets you {_readable(Choice, c)}", False, "choices", c, q) for c, q in added
    ]
    return changes


def _collected(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    added, removed = _added_removed(old, new, t, "collected", "type")
    changes = [
        Change(
            "collected",
            "added",
            f"Now collects {_readable(Collected, c)}",
            True if c in _SENSITIVE_TYPES else None,
            "collected",
            c,
            q,
        )
        for c, q in added
    ]
    changes += [
        Change(
            "collected", "removed", f"No longer mentions collecting {_readable(Collected, c)}", None, "collected", c, q
        )
        for c, q in removed
    ]
    return changes


# Links that are no way to reach the company: a page the policy merely links, an industry opt-out page, another
# business's portal, a page for matters other than privacy.
_NOT_CONTACT_DETAILS = {ContactRole.GENERAL, ContactRole.OPT_OUT_TOOL, ContactRole.BUSINESS, ContactRole.OTHER_MATTER}


def _contact_keys(card: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    keys: dict[tuple[str, str], dict[str, Any]] = {}
    for item in card.get("contacts") or []:
        if not isinstance(item, dict):
            continue
        kind = str(item.get("kind") or "")
        if kind == "url" and item.get("role") in _NOT_CONTACT_DETAILS:
            continue
        ident = str(item.get("normalized") or item.get("value") or "").strip().casefold()
        if ident:
            keys.setdefault((kind, ident), item)
    return keys


def _contacts(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    """One line however many addresses moved: which ones is detail the text diff shows."""
    before, after = _contact_keys(old), _contact_keys(new)
    added = [item for key, item in after.items() if key not in before and t.real(item.get("evidence"), t.old)]
    removed = [item for key, item in before.items() if key not in after and t.real(item.get("evidence"), t.new)]
    if not added and not removed:
        return []
    if len(added) + len(removed) == 1:
        item = (added or removed)[0]
        what = _readable(ContactKind, str(item.get("kind") or ""))
        shown = item.get("value") or item.get("normalized")
        if added:
            quote = t.new_quote(item.get("evidence"))
            return [Change("contacts", "added", f"New {what}: {shown}", None, "contacts", "", quote)]
        quote = t.old_quote(item.get("evidence"))
        return [Change("contacts", "removed", f"Removed {what}: {shown}", None, "contacts", "", quote)]
    parts = [f"{len(added)} new" if added else "", f"{len(removed)} removed" if removed else ""]
    text = "Contact details changed: " + ", ".join(p for p in parts if p)
    quote = t.new_quote(added[0].get("evidence")) if added else t.old_quote(removed[0].get("evidence"))
    return [Change("contacts", "changed", text, None, "contacts", "", quote)]


def _fact_moved(was: dict[str, Any], now: dict[str, Any], t: _Texts) -> tuple[bool, dict[str, Any] | None]:
    # The new reading's words were in the old text, or the old reading's words are still in the new one: the same
    # text read two ways, not a change.
    if t.kept(now.get("evidence"), t.old) or t.kept(was.get("evidence"), t.new):
        return False, None
    gone, came = t.old_quote(was.get("evidence")), t.new_quote(now.get("evidence"))
    if t.known and gone is None and came is None:
        return False, None
    return True, came or gone


def _facts(old: dict[str, Any], new: dict[str, Any], t: _Texts) -> list[Change]:
    old_facts, new_facts = old.get("facts") or {}, new.get("facts") or {}
    if not isinstance(old_facts, dict) or not isinstance(new_facts, dict):
        return []
    changes: list[Change] = []
    was, now = old_facts.get("children_min_age") or {}, new_facts.get("children_min_age") or {}
    age_before, age_after = was.get("value"), now.get("value")
    moved, quote = _fact_moved(was, now, t) if age_before != age_after else (False, None)
    if moved:
        if age_after is None:
            text = "No longer states a minimum age"
            changes.append(Change("facts", "removed", text, None, "children_min_age", "", quote))
        else:
            worse = age_before is not None and isinstance(age_after, int) and age_after < age_before
            text = f"Minimum age is now {age_after}"
            changes.append(Change("facts", "changed", text, worse or None, "children_min_age", "", quote))
    for name, vocabulary in FACT_VALUES.items():
        was, now = old_facts.get(name) or {}, new_facts.get(name) or {}
        before, after = was.get("value") or "not_stated", now.get("value") or "not_stated"
        if before == after:
            continue
        moved, quote = _fact_moved(was, now, t)
        if not moved:
            continue
        phrase, title = _readable(vocabulary, str(after)), Fact(name).phrase
        worse = _FACT_WORSE.get(name, {}).get(after)
        changes.append(Change("facts", "changed", f"{title}: {phrase}", worse, name, "", quote))
    return changes


def _dated(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = old.get("effective_date"), new.get("effective_date")
    if not after or before == after:
        return []
    quote = next(iter(new.get("effective_date_evidence") or []), None)
    text = f"Policy date: {after}" if not before else f"Policy date: {before} → {after}"
    return [Change("facts", "changed", text, None, "effective_date", "", quote)]


def card_changes(
    old: dict[str, Any] | None, new: dict[str, Any], old_text: str | None = None, new_text: str | None = None
) -> list[Change]:
    """What changed on the card from `old` to `new`; with no `old`, nothing (a first version is not a change).

    With both versions' texts (given, or as the cards' "text"), only changes the text bears out are claimed.
    """
    if old is None:
        return []
    old, new = old or {}, new or {}
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
    return [dataclasses.asdict(change) for change in changes]


def _text_of(card: dict[str, Any]) -> str | None:
    text = card.get("text")
    return text if isinstance(text, str) else None
