"""Decisions on facts: who, why, before/after; kept across reparse, parser versions and new policy versions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from policies.models import PolicyVersion
from reviews import facts
from reviews.decide import DecisionError, Proposal, confirm_all, record
from reviews.models import CardReview, Decision, ImmutableDecisionError
from reviews.reviewed import reviewed_card
from summaries.parser import PARSER_VERSION
from summaries.store import store_card
from tests.pages.factories import POLICY, add_card, add_version, card_for, make_company

pytestmark = pytest.mark.django_db


def latest(company) -> PolicyVersion:
    return PolicyVersion.objects.filter(company=company).order_by("-sequence").first()


def span_of(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def entry(card, section, key):
    return next(e for e in getattr(card, section) if e.key == key)


@pytest.fixture
def juniper():
    return make_company()


def test_every_fact_starts_as_read_automatically(juniper):
    card = reviewed_card(latest(juniper))
    assert {e.review for s in facts.LIST_SECTIONS for e in getattr(card, s)} == {"machine"}
    assert card.sells_data.review == "machine"
    assert card.facts.do_not_track.review == "machine"
    assert {fact.review for fact in card.checkable()} == {"machine"}


def test_confirm_records_who_when_why_and_before_after(juniper, admin_user):
    version = latest(juniper)
    decision = record(version, Proposal("shared:advertisers", "confirm", "Quote says so."), admin_user)
    assert decision.decided_by == admin_user and decision.reason == "Quote says so."
    assert decision.before == decision.after and decision.before["recipient"] == "advertisers"
    card = reviewed_card(version)
    shared = entry(card, "shared", "shared:advertisers")
    assert shared.review == "confirmed" and shared.checked_on == decision.decided_at.date().isoformat()


def test_correct_with_another_code_and_quote_keeps_offsets_exact(juniper, admin_user):
    version = latest(juniper)
    span = span_of(POLICY, "We share device identifiers and browsing data with advertising partners")
    record(
        version,
        Proposal("shared:advertisers", "correct", "They are marketing partners.", code="marketing_partners", span=span),
        admin_user,
    )
    card = reviewed_card(version)
    assert "shared:advertisers" not in {e.key for e in card.shared}
    fixed = entry(card, "shared", "shared:marketing_partners")
    assert fixed.review == "corrected"
    ev = fixed.evidence[0]
    assert POLICY[ev.start : ev.end] == ev.quote


def test_correct_a_choice_how(juniper, admin_user):
    version = latest(juniper)
    how = [{"kind": "web_form", "value": "https://juniper.example/privacy-request"}]
    record(version, Proposal("choices:deletion", "correct", "There is a form too.", how=how), admin_user)
    assert [
        h.model_dump(exclude_unset=True) for h in entry(reviewed_card(version), "choices", "choices:deletion").how
    ] == how


def test_reject_removes_the_fact_and_add_puts_a_missed_one(juniper, admin_user):
    version = latest(juniper)
    record(version, Proposal("collected:cookies", "reject", "Cookies are not data collected here."), admin_user)
    span = span_of(POLICY, "the pages you visit")
    record(
        version, Proposal("collected:online_activity", "add", "Missed.", code="online_activity", span=span), admin_user
    )
    card = reviewed_card(version)
    keys = {e.key for e in card.collected}
    assert "collected:cookies" not in keys and "collected:online_activity" in keys
    assert card.reviews["collected:cookies"].state == "rejected"
    assert entry(card, "collected", "collected:online_activity").review == "corrected"


@pytest.mark.parametrize(
    ("key", "value", "expect"),
    [("sells_data", "yes", "yes"), ("do_not_track", "honored", "honored"), ("children_min_age", "16", 16)],
)
def test_scalar_corrections(juniper, admin_user, key, value, expect):
    version = latest(juniper)
    record(version, Proposal(key, "correct", "Misread.", value=value), admin_user)
    card = reviewed_card(version)
    fact = card.sells_data if key == "sells_data" else getattr(card.facts, key)
    assert fact.value == expect and fact.review == "corrected"


def test_effective_date_can_be_checked(juniper, admin_user):
    version = latest(juniper)
    record(
        version,
        Proposal("effective_date", "correct", "Typo.", value="2025-03-04", span=span_of(POLICY, "March 3, 2025")),
    )
    card = reviewed_card(version)
    assert card.effective_date == "2025-03-04" and card.effective_date_review.review == "corrected"
    assert card.effective_date_evidence[0].quote == "March 3, 2025"


@pytest.mark.parametrize(
    ("proposal", "message"),
    [
        (Proposal("shared:advertisers", "confirm", "  "), "Say why"),
        (Proposal("shared:nobody", "confirm", "x"), "no fact"),
        (Proposal("shared:advertisers", "correct", "x", code="aliens"), "not a shared code"),
        (Proposal("collected:x", "add", "x", code="contact"), "Select the quote"),
        (Proposal("collected:x", "add", "x", code="contact", span=(5, 999_999)), "not inside"),
        (Proposal("sells_data", "correct", "x", value="maybe"), "not a value"),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_recorded(juniper, proposal, message):
    with pytest.raises(DecisionError, match=message):
        record(latest(juniper), proposal)
    assert not Decision.objects.exists()


def test_decisions_are_never_edited_or_deleted(juniper, admin_user):
    decision = record(latest(juniper), Proposal("sells_data", "confirm", "ok"), admin_user)
    decision.reason = "changed"
    with pytest.raises(ImmutableDecisionError):
        decision.save()
    with pytest.raises(ImmutableDecisionError):
        decision.delete()
    with pytest.raises(ImmutableDecisionError):
        Decision.objects.all().delete()


def test_decisions_survive_reparse_and_a_new_parser_version(juniper, admin_user):
    version = latest(juniper)
    record(version, Proposal("shared:advertisers", "reject", "Only analytics."), admin_user)
    record(version, Proposal("sells_data", "correct", "Sells lists.", value="yes"), admin_user)
    # Same parser again (replaces the row), then the real current parser (adds a row beside it).
    store_card(version, card_for())
    call_command("reparse", "--all", stdout=StringIO())
    card = reviewed_card(version)
    assert card.parser_version == PARSER_VERSION
    assert "shared:advertisers" not in {e.key for e in card.shared}
    assert card.sells_data.value == "yes" and card.sells_data.review == "corrected"


def test_decision_carries_over_reanchored_when_its_quote_is_still_there(juniper, admin_user):
    record(latest(juniper), Proposal("shared:advertisers", "confirm", "Right."), admin_user)
    new_text = "Preface added in a new version.\n\n" + POLICY
    v2 = add_version(juniper, new_text)
    add_card(v2, card_for(new_text))
    card = reviewed_card(v2)
    shared = entry(card, "shared", "shared:advertisers")
    assert shared.review == "confirmed"
    ev = shared.evidence[0]
    assert ev.start == new_text.index(ev.quote) and new_text[ev.start : ev.end] == ev.quote


def test_decision_whose_quote_vanished_needs_review(juniper, admin_user):
    record(latest(juniper), Proposal("shared:advertisers", "confirm", "Right."), admin_user)
    new_text = POLICY.replace("advertising partners such as AdNet Co to show you targeted ads", "ad firms for ads")
    v2 = add_version(juniper, new_text)
    machine = card_for(new_text)
    machine["shared"][1]["evidence"] = [
        {"quote": "ad firms for ads", "start": new_text.index("ad firms"), "end": new_text.index("ad firms") + 16}
    ]
    add_card(v2, machine)
    card = reviewed_card(v2)
    assert entry(card, "shared", "shared:advertisers").review == "needs_review"
    assert list(card.flagged()) == ["shared:advertisers"]
    assert CardReview.objects.get(company=juniper).needs_review == 1
    # The old version still shows the decision as it was made.
    assert entry(reviewed_card(juniper.versions.get(sequence=1)), "shared", "shared:advertisers").review == "confirmed"


def test_confirm_all_checks_every_remaining_fact(juniper, admin_user):
    version = latest(juniper)
    record(version, Proposal("collected:cookies", "reject", "no"), admin_user)
    count = confirm_all(version, "Read it all.", admin_user)
    card = reviewed_card(version)
    assert count > 5
    assert all(e.review == "confirmed" for s in facts.LIST_SECTIONS for e in getattr(card, s))
    assert {fact.review for fact in card.checkable()} == {"confirmed"}
    assert CardReview.objects.get(company=juniper).unchecked == 0
