"""Stored cards: derived badge columns and one card per version per parser version."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from pydantic import ValidationError

from policies.ingest import from_text
from summaries.models import Summary
from summaries.parser.card import empty_card
from summaries.recording import record_version
from summaries.store import store_card

CARD = {
    **empty_card(),
    "parser_version": "9.9.9",
    "sells_data": {"value": "yes", "evidence": []},
    "shared": [{"recipient": "advertisers", "names": [], "purposes": [], "data_types": [], "evidence": []}],
    "choices": [
        {"type": "deletion", "how": [{"kind": "email", "value": "privacy@shop.example"}], "evidence": []},
        {"type": "global_privacy_control", "how": [], "evidence": []},
    ],
    "passages": [{"start": 0, "end": 5, "heading": "", "practices": ["third_party_sharing", "user_choice"]}],
}


@pytest.fixture
def version(company):
    return record_version(company, from_text("We collect your name."), original=b"We collect your name.").version


@pytest.mark.django_db
def test_a_deletion_right_with_no_way_to_use_it_is_no_deletion_badge(version):
    card = {**CARD, "choices": [{"type": "deletion", "how": [], "evidence": []}]}
    assert not store_card(version, card).allows_deletion


@pytest.mark.django_db
def test_derived_columns_follow_the_card(version):
    summary = store_card(version, CARD)
    assert summary.sells_data == "yes"
    assert summary.shares_with_advertisers and summary.allows_deletion and summary.honors_gpc
    assert summary.practices == ["third_party_sharing", "user_choice"]


@pytest.mark.django_db
def test_same_parser_version_replaces_instead_of_adding(version):
    store_card(version, CARD)
    store_card(version, {**CARD, "sells_data": {"value": "no", "evidence": []}})
    summaries = Summary.objects.filter(version=version, parser_version="9.9.9")
    assert summaries.count() == 1
    assert summaries.get().sells_data == "no"


@pytest.mark.django_db
def test_named_constraint_refuses_a_second_row(version):
    store_card(version, CARD)
    with pytest.raises(IntegrityError), transaction.atomic():
        Summary.objects.create(version=version, parser_version="9.9.9", card=CARD)


@pytest.mark.django_db
def test_current_returns_newest_card_of_latest_versions(company, version):
    newer = record_version(company, from_text("We collect your phone."), original=b"x").version
    store_card(newer, CARD)
    current = list(Summary.objects.current())
    assert {s.version_id for s in current} == {newer.pk}
    assert len(current) == 1


@pytest.mark.django_db
def test_the_store_refuses_a_card_outside_the_contract(version):
    with pytest.raises(ValidationError, match="brand_new_recipient"):
        store_card(version, {**CARD, "shared": [{**CARD["shared"][0], "recipient": "brand_new_recipient"}]})
    assert not Summary.objects.filter(version=version, parser_version="9.9.9").exists()


@pytest.mark.django_db
def test_the_store_types_a_card_once_and_keeps_its_json_form(version, monkeypatch):
    from summaries.parser.model import Card

    calls = []
    validate = Card.model_validate.__func__

    def counted(cls, data, **kwargs):
        calls.append(cls)
        return validate(cls, data, **kwargs)

    monkeypatch.setattr(Card, "model_validate", classmethod(counted))
    for _ in range(2):  # creating the row, then replacing it
        calls.clear()
        store_card(version, CARD)
        assert calls.count(Card) == 1  # the reviewed card read by the review queue is a subclass, typed apart
    stored = Summary.objects.get(version=version, parser_version="9.9.9")
    assert stored.card == CARD
