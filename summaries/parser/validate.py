"""The card contract (../shared/spec/cards.md) as a checker: `validate_card(card, text)` lists every problem.

An empty list means the card has every field with the right type, only codes from the
vocabularies, evidence whose quotes sit at their offsets, and passages in order within the text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from summaries.parser import channels, codes

COLLECTED = frozenset(codes.COLLECTED)
SOURCES = frozenset(codes.SOURCES)
RECIPIENTS = frozenset(codes.RECIPIENTS)
PURPOSES = frozenset(codes.PURPOSES)
CHOICES = frozenset(codes.CHOICES)
HOW_KINDS = frozenset(codes.HOW_KINDS)
CONTACT_KINDS = frozenset(codes.CONTACT_KINDS)
PRACTICES = frozenset(codes.PRACTICES)
SELLS = frozenset(member.value for member in codes.Sells)
FACT_VALUES: dict[str, frozenset[str]] = {
    str(name): frozenset(member.value for member in vocabulary) for name, vocabulary in codes.FACT_VALUES.items()
}
TOP_LEVEL = (
    "schema",
    "parser_version",
    "company",
    "effective_date",
    "collected",
    "shared",
    "sells_data",
    "choices",
    "contacts",
    "facts",
    "passages",
    "stats",
    "warnings",
)
# Fields the project adds to the contract (allowed by it: "the project may add fields"); documented in README.
EXTENSIONS = ("effective_date_evidence", "effective_date_precision", "complain_to")
CONTACT_ROLES = frozenset(channels.RANK)
_E164 = re.compile(r"\+[1-9]\d{6,14}")


class _Checker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def kind(self, where: str, value: Any, types: type | tuple[type, ...]) -> bool:
        # bool is an int in Python; a True age or offset is still a wrong type.
        if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            self.add(where, f"expected {types}, got bool")
            return False
        if not isinstance(value, types):
            self.add(where, f"expected {getattr(types, '__name__', types)}, got {type(value).__name__}")
            return False
        return True

    def strings(self, where: str, value: Any, vocabulary: frozenset[str] | None = None) -> None:
        if not self.kind(where, value, list):
            return
        for i, item in enumerate(value):
            if self.kind(f"{where}[{i}]", item, str) and vocabulary is not None and item not in vocabulary:
                self.add(f"{where}[{i}]", f"unknown code {item!r}")

    def evidence(self, where: str, value: Any, required: bool) -> None:
        if not self.kind(where, value, list):
            return
        if required and not value:
            self.add(where, "a stated fact needs evidence")
        for i, item in enumerate(value):
            here = f"{where}[{i}]"
            if not self.kind(here, item, dict):
                continue
            missing = {"quote", "start", "end"} - item.keys()
            if missing:
                self.add(here, f"missing {sorted(missing)}")
                continue
            quote, start, end = item["quote"], item["start"], item["end"]
            if not (self.kind(here + ".quote", quote, str) and self.kind(here + ".start", start, int)):
                continue
            if not self.kind(here + ".end", end, int):
                continue
            if not 0 <= start <= end <= len(self.text):
                self.add(here, f"offsets {start}:{end} outside the text (length {len(self.text)})")
            elif self.text[start:end] != quote:
                self.add(here, f"text[{start}:{end}] is not the quote")
            elif not quote.strip():
                self.add(here, "empty quote")

    def code(self, where: str, value: Any, vocabulary: frozenset[str]) -> None:
        if self.kind(where, value, str) and value not in vocabulary:
            self.add(where, f"unknown code {value!r}")

    def items(self, where: str, value: Any) -> list[tuple[str, dict[str, Any]]]:
        if not self.kind(where, value, list):
            return []
        out = []
        for i, item in enumerate(value):
            if self.kind(f"{where}[{i}]", item, dict):
                out.append((f"{where}[{i}]", item))
        return out

    def keys(self, where: str, item: dict[str, Any], names: tuple[str, ...]) -> bool:
        missing = [n for n in names if n not in item]
        if missing:
            self.add(where, f"missing {missing}")
        return not missing


def _collected(c: _Checker, card: dict[str, Any]) -> None:
    seen: set[str] = set()
    for where, item in c.items("collected", card["collected"]):
        if not c.keys(where, item, ("type", "examples", "sources", "evidence")):
            continue
        c.code(where + ".type", item["type"], COLLECTED)
        if item["type"] in seen:
            c.add(where, f"type {item['type']!r} listed twice")
        seen.add(item["type"])
        c.strings(where + ".examples", item["examples"])
        c.strings(where + ".sources", item["sources"], SOURCES)
        c.evidence(where + ".evidence", item["evidence"], required=True)


def _shared(c: _Checker, card: dict[str, Any]) -> None:
    for where, item in c.items("shared", card["shared"]):
        if not c.keys(where, item, ("recipient", "names", "purposes", "data_types", "evidence")):
            continue
        c.code(where + ".recipient", item["recipient"], RECIPIENTS)
        c.strings(where + ".names", item["names"])
        c.strings(where + ".purposes", item["purposes"], PURPOSES)
        c.strings(where + ".data_types", item["data_types"], COLLECTED)
        c.evidence(where + ".evidence", item["evidence"], required=True)


def _choices(c: _Checker, card: dict[str, Any]) -> None:
    for where, item in c.items("choices", card["choices"]):
        if not c.keys(where, item, ("type", "how", "evidence")):
            continue
        c.code(where + ".type", item["type"], CHOICES)
        for how_where, how in c.items(where + ".how", item["how"]):
            if c.keys(how_where, how, ("kind", "value")):
                c.code(how_where + ".kind", how["kind"], HOW_KINDS)
                c.kind(how_where + ".value", how["value"], str)
        c.evidence(where + ".evidence", item["evidence"], required=True)


def _contacts(c: _Checker, card: dict[str, Any]) -> None:
    _contact_list(c, card, "contacts")
    if "complain_to" in card:
        _contact_list(c, card, "complain_to")
    for where, item in c.items("contacts", card["contacts"]):
        if "role" in item:
            c.code(where + ".role", item["role"], CONTACT_ROLES)


def _contact_list(c: _Checker, card: dict[str, Any], field: str) -> None:
    seen: set[tuple[str, str]] = set()
    for where, item in c.items(field, card[field]):
        if not c.keys(where, item, ("kind", "value", "normalized", "label", "evidence")):
            continue
        c.code(where + ".kind", item["kind"], CONTACT_KINDS)
        for name in ("value", "normalized", "label"):
            if c.kind(f"{where}.{name}", item[name], str) and not item[name].strip():
                c.add(f"{where}.{name}", "empty")
        normalized = item["normalized"] if isinstance(item["normalized"], str) else ""
        if item["kind"] == "phone" and not _E164.fullmatch(normalized):
            c.add(where + ".normalized", f"phone {normalized!r} is not E.164")
        if item["kind"] == "email" and (normalized != normalized.lower() or "@" not in normalized):
            c.add(where + ".normalized", f"e-mail {normalized!r} is not a lower-case address")
        key = (str(item["kind"]), normalized)
        if key in seen:
            c.add(where, f"duplicate contact {normalized!r}")
        seen.add(key)
        c.evidence(where + ".evidence", item["evidence"], required=True)


def _facts(c: _Checker, card: dict[str, Any]) -> None:
    facts = card["facts"]
    if not c.kind("facts", facts, dict):
        return
    for name in (*FACT_VALUES, "children_min_age"):
        where = f"facts.{name}"
        fact = facts.get(name)
        if fact is None:
            c.add("facts", f"missing {name!r}")
            continue
        if not (c.kind(where, fact, dict) and c.keys(where, fact, ("value", "evidence"))):
            continue
        value = fact["value"]
        if name == "children_min_age":
            stated = value is not None
            if stated and c.kind(where + ".value", value, int) and not 1 <= value <= 99:
                c.add(where + ".value", f"implausible age {value}")
        else:
            c.code(where + ".value", value, FACT_VALUES[name])
            stated = value != "not_stated"
        if name == "retention" and c.keys(where, fact, ("text",)):
            c.kind(where + ".text", fact["text"], str)
        c.evidence(where + ".evidence", fact["evidence"], required=stated)


def _passages(c: _Checker, card: dict[str, Any]) -> None:
    previous_end = 0
    for where, item in c.items("passages", card["passages"]):
        if not c.keys(where, item, ("start", "end", "heading", "practices")):
            continue
        start, end = item["start"], item["end"]
        if c.kind(where + ".start", start, int) and c.kind(where + ".end", end, int):
            if not 0 <= start < end <= len(c.text):
                c.add(where, f"span {start}:{end} outside the text (length {len(c.text)})")
            if start < previous_end:
                c.add(where, f"starts at {start}, before the previous passage ends ({previous_end})")
            previous_end = max(previous_end, end)
        c.kind(where + ".heading", item["heading"], str)
        c.strings(where + ".practices", item["practices"], PRACTICES)


def _scalars(c: _Checker, card: dict[str, Any]) -> None:
    if card["schema"] != "card/1":
        c.add("schema", f"expected 'card/1', got {card['schema']!r}")
    c.kind("parser_version", card["parser_version"], str)
    if card["company"] is not None:
        c.kind("company", card["company"], str)
    date = card["effective_date"]
    if date is not None and c.kind("effective_date", date, str):
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            c.add("effective_date", f"{date!r} is not an ISO date")
        else:
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
                c.add("effective_date", f"{date!r} is not YYYY-MM-DD")
    if "effective_date_evidence" in card:
        c.evidence("effective_date_evidence", card["effective_date_evidence"], required=date is not None)
    if card.get("effective_date_precision") not in (None, "day", "month"):
        c.add("effective_date_precision", f"{card['effective_date_precision']!r} is not day or month")
    sells = card["sells_data"]
    if c.kind("sells_data", sells, dict) and c.keys("sells_data", sells, ("value", "evidence")):
        c.code("sells_data.value", sells["value"], SELLS)
        c.evidence("sells_data.evidence", sells["evidence"], required=sells["value"] != "not_stated")
    stats = card["stats"]
    if c.kind("stats", stats, dict) and c.keys("stats", stats, ("words", "reading_minutes", "grade_level")):
        for name in ("words", "reading_minutes"):
            if c.kind(f"stats.{name}", stats[name], int) and stats[name] < 0:
                c.add(f"stats.{name}", "negative")
        if stats["grade_level"] is not None:
            c.kind("stats.grade_level", stats["grade_level"], (int, float))
    c.strings("warnings", card["warnings"])


def validate_card(card: Any, text: str) -> list[str]:
    """Every way `card` breaks the contract for the policy text `text`; [] when it keeps it."""
    c = _Checker(text)
    if not c.kind("card", card, dict):
        return c.problems
    missing = [name for name in TOP_LEVEL if name not in card]
    if missing:
        c.add("card", f"missing {missing}")
        return c.problems
    _scalars(c, card)
    _collected(c, card)
    _shared(c, card)
    _choices(c, card)
    _contacts(c, card)
    _facts(c, card)
    _passages(c, card)
    return c.problems
