from __future__ import annotations

import re

import pytest

from policies.models import Company, Sector
from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, card_for, make_company

pytestmark = pytest.mark.django_db


def test_lists_companies_with_badges(client, juniper):
    html = assert_full_page(client.get("/"))
    assert "Juniper Hardware" in html
    words = text_of(html)
    assert "Doesn't sell your data" in words
    assert "Shares with advertisers" in words
    assert "Lets you delete your data" in words
    assert "Honours Global Privacy Control" in words
    assert 'href="/c/juniper/"' in html


def test_company_without_version_is_not_listed(client):
    make_company("Empty Shop", "empty", text=None)  # e.g. created for an import that then failed
    assert "Empty Shop" not in client.get("/").content.decode()


def test_search_by_name_and_alias(client, juniper):
    make_company("Other Store", "other")
    Company.objects.filter(slug="other").update(aliases="Acme Outlet\nacme.example")
    html = client.get("/?q=junip").content.decode()
    assert "Juniper Hardware" in html and "Other Store" not in html
    html = client.get("/?q=acme").content.decode()
    assert "Other Store" in html and "Juniper Hardware" not in html


def test_htmx_search_returns_results_fragment_with_status(client, juniper):
    response = hx_get(client, "/?q=juniper", target="results")
    html = assert_fragment(response)
    assert html.lstrip().startswith('<section id="results"')
    assert 'id="browse-status"' in html and 'hx-swap-oob="true"' in html
    assert "search companies" not in html.lower()  # the form is not re-sent, so focus stays in it


def test_boosted_navigation_returns_main_fragment_with_title(client, juniper):
    html = assert_fragment(hx_get(client, "/"))
    assert html.lstrip().startswith("<title>")
    assert 'id="browse-form"' in html and 'id="results"' in html
    assert "hx-swap-oob" not in html


def test_search_form_is_wired_for_live_search_and_works_without_js(client, juniper):
    html = client.get("/").content.decode()
    assert 'action="/"' in html and 'method="get"' in html
    assert 'hx-push-url="true"' in html and "delay:300ms" in html
    assert '<label for="q">' in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("sells=yes", "Seller", "Juniper"),
        ("sells=no", "Juniper", "Seller"),
        ("no_ads=1", "Seller", "Juniper"),
        ("deletion=1", "Juniper", "Seller"),
        ("gpc=1", "Juniper", "Seller"),
        ("sector=books", "Seller", "Juniper"),
    ],
)
def test_filters_by_practice_and_sector(client, juniper, query, shown, hidden):
    card = card_for(
        POLICY, sells_data={"value": "yes", "evidence": []}, shared=[], choices=[], collected=[], contacts=[]
    )
    make_company("Seller Books", "seller", sector=Sector.BOOKS, card=card)
    html = client.get(f"/?{query}").content.decode()
    assert shown in html
    assert hidden not in html


def test_sorting(client, juniper):
    make_company("Aardvark Audio", "aardvark")
    html = client.get("/?sort=name_desc").content.decode()
    assert html.index("Juniper Hardware") < html.index("Aardvark Audio")
    html = client.get("/?sort=name").content.decode()
    assert html.index("Aardvark Audio") < html.index("Juniper Hardware")
    assert client.get("/?sort=recent").status_code == 200


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Maple Bags", "Maple Hats", "Maple Shoes", "Maple Tins"]),
        ("name_desc", ["Maple Tins", "Maple Shoes", "Maple Hats", "Maple Bags"]),
        ("recent", ["Maple Hats", "Maple Bags", "Maple Shoes", "Maple Tins"]),  # undated last
        ("oldest", ["Maple Shoes", "Maple Bags", "Maple Hats", "Maple Tins"]),  # undated last here too
    ],
)
def test_a_search_lists_its_matches_in_the_chosen_order(client, sort, expected):
    dates = {"maple-shoes": "2024-01-01", "maple-bags": "2025-01-01", "maple-hats": "2026-01-01", "maple-tins": None}
    for slug, date in dates.items():
        make_company(slug.replace("-", " ").title(), slug)
        Company.objects.filter(slug=slug).update(last_updated=f"{date}T00:00Z" if date else None)
    make_company("Oak Store", "oak")
    names = re.findall(r"(Maple \w+|Oak Store)</a>", client.get(f"/?q=maple&sort={sort}").content.decode())
    assert names == expected


def test_a_search_finds_a_company_by_its_domain(client, juniper):
    make_company("Other Store", "other")
    html = client.get("/?q=juniper.example").content.decode()
    assert "Juniper Hardware" in html and "Other Store" not in html


def test_empty_result_offers_to_clear(client, juniper):
    html = client.get("/?q=nothing-like-this&gpc=1").content.decode()
    assert 'id="no-results"' in html
    assert "No companies match" in html
    assert 'href="/" id="clear-filters-empty"' in html


@pytest.mark.parametrize(
    "query", ["page=9999", "page=abc", "page=-1", "page=0", "sort=evil", "sells=maybe", "sector=x"]
)
def test_bad_query_strings_give_a_helpful_page(client, fifty, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()


def test_page_9999_shows_last_page(client, fifty):
    html = client.get("/?page=9999").content.decode()
    assert "There is no page 9999" in html
    assert "Shop 049" in html


def test_very_long_search_is_cut_not_500(client, juniper):
    response = client.get("/?q=" + "a" * 2000)
    assert response.status_code == 200
    html = response.content.decode()
    assert "first 100 characters" in html
    assert "a" * 101 not in html
    assert len(response.content) < 100 * 1024


def test_pagination_links_keep_filters_and_have_hrefs(client, fifty):
    html = client.get("/?sort=name_desc").content.decode()
    assert 'href="?sort=name_desc&amp;page=2"' in html
    # htmx: the links are boosted (from #main) and inherit the results target from their nav.
    nav = html.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert 'hx-target="#results"' in nav.split(">", 1)[0] and "hx-get" not in nav


def test_search_text_is_escaped(client, juniper):
    html = client.get("/?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    from tests.pages.factories import make_many

    make_many(count)
    with django_assert_max_num_queries(4):
        response = client.get("/?sort=recent&deletion=1")
    assert response.status_code == 200
    with django_assert_max_num_queries(4):
        hx_get(client, "/?q=shop", target="results")


def test_html_stays_small_with_many_companies(client, fifty):
    assert len(client.get("/").content) < 100 * 1024


def test_csp_header_has_nonce_and_no_unsafe_inline(client, juniper):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "'nonce-" in csp
    assert "unsafe-inline" not in csp
    nonce = csp.split("'nonce-", 1)[1].split("'", 1)[0]
    html = response.content.decode()
    assert f'nonce="{nonce}"' in html  # the htmx script carries it
    assert "<script>" not in html and " onclick=" not in html and "style=" not in html


def test_htmx_config_and_csrf_header(client, juniper):
    html = client.get("/").content.decode()
    assert '"allowEval": false' in html and '"includeIndicatorStyles": false' in html
    assert '"historyRestoreAsHxRequest": false' in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "/static/django_htmx/htmx-2.min.js" in html


def test_htmx_push_url_is_the_tidy_state(client, fifty):
    response = hx_get(client, "/?q=shop&sells=&sector=&sort=name&page=99", target="results")
    assert response["HX-Push-Url"] == "/?q=shop&page=3"
    assert hx_get(client, "/?q=&sells=", target="results")["HX-Push-Url"] == "/"
