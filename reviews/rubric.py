"""The published grading rubric: a card in, a grade A–E (or "not enough information") and its points out.

Pure Python and table-driven: RULES is the rubric the "How we make cards" page prints, each
rule a test on the card that returns the evidence it rests on (an empty list for a point that
is an absence, such as no way to delete) or None when the rule does not apply. A grade is the
sum of the weights that apply, cut into bands by GRADE_BANDS.

It reads the card's JSON form, not the typed `Card`: it may import nothing of the apps
(`.importlinter`, pure-review-rules, so the published rubric can be run on any card JSON, as
`bench/grade_real.py` does), and `reviews.reviewed.review` grades the reviewed JSON just before
typing the card once.

The points were chosen because they tell companies apart: nearly every large retailer shares
with advertisers, so that costs one point, while selling data, offering no deletion channel or
ignoring opt-out signals cost more and honouring GPC earns the most.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Evidence = list[dict[str, Any]]
Test = Callable[[dict[str, Any]], Evidence | None]

# Days in a retention period up to which we call it short (two years, the span most
# consumer-protection guidance treats as a reasonable upper bound for customer records).
SHORT_RETENTION_DAYS = 730
ONLINE_HOW = frozenset({"link", "web_form", "account_settings", "email"})
# Highest score first: a card whose score is at least the bound gets the letter.
GRADE_BANDS: tuple[tuple[int, str], ...] = ((2, "A"), (0, "B"), (-2, "C"), (-4, "D"))
LOWEST = "E"
THIN_WARNING = "not a privacy policy"


def _evidence(value: Any) -> Evidence:
    items = (value or {}).get("evidence") if isinstance(value, dict) else None
    return [e for e in items or [] if isinstance(e, dict)]


def _entries(card: dict[str, Any], section: str, field: str, codes: set[str]) -> list[dict[str, Any]]:
    return [e for e in card.get(section) or [] if isinstance(e, dict) and e.get(field) in codes]


def _fact(card: dict[str, Any], name: str) -> dict[str, Any]:
    found = (card.get("facts") or {}).get(name)
    return found if isinstance(found, dict) else {}


def _all_evidence(entries: list[dict[str, Any]]) -> Evidence:
    return [e for entry in entries for e in _evidence(entry)]


def sells_data(card: dict[str, Any]) -> Evidence | None:
    sells = card.get("sells_data") or {}
    return _evidence(sells) if sells.get("value") == "yes" else None


def shares_for_their_marketing(card: dict[str, Any]) -> Evidence | None:
    found = _entries(card, "shared", "recipient", {"marketing_partners"})
    return _all_evidence(found) if found else None


def shares_with_advertisers(card: dict[str, Any]) -> Evidence | None:
    found = _entries(card, "shared", "recipient", {"advertisers"})
    return _all_evidence(found) if found else None


def no_deletion(card: dict[str, Any]) -> Evidence | None:
    return None if _entries(card, "choices", "type", {"deletion"}) else []


def ignores_signals(card: dict[str, Any]) -> Evidence | None:
    dnt = _fact(card, "do_not_track")
    if dnt.get("value") != "not_honored" or _entries(card, "choices", "type", {"global_privacy_control"}):
        return None
    return _evidence(dnt)


def retention_days(text: str) -> int | None:
    """The longest span named in a retention phrase, in days; None when it names none."""
    spans = re.findall(r"(\d{1,4})\s*(day|week|month|year)s?", text or "", re.IGNORECASE)
    per = {"day": 1, "week": 7, "month": 30, "year": 365}
    return max((int(n) * per[unit.lower()] for n, unit in spans), default=None)


def long_or_unstated_retention(card: dict[str, Any]) -> Evidence | None:
    retention = _fact(card, "retention")
    value = retention.get("value") or "not_stated"
    if value == "period":
        days = retention_days(str(retention.get("text") or ""))
        return _evidence(retention) if days is not None and days > SHORT_RETENTION_DAYS else None
    return _evidence(retention) if value in ("not_stated", "as_long_as_needed") else None


def deletion_online(card: dict[str, Any]) -> Evidence | None:
    found = [
        e
        for e in _entries(card, "choices", "type", {"deletion"})
        if any(isinstance(h, dict) and h.get("kind") in ONLINE_HOW for h in e.get("how") or [])
    ]
    return _all_evidence(found) if found else None


def honours_gpc(card: dict[str, Any]) -> Evidence | None:
    found = _entries(card, "choices", "type", {"global_privacy_control"})
    return _all_evidence(found) if found else None


def short_retention(card: dict[str, Any]) -> Evidence | None:
    retention = _fact(card, "retention")
    if retention.get("value") != "period":
        return None
    days = retention_days(str(retention.get("text") or ""))
    return _evidence(retention) if days is not None and days <= SHORT_RETENTION_DAYS else None


@dataclass(frozen=True)
class Rule:
    code: str
    weight: int
    label: str
    explains: str
    test: Test


RULES: tuple[Rule, ...] = (
    Rule("sells_data", -3, "Sells your data", "The policy says it sells or rents personal information.", sells_data),
    Rule(
        "shares_for_their_marketing",
        -2,
        "Gives your data to other companies for their marketing",
        "Partners receive your data to market their own products to you.",
        shares_for_their_marketing,
    ),
    Rule(
        "shares_with_advertisers",
        -1,
        "Shares with advertisers",
        "Ad networks or trackers receive data about you.",
        shares_with_advertisers,
    ),
    Rule("no_deletion", -2, "No way to delete your data", "The policy gives no way to have data deleted.", no_deletion),
    Rule(
        "ignores_signals",
        -1,
        "Ignores opt-out signals",
        "It says it does not respond to Do Not Track and does not honour Global Privacy Control.",
        ignores_signals,
    ),
    Rule(
        "long_or_unstated_retention",
        -1,
        "Keeps data long or does not say how long",
        "No retention period, 'as long as needed', or more than two years.",
        long_or_unstated_retention,
    ),
    Rule(
        "deletion_online",
        1,
        "Deletion online",
        "You can ask for deletion by e-mail, a web form, a link or your account settings.",
        deletion_online,
    ),
    Rule(
        "honours_gpc", 2, "Honours Global Privacy Control", "Your browser's opt-out signal is respected.", honours_gpc
    ),
    Rule(
        "short_retention",
        1,
        "Short retention",
        "Data is kept for a stated period of two years or less.",
        short_retention,
    ),
)


# A card needs at least MIN_MAIN_SECTIONS of these non-empty to be graded. Calibrated with
# bench/grade_real.py (figures in NOTES.md, 2026-12-04): on the newest versions of the 23 OTA
# services it leaves out exactly the three we cannot read (two policies in French, one whose
# published text is only section headings behind "See more"), and on OPP-115 only stubs of
# 81–293 words. Asking for all three would also leave out short but real policies whose
# silence about deletion or retention is exactly what the grade should report.
MAIN_SECTIONS = ("collected", "shared", "choices")
MIN_MAIN_SECTIONS = 2


def is_thin(card: dict[str, Any]) -> bool:
    """Too little on the card to judge: not a privacy policy, or fewer than two of its main sections."""
    warnings = " ".join(str(w.get("code") if isinstance(w, dict) else w) for w in card.get("warnings") or [])
    if THIN_WARNING in warnings.lower().replace("_", " "):
        return True
    return sum(1 for section in MAIN_SECTIONS if card.get(section)) < MIN_MAIN_SECTIONS


def letter(score: int) -> str:
    for bound, grade in GRADE_BANDS:
        if score >= bound:
            return grade
    return LOWEST


def grade(card: dict[str, Any]) -> dict[str, Any]:
    """`{"value": "A".."E" or None, "score": int, "points": [...]}`; value None means not enough information."""
    points = []
    for rule in RULES:
        evidence = rule.test(card)
        if evidence is not None:
            points.append(
                {
                    "code": rule.code,
                    "label": rule.label,
                    "weight": rule.weight,
                    "good": rule.weight > 0,
                    "evidence": evidence,
                }
            )
    score = sum(p["weight"] for p in points)
    if is_thin(card):
        return {"value": None, "score": None, "points": points}
    return {"value": letter(score), "score": score, "points": points}
