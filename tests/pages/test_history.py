from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, add_card, add_version, card_for, ev, make_company, make_many

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
    with django_assert_max_num_queries(5):  # the fifth reads the page's stored card changes
        response = client.get("/c/shop-000/history/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


def refuse_comparing(monkeypatch) -> None:
    """From here on, any card comparison fails the test (every call of card_changes builds a _Texts)."""

    def refuse(*args, **kwargs):
        raise AssertionError("card_changes was called on a request")

    monkeypatch.setattr("summaries.changes._Texts", refuse)


def history_of(company, count: int) -> None:
    """`count` versions with cards; every other one stops selling data, so half have a card change."""
    for n in range(1, count):
        text = POLICY + f"\nRevision {n}."
        if n % 2:
            text = text.replace("We do not sell your personal information.", "We sell your personal information.")
        card = card_for(text)
        if n % 2:
            card["sells_data"] = {"value": "yes", "evidence": ev(text, "We sell your personal information.")}
        add_card(add_version(company, text), card)


def test_each_version_says_what_changed_from_the_changes_stored_with_its_card(client, juniper, monkeypatch):
    history_of(juniper, 3)
    add_card(add_version(juniper, POLICY + "\nRevision 3."), card_for(POLICY + "\nRevision 3."))
    refuse_comparing(monkeypatch)
    html = assert_full_page(client.get("/c/juniper/history/"))
    row = {n: html[html.index(f'id="version-{n}"') :] for n in (1, 2, 3, 4)}
    assert "The card's answers did not change" in text_of(row[4][: row[4].index("</tr>")])
    assert "Now says it sells or shares your data" in text_of(row[2][: row[2].index("</tr>")])
    assert "Now says it does not sell your data" in text_of(row[3][: row[3].index("</tr>")])
    assert "First recorded" in text_of(row[1][: row[1].index("</tr>")])


def test_a_500_version_history_runs_the_queries_of_a_3_version_one_and_compares_no_cards(client, db, monkeypatch):
    short, long = make_company("Short", "short"), make_company("Long", "long")
    history_of(short, 3)
    history_of(long, 500)
    refuse_comparing(monkeypatch)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/c/short/history/").status_code == 200
    with CaptureQueriesContext(connection) as many:
        response = client.get("/c/long/history/")
    assert response.status_code == 200
    assert len(many) == len(few)
    assert "Page 1 of 10" in response.content.decode()
    with CaptureQueriesContext(connection) as deep:
        assert client.get("/c/long/history/?page=7").status_code == 200
    assert len(deep) == len(few)
