"""Browse pages are counted without a COUNT of the companies, and read deep pages from the nearer end.

Whatever the filters, sort and page, the page shows the same companies, count and page numbers as
Django's own paginator over the same queryset (which counts with COUNT and pages with OFFSET).
"""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from pages.forms import SORT_CHOICES, BrowseFiltersForm
from pages.views import browse as browse_view
from pages.views.browse import PER_PAGE, browse_companies, browse_paginator
from policies.models import SHORT_SEARCH, Company, Sector
from tests.pages.factories import make_many

pytestmark = pytest.mark.django_db

SORTS = [value for value, _ in SORT_CHOICES]
FILTERS = ["", "sells=no", "no_ads=1", "sector=books", "grade=B", "grade=none", "q=shop", "q=shop+01", "q=zz"]


@pytest.fixture
def varied(db):
    companies = make_many(53)
    for i, company in enumerate(companies):
        Company.objects.filter(pk=company.pk).update(
            badge_sells=["no", "yes", "not_stated"][i % 3],
            badge_ads=i % 4 == 0,
            sector=[Sector.BOOKS, Sector.FOOD][i % 2],
            grade=[None, "A", "B"][i % 3],
            # Ties and undated companies, so the name and key tie-breaks and NULL placement matter.
            last_updated=None if i % 7 == 0 else company.created_at.replace(day=1 + i % 5),
        )
    return companies


def pages_of(query: str):
    """Our paginator for `query`, and Django's over the companies the page should list."""
    params = BrowseFiltersForm(QueryDict(query), Sector.values).params()
    qs = browse_companies(params)
    expected = qs
    if params.q and connection.vendor == "postgresql" and len(params.q) >= SHORT_SEARCH:
        exact = browse_companies(params, near=False)
        expected = exact if exact.exists() else qs  # names a typo away only when nothing has the text
    return browse_paginator(params, qs), Paginator(expected, PER_PAGE), params


@pytest.mark.parametrize("deferred_from", [0, 200], ids=["keys-first", "one-query"])
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("filters", FILTERS)
def test_every_page_matches_a_counted_offset_paginator(varied, filters, sort, deferred_from, monkeypatch):
    monkeypatch.setattr(browse_view, "DEFERRED_FROM", deferred_from)
    _, expected, _ = pages_of(f"{filters}&sort={sort}")
    for number in [*expected.page_range, expected.num_pages + 5]:
        ours, _, _ = pages_of(f"{filters}&sort={sort}&page={number}")
        page = ours.get_page(number)
        assert ours.count == expected.count
        assert ours.num_pages == expected.num_pages
        assert [c.pk for c in page.object_list] == [c.pk for c in expected.get_page(number).object_list]


def test_a_page_past_the_middle_is_read_backwards_from_the_end(varied):
    ours, _, _ = pages_of("sort=recent&page=3")
    with CaptureQueriesContext(connection) as ran:
        list(ours.get_page(3).object_list)
    (sql,) = [q["sql"] for q in ran.captured_queries]
    assert "OFFSET" not in sql  # the last page: no row skipped
    assert '"last_updated" ASC' in sql and '"name" DESC' in sql  # recent's order, reversed


def test_browse_pages_never_count_the_companies(client, varied):
    for query in ["", "?sells=no&sort=oldest&page=2", "?sector=books&grade=B", "?page=99"]:
        with CaptureQueriesContext(connection) as ran:
            assert client.get("/" + query).status_code == 200
        counts = [q["sql"] for q in ran.captured_queries if "COUNT(" in q["sql"].upper()]
        assert all("policies_company" not in sql.split("FROM", 1)[1] for sql in counts), counts


def test_a_search_counts_its_matches_in_its_page_query(client, varied):
    with CaptureQueriesContext(connection) as ran:
        html = client.get("/?q=shop+01").content.decode()
    assert "10 companies matching" in html
    reads = [q["sql"] for q in ran.captured_queries if '"policies_company"."name"' in q["sql"]]
    assert len(reads) == 1 and "OVER" in reads[0]


def test_the_status_line_shows_the_count_and_the_last_page(client, varied):
    html = client.get("/?page=99").content.decode()
    assert "53 companies" in html and "page 3 of 3" in html
    assert "There is no page 99; here is the last page, 3." in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="typo-tolerant search is PostgreSQL's")
def test_names_a_typo_away_are_listed_only_when_nothing_has_the_text(client, varied):
    Company.objects.filter(pk=varied[0].pk).update(name="Juniper Hardware")
    assert "Juniper Hardware" in client.get("/?q=junipre+hardware").content.decode()
    assert "Juniper Hardware" in client.get("/?q=juniper").content.decode()
    html = client.get("/?q=shop+01").content.decode()
    assert "10 companies matching" in html  # Shop 010-019, not every "Shop" a letter or two away
