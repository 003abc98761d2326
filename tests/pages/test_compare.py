from __future__ import annotations

import pytest

from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, card_for, make_company, make_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(juniper):
    card = card_for(POLICY, sells_data={"value": "yes", "evidence": []}, choices=[])
    make_company("Bramble Books", "bramble", card=card)
    return juniper


def test_side_by_side_matrix(client, pair):
    html = assert_full_page(client.get("/compare/?c=juniper,bramble"))
    assert 'id="compare-matrix"' in html
    words = text_of(html)
    assert "How Juniper Hardware and Bramble Books compare" in words
    assert "Sells or shares your data" in words and "Says it does not sell your data" in words
    assert "Differs" in words
    assert 'class="differs"' in html
    # A choice one company lacks is shown as such, in words.
    assert "Not found" in words and "Offered" in words


def test_rows_identical_for_both_are_not_marked(client, pair):
    html = client.get("/compare/?c=juniper,bramble").content.decode()
    row = html.split("Contact details", 1)[1].split("</tr>", 1)[0]
    assert "Differs" not in row


def test_remove_links_keep_the_others(client, pair):
    html = client.get("/compare/?c=juniper,bramble").content.decode()
    assert 'href="/compare/?c=bramble" id="remove-juniper"' in html
    assert 'aria-label="Remove Juniper Hardware from the comparison"' in html


def test_unknown_slugs_get_a_message_not_500(client, pair):
    response = client.get("/compare/?c=juniper,nope,<script>")
    assert response.status_code == 200
    html = response.content.decode()
    assert "We don&#x27;t know" in html or "We don't know" in html
    assert "<script>" not in html.split("</head>", 1)[1].replace("<script src=", "")
    assert "Juniper Hardware" in html


def test_more_than_four_keeps_first_four_with_message(client, db):
    make_many(6)
    slugs = ",".join(f"shop-{i:03d}" for i in range(6))
    response = client.get(f"/compare/?c={slugs}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "up to 4 companies" in html
    assert "Shop 004" in html.split("we left out", 1)[1].split("</span>", 1)[0]
    header = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert header.count('<th scope="col">') == 4


def test_empty_and_single_selection_explain_what_to_do(client, juniper):
    assert 'id="need-more"' in client.get("/compare/").content.decode()
    html = client.get("/compare/?c=juniper").content.decode()
    assert 'id="need-more"' in html
    assert "Add at least one more" in html


def test_add_by_name_without_js(client, pair):
    html = client.get("/compare/?c=juniper&add=bramble+books").content.decode()
    assert 'name="c" value="juniper,bramble"' in html
    assert 'id="compare-matrix"' in html


def test_add_with_several_matches_offers_links(client, db):
    make_many(3)
    html = client.get("/compare/?c=shop-000&add=shop").content.decode()
    assert 'href="/compare/?c=shop-000,shop-001"' in html
    assert 'href="/compare/?c=shop-000,shop-002"' in html


def test_add_unknown_name(client, juniper):
    html = client.get("/compare/?c=juniper&add=zzz").content.decode()
    assert "No company matches" in html


def test_typeahead_fragment(client, pair):
    response = hx_get(client, "/compare/?c=juniper&add=bram", target="compare-suggestions")
    html = assert_fragment(response)
    assert 'href="/compare/?c=juniper,bramble"' in html
    assert "compare-matrix" not in html
    assert "Juniper Hardware" not in html  # already chosen, not suggested


def test_typeahead_no_match(client, pair):
    html = hx_get(client, "/compare/?c=juniper&add=qqq", target="compare-suggestions").content.decode()
    assert "No company matches" in html


def test_htmx_main_fragment(client, pair):
    html = assert_fragment(hx_get(client, "/compare/?c=juniper,bramble"))
    assert html.lstrip().startswith("<title>") and 'id="compare-matrix"' in html


def test_company_without_version_is_left_out_of_comparison(client, juniper):
    make_company("Empty", "empty", text=None)
    html = client.get("/compare/?c=juniper,empty").content.decode()
    assert "Juniper" in html and "/c/empty/" not in html


def test_very_long_add_text(client, juniper):
    response = client.get("/compare/?c=juniper&add=" + "x" * 2000)
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_many(max(count, 4))
    chosen = [f"shop-{i:03d}" for i in range(4)] if count == 50 else ["shop-000", "shop-001"]
    with django_assert_max_num_queries(4):
        response = client.get("/compare/?c=" + ",".join(chosen))
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


def test_only_differences_that_matter_are_marked_and_not_selling_needs_no_opt_out(client, db):
    policy = POLICY + " We do not sell your personal information. Your data is kept for five years."
    seller = card_for(policy, sells_data={"value": "yes", "evidence": []})
    seller["choices"].append({"type": "opt_out_sale", "how": [], "evidence": []})
    seller["stats"]["words"] = 9999
    make_company("Seller Co", "seller", card=seller)
    honest = card_for(policy)  # says it does not sell, offers no opt-out of sale
    honest["sells_data"] = {
        "value": "no",
        "evidence": [
            {
                "quote": "We do not sell your personal information.",
                "start": policy.index("We do not sell"),
                "end": policy.index("We do not sell") + 42,
            }
        ],
    }
    make_company("Honest Co", "honest", card=honest)
    html = client.get("/compare/?c=seller,honest").content.decode()
    sale_row = html.split("Opt out of the sale", 1)[1].split("</tr>", 1)[0]
    assert "Not needed: says it doesn&#x27;t sell" in sale_row and "cell-no" not in sale_row
    sells_row = html.split("Sells your data?", 1)[1].split("</tr>", 1)[0]
    assert '<tr class="differs">' in html.split("Sells your data?", 1)[0][-300:]
    assert "We do not sell your personal information." in sells_row  # why, with the quote
    length_row = html.split("<span>Length</span>", 1)[1].split("</tr>", 1)[0]
    assert "Differs" not in length_row
