"""Deep browse pages read an index of public companies in the page's order, never every row
before the offset (how fast that is at 100,000 companies is a figure in bench/, not a test)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import F

from pages.queries import companies_with_badges
from policies.models import Company

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL plans by its own statistics"
)

PAGE_ORDERS = {
    "company_public_name_idx": ["name", "pk"],
    "company_public_updated_idx": [F("last_updated").desc(nulls_last=True), "name"],
}


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.parametrize("index", PAGE_ORDERS)
def test_a_deep_page_is_read_from_the_public_index(fifty, index):
    page = companies_with_badges().order_by(*PAGE_ORDERS[index])[40_000:40_020]
    steps = plan(page)
    assert f"USING INDEX {index}" in steps
    assert "TEMP B-TREE" not in steps  # no sort of all the rows before the page


def test_filters_by_selling_and_sector_have_their_own_index(fifty):
    assert "company_public_sells_idx" in plan(companies_with_badges().filter(badge_sells="no").order_by("name"))
    assert "company_public_sector_idx" in plan(companies_with_badges().filter(sector="retail").order_by("name"))


def test_the_admin_list_of_every_company_keeps_its_name_index(fifty):
    assert "company_name_idx" in plan(Company.objects.order_by("name", "id")[40_000:40_020])


def test_the_grade_filter_has_its_own_index(fifty):
    assert "company_public_grade_idx" in plan(companies_with_badges().filter(grade="B").order_by("name"))
