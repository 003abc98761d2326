"""Card-level changes are derived once, when a card is saved, and stored beside it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from policies.ingest import from_text
from summaries.changes import CHANGES_VERSION, as_stored, card_changes
from summaries.models import Summary
from summaries.parser import PARSER_VERSION
from summaries.recording import record_version

pytestmark = pytest.mark.django_db

V1 = "Privacy policy. We collect your email address to send your receipts."
V2 = "Privacy policy. We collect your email address. We sell your data to advertisers."
V3 = "Privacy policy. We collect your email address. We do not sell your data."


def record(company, text: str):
    return record_version(company, from_text(text), original=text.encode()).version


def card_of(version) -> Summary:
    return Summary.objects.newest_of(version)


def test_recording_stores_the_changes_from_the_previous_card_with_the_code_version(company):
    first, second = record(company, V1), record(company, V2)
    assert card_of(first).changes == [] and card_of(first).changes_version == CHANGES_VERSION
    stored = card_of(second)
    expected = as_stored(card_changes(card_of(first).card, stored.card, V1, V2))
    assert expected and stored.changes == expected
    assert stored.changes_version == CHANGES_VERSION
    assert any("sell" in change["text"] for change in stored.changes)


def test_a_new_card_for_a_version_derives_its_successors_changes_again(company):
    first, second = record(company, V1), record(company, V2)
    before = card_of(second).changes
    # Version 1 gets another card (as reparse gives it): version 2's stored changes compare with it.
    summary = Summary.objects.get(version=first)
    summary.card = {**summary.card, "sells_data": card_of(second).card["sells_data"]}
    summary.save()
    after = card_of(second).changes
    assert after != before
    assert after == as_stored(card_changes(summary.card, card_of(second).card, V1, V2))


def test_a_card_whose_predecessor_has_none_waits_and_is_derived_when_it_comes(company):
    first, second = record(company, V1), record(company, V2)
    old = Summary.objects.get(version=first)
    Summary.objects.filter(version=first).delete()
    card_of(second).save()
    assert card_of(second).changes is None and card_of(second).changes_version == ""
    Summary.objects.create(version=first, parser_version=old.parser_version, card=old.card)
    assert card_of(second).changes and card_of(second).changes_version == CHANGES_VERSION


def test_reparse_derives_again_changes_an_older_changes_code_derived(company):
    versions = [record(company, text) for text in (V1, V2, V3)]
    right = [card_of(v).changes for v in versions]
    Summary.objects.update(changes=[{"text": "stale"}], changes_version="0-old")
    out = StringIO()
    call_command("reparse", stdout=out)
    assert "derived the changes of 3 again" in out.getvalue()
    assert [card_of(v).changes for v in versions] == right
    assert set(Summary.objects.values_list("changes_version", flat=True)) == {CHANGES_VERSION}
    assert Summary.objects.filter(parser_version=PARSER_VERSION).count() == 3  # nothing re-parsed
    again = StringIO()
    call_command("reparse", stdout=again)
    assert "Every version is summarised" in again.getvalue()
