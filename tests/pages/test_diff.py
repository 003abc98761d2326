from __future__ import annotations

import pytest

from pages.views.diff import default_pair
from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, add_card, add_version, card_for, ev, make_company, make_many

pytestmark = pytest.mark.django_db

SELLING = POLICY.replace(
    "We do not sell your personal information.", "We may sell your contact details to marketing partners."
).replace("We honor Global Privacy Control signals sent by your browser.\n", "")


@pytest.fixture
def changed(juniper):
    """Juniper v2 sells data, shares with marketing partners and drops GPC."""
    version = add_version(juniper, SELLING)
    card = card_for(SELLING)
    card["sells_data"] = {"value": "yes", "evidence": ev(SELLING, "We may sell your contact details")}
    card["shared"].append(
        {"recipient": "marketing_partners", "names": [], "purposes": [], "data_types": [], "evidence": []}
    )
    card["choices"] = [c for c in card["choices"] if c["type"] != "global_privacy_control"]
    card["contacts"].append(
        {
            "kind": "email",
            "value": "dpo@juniper.example",
            "normalized": "dpo@juniper.example",
            "label": "",
            "evidence": [],
        }
    )
    add_card(version, card)
    return juniper


def test_default_is_previous_to_latest_with_card_changes_first(client, changed):
    html = assert_full_page(client.get("/c/juniper/diff/"))
    words = text_of(html)
    assert "Version 1 (recorded" in words and "→ version 2" in words
    assert "Now says it sells or shares your data" in words
    assert "Now shares with marketing partners" in words
    assert "No longer lets you opt out with Global Privacy Control" in words
    assert "New contact e-mail: dpo@juniper.example" in words
    assert "Worse for privacy" in words
    assert html.index('id="card-changes"') < html.index('id="text-changes"')


def test_text_diff_marks_insertions_and_deletions_with_ins_del(client, changed):
    html = client.get("/c/juniper/diff/?a=1&b=2").content.decode()
    assert "<del>" in html and "<ins>" in html
    assert "[removed: </span>" in html and "[added: </span>" in html  # not colour alone
    assert "We honor Global Privacy Control signals sent by your browser." in html


def test_text_diff_is_escaped(client, juniper):
    add_version(juniper, POLICY + "\n<script>alert('x')</script>")
    html = client.get("/c/juniper/diff/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


@pytest.mark.parametrize("query", ["a=x&b=999", "a=999", "b=abc", "a=-1&b=2", "a=1&b=" + "9" * 30])
def test_bad_params_give_a_helpful_page(client, changed, query):
    response = client.get(f"/c/juniper/diff/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice"' in html
    assert 'id="card-changes"' in html  # a default pair is still shown


def test_same_version_twice(client, changed):
    html = client.get("/c/juniper/diff/?a=2&b=2").content.decode()
    assert "same version" in html
    assert 'id="card-changes"' not in html


def test_reversed_pair_is_put_in_order(client, changed):
    words = text_of(client.get("/c/juniper/diff/?a=2&b=1").content.decode())
    assert "older version first" in words
    assert "Now says it sells or shares your data" in words


def test_only_one_version(client, juniper):
    assert 'id="single-version"' in client.get("/c/juniper/diff/").content.decode()


def test_re_extraction_is_not_presented_as_a_policy_change(client, changed):
    add_version(changed, SELLING + "\n", extractor_change=True)
    # The default skips the re-extraction and shows the last real change.
    words = text_of(client.get("/c/juniper/diff/").content.decode())
    assert "→ version 2" in words
    html = client.get("/c/juniper/diff/?a=2&b=3").content.decode()
    assert 'id="extractor-only"' in html
    assert "Re-extracted, not a policy change" in text_of(html)
    assert "Changes to the card" not in html


def test_versions_without_cards_still_diff_text(client, juniper):
    add_version(juniper, POLICY + "\nNew sentence here.")
    html = client.get("/c/juniper/diff/").content.decode()
    assert "don&#x27;t have cards for both versions" in html or "don't have cards for both versions" in html
    assert "<ins>" in html


def test_htmx_returns_main_fragment(client, changed):
    html = assert_fragment(hx_get(client, "/c/juniper/diff/?a=1&b=2"))
    assert 'id="card-changes"' in html


def test_unknown_company_404(client, db):
    assert client.get("/c/nobody/diff/").status_code == 404


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    companies = make_many(count)
    add_version(companies[0], POLICY + "\nOne more sentence.")
    with django_assert_max_num_queries(5):
        response = client.get("/c/shop-000/diff/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


def test_huge_rewrite_stays_under_size_limit(client, db):
    company = make_company("Big", "big", text=" ".join(f"Old sentence number {i}." for i in range(3000)))
    add_version(company, " ".join(f"New line {i} here." for i in range(3000)))
    response = client.get("/c/big/diff/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024
    assert "too long to show in full" in response.content.decode()


@pytest.mark.parametrize(
    ("sequences", "expected"),
    [
        ([(1, False)], None),
        ([(1, False), (2, False)], (1, 2)),
        ([(1, False), (2, False), (3, True)], (1, 2)),
        ([(1, False), (2, True)], (1, 2)),
        ([(1, False), (2, False), (3, False)], (2, 3)),
    ],
)
def test_default_pair(sequences, expected):
    assert default_pair(sequences) == expected


def test_adjacent_versions_show_the_changes_stored_with_the_card(client, changed, monkeypatch):
    from summaries.changes import CHANGES_VERSION, Change, as_stored
    from summaries.models import Summary

    def refuse(*args, **kwargs):
        raise AssertionError("card_changes was called on a request")

    marker = as_stored([Change("facts", "changed", "Stored when version 2 was recorded")])
    Summary.objects.filter(version__sequence=2).update(changes=marker, changes_version=CHANGES_VERSION)
    monkeypatch.setattr("summaries.changes._Texts", refuse)
    assert "Stored when version 2 was recorded" in text_of(client.get("/c/juniper/diff/?a=1&b=2").content.decode())


def test_other_pairs_and_changes_of_an_older_code_are_compared_on_the_request(client, changed):
    from summaries.models import Summary

    Summary.objects.filter(version__sequence=2).update(changes=[{"text": "stale"}], changes_version="0-old")
    words = text_of(client.get("/c/juniper/diff/?a=1&b=2").content.decode())
    assert "stale" not in words and "sells" in words.lower()
