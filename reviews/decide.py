"""Recording a person's decision on a fact: checked against the card and the policy text first.

Every quote a person picks is taken from the version's text by its offsets, so
`text[start:end] == quote` holds for corrected and added facts exactly as for machine ones.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from policies.models import PolicyVersion
from reviews import facts
from reviews.models import Action, Decision
from reviews.reviewed import newest_summary, reviewed_card
from summaries.parser import codes

CODES: dict[str, tuple[str, ...]] = {
    "collected": codes.COLLECTED,
    "shared": codes.RECIPIENTS,
    "choices": codes.CHOICES,
    "contacts": codes.CONTACT_KINDS,
}
SCALAR_VALUES: dict[str, tuple[str, ...]] = {
    "sells_data": tuple(member.value for member in codes.Sells),
    "do_not_track": tuple(member.value for member in codes.DoNotTrack),
}
MAX_QUOTE = 5000


class DecisionError(ValueError):
    """A decision that cannot be recorded, said in words an admin can act on."""


@dataclass
class Proposal:
    """What the admin asked for. `span` is (start, end) in the version's text."""

    fact_key: str
    action: str
    reason: str
    code: str = ""
    value: str = ""
    how: list[dict[str, str]] = field(default_factory=list)
    span: tuple[int, int] | None = None


def evidence_at(text: str, span: tuple[int, int]) -> dict[str, Any]:
    start, end = span
    if not (0 <= start < end <= len(text)):
        raise DecisionError(f"The selected span {start}–{end} is not inside the policy text (0–{len(text)}).")
    if end - start > MAX_QUOTE:
        raise DecisionError(f"A quote may be at most {MAX_QUOTE} characters; this one has {end - start}.")
    quote = text[start:end]
    if not quote.strip():
        raise DecisionError("The selected quote is only white space.")
    return {"quote": quote, "start": start, "end": end}


def _strip(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: v for k, v in value.items() if k not in ("review", "checked_on")}


def _check_code(section: str, code: str) -> None:
    if code not in CODES[section]:
        raise DecisionError(f"{code!r} is not a {section} code; use one of: {', '.join(CODES[section])}.")


def _check_how(how: list[dict[str, str]]) -> list[dict[str, str]]:
    for item in how:
        if item.get("kind") not in codes.HOW_KINDS:
            raise DecisionError(f"{item.get('kind')!r} is not a way to act; use one of: {', '.join(codes.HOW_KINDS)}.")
    return [{"kind": h["kind"], "value": str(h.get("value") or "")[:500]} for h in how]


def _list_entry(section: str, base: dict[str, Any], proposal: Proposal, text: str) -> dict[str, Any]:
    entry = copy.deepcopy(base)
    if proposal.code:
        _check_code(section, proposal.code)
        entry[facts.LIST_SECTIONS[section]] = proposal.code
    if section == "choices" and proposal.how:
        entry["how"] = _check_how(proposal.how)
    if proposal.span:
        entry["evidence"] = [evidence_at(text, proposal.span)]
    if section == "contacts" and proposal.value:
        entry["value"] = proposal.value[:500]
        entry["normalized"] = proposal.value.strip().lower()[:500]
    return entry


def _scalar(name: str, base: dict[str, Any], proposal: Proposal, text: str) -> dict[str, Any]:
    value = dict(base)
    raw = proposal.value.strip()
    if raw:
        if name in SCALAR_VALUES and raw not in SCALAR_VALUES[name]:
            raise DecisionError(f"{raw!r} is not a value for {name}; use one of: {', '.join(SCALAR_VALUES[name])}.")
        if name == "children_min_age":
            if not raw.isdigit() or not 0 < int(raw) < 100:
                raise DecisionError("The minimum age must be a whole number of years.")
            value["value"] = int(raw)
        else:
            value["value"] = raw
    if proposal.span:
        value["evidence"] = [evidence_at(text, proposal.span)]
    return value


def _new_entry(proposal: Proposal, text: str) -> tuple[str, dict[str, Any]]:
    section = facts.section_of(proposal.fact_key)
    if section not in facts.LIST_SECTIONS:
        raise DecisionError("Add a missed fact to collected, shared, choices or contacts.")
    if not proposal.span:
        raise DecisionError("Select the quote of the missed fact in the policy text.")
    _check_code(section, proposal.code)
    entry: dict[str, Any] = {facts.LIST_SECTIONS[section]: proposal.code}
    defaults = {"collected": {"examples": [], "sources": []}, "shared": {"names": [], "purposes": [], "data_types": []}}
    entry.update(defaults.get(section, {}))
    if section == "choices":
        entry["how"] = _check_how(proposal.how)
    if section == "contacts":
        entry["value"] = proposal.value or text[proposal.span[0] : proposal.span[1]]
        entry.update(normalized=entry["value"].strip().lower(), label="")
    entry["evidence"] = [evidence_at(text, proposal.span)]
    return facts.entry_key(section, entry), entry


@transaction.atomic
def record(version: PolicyVersion, proposal: Proposal, user: Any = None) -> Decision:
    """Record one decision on `version`'s card; raises DecisionError and records nothing when it cannot."""
    if not proposal.reason.strip():
        raise DecisionError("Say why: the reason is kept in the audit log.")
    if proposal.action not in Action.values:
        raise DecisionError(f"Unknown action {proposal.action!r}.")
    summary = newest_summary(version)
    card = reviewed_card(version, summary)
    if card is None:
        raise DecisionError("This version has no card yet.")
    key, before, after = proposal.fact_key, None, None
    if proposal.action == Action.ADD:
        key, after = _new_entry(proposal, version.text)
    else:
        # The decision keeps the fact's JSON form (what `facts.apply` puts back on a stored card).
        before = _strip(facts.fact_of(card.as_json(), key))
        if before is None:
            raise DecisionError(f"The card has no fact {key!r}.")
        section = facts.section_of(key)
        if proposal.action == Action.CONFIRM:
            after = before
        elif proposal.action == Action.CORRECT:
            build = _list_entry if section in facts.LIST_SECTIONS else _scalar
            after = build(section if section in facts.LIST_SECTIONS else key, before, proposal, version.text)
            if after == before:
                raise DecisionError("The correction changes nothing: pick another code, how, value or quote.")
    return Decision.objects.create(
        company_id=version.company_id,
        version=version,
        fact_key=key,
        action=proposal.action,
        before=before,
        after=after,
        reason=proposal.reason.strip()[:2000],
        parser_version=summary.parser_version if summary else "",
        decided_by=user if getattr(user, "pk", None) else None,
    )


def confirm_all(version: PolicyVersion, reason: str, user: Any = None) -> int:
    """Confirm every fact no person has decided on yet; returns how many were confirmed."""
    card = reviewed_card(version)
    if card is None:
        raise DecisionError("This version has no card yet.")
    pending = [fact.key for fact in card.checkable() if fact.review == facts.MACHINE]
    for key in pending:
        record(version, Proposal(fact_key=key, action=Action.CONFIRM, reason=reason), user)
    return len(pending)
