from __future__ import annotations

import pytest

from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, add_version, make_company, make_many

pytestmark = pytest.mark.django_db


def test_lists_versions_newest_first_with_diff_links(client, juniper):
    add_version(juniper, POLICY + "\nWe now also collect your shoe size.")
    html = assert_full_page(client.get("/c/juniper/history/"))
    assert html.index('id="version-2"') < html.index('id="version-1"')
    assert 'href="/c/juniper/diff/?a=1&amp;b=2"' in html
    assert 'action="/c/juniper/diff/"' in html
    assert '<label for="a-1" class="visually-hidden">Compare from version 1</label>' in html


def test_extractor_change_marked_not_a_policy_change(client, juniper):
    add_version(juniper, POLICY + "\n", extractor_change=True)
    words = text_of(client.get("/c/juniper/history/").content.decode())
    assert "Re-extracted, not a policy change" in words
    assert "Differences from re-extraction" in words


def test_company_without_versions_is_not_public(client, db):
    make_company("Empty", "empty", text=None)
    assert client.get("/c/empty/history/").status_code == 404


@pytest.mark.parametrize("page", ["abc", "9999", "0", "-2"])
def test_bad_page_is_helpful(client, juniper, page):
    response = client.get(f"/c/juniper/history/?page={page}")
    assert response.status_code == 200
    assert "doesn&#x27;t exist" in response.content.decode() or "doesn't exist" in response.content.decode()


def test_unknown_company_404(client, db):
    assert client.get("/c/nobody/history/").status_code == 404


def test_htmx_returns_main_fragment(client, juniper):
    html = assert_fragment(hx_get(client, "/c/juniper/history/"))
    assert 'id="show-diff"' not in html and 'name="a"' not in html  # one version: nothing to compare yet
    assert "Version 1" in html


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    companies = make_many(count)
    for i in range(3):
        add_version(companies[0], POLICY + f"\nRevision {i}.")
    with django_assert_max_num_queries(4):
        response = client.get("/c/shop-000/history/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024
