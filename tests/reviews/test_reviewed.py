"""The typed reviewed card: the same facts, keys and JSON as the review layer's JSON form."""

from __future__ import annotations

import json

import pytest

from reviews import facts
from reviews.decide import Proposal, record
from reviews.reviewed import reviewed_card
from summaries.parser import summarize
from tests.pages.factories import POLICY, make_company

pytestmark = pytest.mark.django_db


def test_checkable_facts_are_the_review_layers_in_its_order(admin_user):
    company = make_company()
    version = company.versions.get()
    record(version, Proposal("collected:cookies", "reject", "No."), admin_user)
    record(version, Proposal("children_min_age", "correct", "Sixteen.", value="16"), admin_user)
    card = reviewed_card(version)
    as_json = card.as_json()
    assert [fact.key for fact in card.checkable()] == [key for key, _ in facts.iter_facts(as_json)]
    by_key = {fact.key: fact for fact in card.checkable()}
    assert by_key["children_min_age"].value == 16 and by_key["children_min_age"].review == "corrected"
    assert by_key["contacts:email:privacy@juniper.example"].value == "privacy@juniper.example"
    assert by_key["choices:deletion"].how[0].kind == "email"
    for section in facts.LIST_SECTIONS:
        assert [e.key for e in getattr(card, section)] == [facts.entry_key(section, e) for e in as_json[section]]
    assert card.reviews["collected:cookies"].state == "rejected" and card.flagged() == {}


def test_the_parsers_card_reviewed_keeps_its_json_key_for_key():
    stored = summarize(POLICY)
    company = make_company(card=stored)
    reviewed = reviewed_card(company.versions.get()).as_json()
    plain = {k: v for k, v in reviewed.items() if k not in ("effective_date_review", "reviews", "grade")}
    for section in facts.LIST_SECTIONS:
        plain[section] = [{k: v for k, v in e.items() if k != "review"} for e in plain[section]]
    plain["sells_data"] = {k: v for k, v in plain["sells_data"].items() if k != "review"}
    for name in facts.FACTS_BLOCK:
        plain["facts"][name] = {k: v for k, v in plain["facts"][name].items() if k != "review"}
    assert json.dumps(plain) == json.dumps(stored)
