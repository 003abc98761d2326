"""The published grading rubric: a card in, a grade A–E (or "not enough information") and its points out.

Pure Python and table-driven: RULES is the rubric the "How we make cards" page prints, each
rule a test on the card that returns the evidence it rests on (an empty list for a point that
is an absence, such as no way to delete) or None when the rule does not apply. A grade is the
sum of the weights that apply, cut into bands by GRADE_BANDS.

It reads the typed card (`summaries.parser.Card`, the reviewed card too) and imports nothing of the
apps but the parser's pure model (`.importlinter`, pure-review-rules), so the published rubric runs
on any card: `grade` takes the JSON form as well and types it on entry, as `bench/grade_real.py`
passes it. The grade it returns is JSON, the form `reviews.reviewed.Grade` types.

The points were chosen because they tell companies apart: nearly every large retailer shares
with advertisers, so that costs one point, while selling data, offering no deletion channel or
ignoring opt-out signals cost more and honouring GPC earns the most.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summaries.parser.codes import Choice, DoNotTrack, HowKind, Recipient, Retention, Sells
from summaries.parser.model import Card, Evidence

Test = Callable[[Card], list[Evidence] | None]

# Days in a retention period up to which we call it short (two years, the span most
# consumer-protection guidance treats as a reasonable upper bound for customer records).
SHORT_RETENTION_DAYS = 730
ONLINE_HOW = frozenset({HowKind.LINK, HowKind.WEB_FORM, HowKind.ACCOUNT_SETTINGS, HowKind.EMAIL})
# Highest score first: a card whose score is at least the bound gets the letter.
GRADE_BANDS: tuple[tuple[int, str], ...] = ((2, "A"), (0, "B"), (-2, "C"), (-4, "D"))
LOWEST = "E"
THIN_WARNING = "not a privacy policy"


def _all_evidence(entries: Iterable[Any]) -> list[Evidence]:
    """The quotes of card entries (every entry of a card section has its `evidence` list), in order."""
    return [e for entry in entries for e in entry.evidence]


def _shares_with(card: Card, recipient: Recipient) -> list[Any]:
    return [e for e in card.shared if e.recipient == recipient]


def _choices(card: Card, choice: Choice) -> list[Any]:
    return [e for e in card.choices if e.type == choice]


def sells_data(card: Card) -> list[Evidence] | None:
    return list(card.sells_data.evidence) if card.sells_data.value == Sells.YES else None


def shares_for_their_marketing(card: Card) -> list[Evidence] | None:
    found = _shares_with(card, Recipient.MARKETING_PARTNERS)
    return _all_evidence(found) if found else None


def shares_with_advertisers(card: Card) -> list[Evidence] | None:
    found = _shares_with(card, Recipient.ADVERTISERS)
    return _all_evidence(found) if found else None


def no_deletion(card: Card) -> list[Evidence] | None:
    return None if _choices(card, Choice.DELETION) else []


def ignores_signals(card: Card) -> list[Evidence] | None:
    dnt = card.facts.do_not_track
    if dnt.value != DoNotTrack.NOT_HONORED or _choices(card, Choice.GLOBAL_PRIVACY_CONTROL):
        return None
    return list(dnt.evidence)


def retention_days(text: str) -> int | None:
    """The longest span named in a retention phrase, in days; None when it names none."""
    spans = re.findall(r"(\d{1,4})\s*(day|week|month|year)s?", text or "", re.IGNORECASE)
    per = {"day": 1, "week": 7, "month": 30, "year": 365}
    return max((int(n) * per[unit.lower()] for n, unit in spans), default=None)


def long_or_unstated_retention(card: Card) -> list[Evidence] | None:
    retention = card.facts.retention
    if retention.value == Retention.PERIOD:
        days = retention_days(retention.text)
        return list(retention.evidence) if days is not None and days > SHORT_RETENTION_DAYS else None
    return list(retention.evidence) if retention.value in (Retention.NOT_STATED, Retention.AS_LONG_AS_NEEDED) else None


def deletion_online(card: Card) -> list[Evidence] | None:
    found = [e for e in _choices(card, Choice.DELETION) if any(h.kind in ONLINE_HOW for h in e.how)]
    return _all_evidence(found) if found else None


def honours_gpc(card: Card) -> list[Evidence] | None:
    found = _choices(card, Choice.GLOBAL_PRIVACY_CONTROL)
    return _all_evidence(found) if found else None


def short_retention(card: Card) -> list[Evidence] | None:
    retention = card.facts.retention
    if retention.value != Retention.PERIOD:
        return None
    days = retention_days(retention.text)
    return list(retention.evidence) if days is not None and days <= SHORT_RETENTION_DAYS else None


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


def is_thin(card: Card) -> bool:
    """Too little on the card to judge: not a privacy policy, or fewer than two of its main sections."""
    if THIN_WARNING in " ".join(card.warnings).lower().replace("_", " "):
        return True
    return sum(1 for section in MAIN_SECTIONS if getattr(card, section)) < MIN_MAIN_SECTIONS


def letter(score: int) -> str:
    for bound, grade in GRADE_BANDS:
        if score >= bound:
            return grade
    return LOWEST


def grade(card: Card | Mapping[str, Any]) -> dict[str, Any]:
    """`{"value": "A".."E" or None, "score": int, "points": [...]}`; value None means not enough information.

    A card's JSON form is typed here first (one outside the contract is refused: `pydantic.ValidationError`).
    """
    typed = card if isinstance(card, Card) else Card.model_validate(card)
    points = []
    for rule in RULES:
        evidence = rule.test(typed)
        if evidence is not None:
            points.append(
                {
                    "code": rule.code,
                    "label": rule.label,
                    "weight": rule.weight,
                    "good": rule.weight > 0,
                    "evidence": _json(evidence),
                }
            )
    score = sum(p["weight"] for p in points)
    if is_thin(typed):
        return {"value": None, "score": None, "points": points}
    return {"value": letter(score), "score": score, "points": points}


def _json(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [e.model_dump(mode="json") for e in evidence]
