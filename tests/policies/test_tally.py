"""`CompanyTally` counts the public companies of every filter mix exactly, whatever changes them.

The tally is kept by triggers on the company table (migration 0010), so each test changes
companies the ways the app and bulk tools do (save, queryset update, raw SQL, delete, hiding)
and compares every filter's tally with a real COUNT. Run on the migrated test database, this also
fails if a later migration rebuilt the company table on SQLite and so dropped the triggers.
"""

from __future__ import annotations

import itertools

import pytest
from django.db import connection

from pages.forms import GRADE_CHOICES, SELLS_CHOICES, BrowseParams
from pages.views.browse import browse_companies
from policies.models import Company, CompanyTally, Sector
from tests.pages.factories import make_many

pytestmark = pytest.mark.django_db

MIXES = [
    dict(sells=sells, no_ads=no_ads, deletion=deletion, gpc=gpc, sector=sector, grade=grade)
    for sells, no_ads, deletion, gpc, sector, grade in itertools.product(
        [value for value, _ in SELLS_CHOICES],
        [False, True],
        [False, True],
        [False, True],
        ["", Sector.BOOKS, Sector.FOOD],
        ["", "A", "none"],
    )
]


def assert_tally_exact() -> None:
    wrong = {}
    for mix in MIXES:
        params = BrowseParams(**mix)
        grade = "" if not mix["grade"] else (None if mix["grade"] == "none" else mix["grade"])
        counted = CompanyTally.objects.public_count(**{**mix, "grade": grade})
        real = browse_companies(params).count()
        if counted != real:
            wrong[str(mix)] = (counted, real)
    assert wrong == {}
    assert not CompanyTally.objects.filter(n__lt=0).exists()


def vary(companies: list[Company]) -> None:
    """Give the companies every kind of badge, grade and sector, through a queryset update per row."""
    for i, company in enumerate(companies):
        Company.objects.filter(pk=company.pk).update(
            badge_sells=[None, "no", "yes", "not_stated"][i % 4],
            badge_ads=[None, False, True][i % 3],
            badge_deletion=[True, False, None][i % 3],
            badge_gpc=i % 2 == 0,
            sector=[Sector.BOOKS, Sector.FOOD, Sector.OTHER][i % 3],
            grade=[None, "A", "B", None, "C"][i % 5],
        )


def test_the_tally_starts_empty_and_counts_new_public_companies():
    assert CompanyTally.objects.public_count() == 0
    make_many(12)
    assert CompanyTally.objects.public_count() == 12
    assert_tally_exact()


def test_the_tally_follows_badges_grades_and_sectors_as_they_change():
    companies = make_many(30)
    vary(companies)
    assert_tally_exact()
    vary(list(reversed(companies)))  # every company moves to another mix
    assert_tally_exact()


def test_the_tally_follows_saves_deletes_and_hiding():
    companies = make_many(20)
    vary(companies)
    company = Company.objects.get(pk=companies[0].pk)
    company.sector = Sector.FOOD
    company.save()
    # A company's versions protect it from deletion; one pointed at another's version has none.
    borrowed = Company.objects.create(name="Borrowed", slug="borrowed")
    Company.objects.filter(pk=borrowed.pk).update(
        current_version=Company.objects.get(pk=companies[1].pk).current_version_id, badge_sells="no"
    )
    assert CompanyTally.objects.public_count() == 21
    Company.objects.filter(pk=borrowed.pk).delete()
    Company.objects.filter(pk=companies[1].pk).update(current_version=None)
    Company.objects.filter(pk__in=[c.pk for c in companies[2:6]]).update(current_version=None)  # hidden
    Company.objects.create(name="No versions yet", slug="no-versions")  # not public: not counted
    assert_tally_exact()
    assert CompanyTally.objects.public_count() == 15


def test_the_tally_follows_a_bulk_refresh_and_raw_sql():
    companies = make_many(20)
    vary(companies)
    Company.objects.all().refresh_current()  # clears every badge and grade in one UPDATE
    assert_tally_exact()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE policies_company SET badge_sells = 'yes', grade = 'D' WHERE id % 2 = 0")
    assert_tally_exact()


def test_the_grade_filters_leave_out_held_cards():
    """A held card has no badges and no grade: "not enough information" does not count it."""
    companies = make_many(6)
    Company.objects.filter(pk__in=[c.pk for c in companies[:2]]).update(badge_sells=None, grade=None)
    assert (
        CompanyTally.objects.public_count(grade=None)
        == Company.objects.public().filter(grade=None, badge_sells__isnull=False).count()
    )
    assert_tally_exact()


def test_every_grade_choice_is_a_mix_the_tally_can_count():
    assert {value for value, _ in GRADE_CHOICES} == {"", "A", "B", "C", "D", "E", "none"}
