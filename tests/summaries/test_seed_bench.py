"""`manage.py seed_bench N`: N public companies, each with one version and its card (COPY on PostgreSQL)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from policies.models import Company
from summaries.models import Summary

pytestmark = pytest.mark.django_db


def test_each_company_is_public_with_its_version_card_and_badges(settings):
    settings.DEBUG = True
    call_command("seed_bench", 10, stdout=StringIO())
    companies = list(Company.objects.public().filter(slug__startswith="bench-").order_by("slug"))
    assert [c.slug for c in companies] == [f"bench-{i:06d}" for i in range(10)]
    for company in companies:
        version = company.current_version
        assert version.company_id == company.pk and version.sequence == 1
        summary = Summary.objects.get(version=version)
        assert summary.card["parser_version"] and summary.sells_data == company.badge_sells
    # Half the texts say they sell (odd numbers), half that they do not.
    assert {c.badge_sells for c in companies} == {"yes", "no"}


def test_a_second_run_adds_after_the_first(settings):
    settings.DEBUG = True
    call_command("seed_bench", 3, stdout=StringIO())
    call_command("seed_bench", 2, stdout=StringIO())
    assert Company.objects.filter(slug__startswith="bench-").count() == 5
    assert Summary.objects.filter(version__company__slug="bench-000004").count() == 1


def test_refuses_to_run_in_production_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_bench", 1)
    assert not Company.objects.exists()
