"""The grading rubric, one row per point: which card makes it apply, and with which evidence."""

from __future__ import annotations

import copy

import pytest

from reviews import rubric
from tests.pages.factories import POLICY, card_for, ev

BASE = card_for()


def without(card, section, code):
    field = "recipient" if section == "shared" else "type"
    card[section] = [e for e in card[section] if e[field] != code]
    return card


def variant(change):
    card = copy.deepcopy(BASE)
    return change(card) or card


def sells(card):
    card["sells_data"] = {"value": "yes", "evidence": ev(POLICY, "We do not sell your personal information.")}


def marketing(card):
    partners = {"recipient": "marketing_partners", "names": [], "purposes": [], "data_types": []}
    card["shared"].append({**partners, "evidence": ev(POLICY, "We share information")})


def no_deletion(card):
    return without(card, "choices", "deletion")


def no_gpc(card):
    return without(card, "choices", "global_privacy_control")


def deletion_by_post(card):
    next(c for c in card["choices"] if c["type"] == "deletion")["how"] = [{"kind": "mail", "value": "12 Elm St"}]


def retention(value, text=""):
    def change(card):
        card["facts"]["retention"] = {"value": value, "text": text, "evidence": ev(POLICY, "We keep your information")}

    return change


# (rule, card change, applies, has evidence)
TABLE = [
    ("sells_data", sells, True, True),
    ("sells_data", lambda c: None, False, False),
    ("shares_for_their_marketing", marketing, True, True),
    ("shares_for_their_marketing", lambda c: None, False, False),
    ("shares_with_advertisers", lambda c: None, True, True),
    ("shares_with_advertisers", lambda c: without(c, "shared", "advertisers"), False, False),
    ("no_deletion", no_deletion, True, False),
    ("no_deletion", lambda c: None, False, False),
    ("ignores_signals", no_gpc, True, True),
    ("ignores_signals", lambda c: None, False, False),  # DNT ignored but GPC honoured
    ("long_or_unstated_retention", lambda c: None, True, True),  # as long as needed
    ("long_or_unstated_retention", retention("not_stated"), True, True),
    ("long_or_unstated_retention", retention("period", "7 years"), True, True),
    ("long_or_unstated_retention", retention("period", "18 months"), False, False),
    ("deletion_online", lambda c: None, True, True),
    ("deletion_online", deletion_by_post, False, False),
    ("deletion_online", no_deletion, False, False),
    ("honours_gpc", lambda c: None, True, True),
    ("honours_gpc", no_gpc, False, False),
    ("short_retention", retention("period", "90 days"), True, True),
    ("short_retention", retention("period", "2 years"), True, True),
    ("short_retention", retention("period", "3 years"), False, False),
    ("short_retention", lambda c: None, False, False),
]


@pytest.mark.parametrize(("code", "change", "applies", "has_evidence"), TABLE)
def test_each_point(code, change, applies, has_evidence):
    result = rubric.grade(variant(change))
    point = next((p for p in result["points"] if p["code"] == code), None)
    assert (point is not None) == applies
    if point:
        assert bool(point["evidence"]) == has_evidence
        for item in point["evidence"]:
            assert POLICY[item["start"] : item["end"]] == item["quote"]


def test_every_rule_is_in_the_table():
    assert {r.code for r in rubric.RULES} == {row[0] for row in TABLE}


@pytest.mark.parametrize(
    ("score", "letter"),
    [(5, "A"), (2, "A"), (1, "B"), (0, "B"), (-1, "C"), (-2, "C"), (-3, "D"), (-4, "D"), (-5, "E"), (-9, "E")],
)
def test_bands(score, letter):
    assert rubric.letter(score) == letter


def test_juniper_grade_is_the_sum_of_its_points():
    result = rubric.grade(BASE)
    assert result["score"] == sum(p["weight"] for p in result["points"])
    # advertisers -1, retention -1, deletion online +1, GPC +2
    assert (result["value"], result["score"]) == ("B", 1)


def test_worst_card_gets_e():
    def worst(card):
        for change in (sells, marketing, no_deletion, no_gpc):
            change(card)

    card = variant(worst)
    assert rubric.grade(card)["value"] == "E"


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.update(collected=[], shared=[]),
        lambda c: c.update(warnings=["not a privacy policy: the text has none of the usual privacy vocabulary"]),
    ],
)
def test_thin_card_is_not_enough_information(change):
    result = rubric.grade(variant(change))
    assert result["value"] is None and result["score"] is None


@pytest.mark.parametrize("empty", rubric.MAIN_SECTIONS)
def test_one_empty_main_section_still_gets_a_grade(empty):
    """The line is two of the three main sections: a policy silent on one of them is graded on what it says."""
    assert rubric.grade(variant(lambda c: c.update({empty: []})))["value"] is not None
    others = [s for s in rubric.MAIN_SECTIONS if s != empty]
    assert rubric.grade(variant(lambda c: c.update({key: [] for key in others})))["value"] is None


@pytest.mark.parametrize(
    ("text", "days"), [("90 days", 90), ("up to 7 years", 2555), ("", None), ("6 months or 1 year", 365)]
)
def test_retention_days(text, days):
    assert rubric.retention_days(text) == days
