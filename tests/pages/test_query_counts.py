"""Every public page and API response runs the same small number of queries at 1 and 50 companies."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages.factories import POLICY, add_version, make_company, make_many

MAX_QUERIES = 8

URLS = [
    "/",
    "/?q=shop",
    "/?sells=no&no_ads=1&deletion=1&gpc=1",
    "/?sector=home_goods&sort=recent",
    "/?sort=oldest&page=2",
    "/?sort=name_desc",
    "/about/",
    "/c/shop-000/",
    "/c/shop-000/history/",
    "/c/shop-000/diff/",
    "/c/shop-000/v/1/",
    "/compare/?c=shop-000,shop-001,shop-002,shop-003",
    "/api/companies.json",
    "/api/companies.json?sells=no",
    "/api/c/shop-000/card.json",
    "/api/c/shop-000/v/2.json",
    "/feeds/changes.atom",
    "/feeds/c/shop-000.atom",
]


def _counts(client) -> dict[str, int]:
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_counts_are_small_and_constant(client):
    companies = make_many(1)
    add_version(companies[0], POLICY + "\nOne more sentence.")
    small = _counts(client)
    for i in range(1, 50):
        company = make_company(f"Shop {i:03d}", f"shop-{i:03d}")
        if i % 3 == 0:
            add_version(company, POLICY + f"\nAnother sentence {i}.")
    large = _counts(client)
    assert {url: n for url, n in large.items() if n > MAX_QUERIES} == {}
    assert large == small
