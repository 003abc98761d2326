"""The company row's current version and card badges follow what is recorded."""

from __future__ import annotations

import pytest

from policies.models import Company
from tests.pages.factories import POLICY, add_card, add_version, card_for


@pytest.mark.django_db
def test_version_and_card_update_the_company_row(company):
    first = add_version(company, POLICY)
    company.refresh_from_db()
    assert (company.current_version_id, company.version_count, company.has_card) == (first.pk, 1, False)
    assert company.last_updated == first.captured_at
    add_card(first, card_for(POLICY, sells_data={"value": "yes", "evidence": []}))
    company.refresh_from_db()
    assert company.badge_sells == "yes" and company.badge_ads is True

    second = add_version(company, POLICY + "\nMore.", extractor_change=True)
    company.refresh_from_db()
    assert (company.current_version_id, company.version_count, company.has_card) == (second.pk, 2, False)
    assert company.last_updated == first.captured_at  # our re-extraction is not the company's change
    add_card(first, card_for(POLICY) | {"parser_version": "test-2"})  # an older version's new card
    company.refresh_from_db()
    assert company.badge_sells is None
    add_card(second, card_for(POLICY + "\nMore."))
    company.refresh_from_db()
    assert company.badge_sells == "no"


@pytest.mark.django_db
def test_a_stale_company_object_does_not_overwrite_the_columns(company):
    stale = Company.objects.get(pk=company.pk)
    version = add_version(company, POLICY)
    stale.name = "Acme Home & Garden"
    stale.save()
    fresh = Company.objects.get(pk=company.pk)
    assert (fresh.name, fresh.current_version_id, fresh.version_count) == ("Acme Home & Garden", version.pk, 1)
