"""The read-only JSON API: companies with badges, cards with their versions, evidence that checks out."""

from __future__ import annotations

import pytest

from policies.models import Company
from tests.pages.factories import POLICY, add_card, add_version, card_for, make_company, make_many
from tests.pages.htmx import is_boosted

pytestmark = pytest.mark.django_db


def test_companies_lists_every_company_with_its_badges(client, juniper):
    make_company("Acorn Pantry", "acorn", card=card_for(sells_data={"value": "yes", "evidence": []}))
    response = client.get("/api/companies.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = {row["slug"]: row for row in response.json()["companies"]}
    assert list(rows) == ["acorn", "juniper"]  # by name
    assert rows["juniper"]["badges"] == {
        "sells_data": "no",
        "shares_with_advertisers": True,
        "allows_deletion": True,
        "honors_gpc": True,
    }
    assert rows["acorn"]["badges"]["sells_data"] == "yes"
    assert rows["juniper"]["latest_version"] == 1
    assert rows["juniper"]["card"] == "http://testserver/api/c/juniper/card.json"


def test_card_is_the_latest_versions_stored_card_with_the_history(client, juniper):
    second = POLICY.replace("We do not sell your personal information.", "We may sell your personal information.")
    add_card(add_version(juniper, second), card_for(second, parser_version="test-2"))
    data = client.get("/api/c/juniper/card.json").json()
    assert data["version"]["sequence"] == 2
    assert data["parser_version"] == "test-2"
    assert data["card"]["schema"] == "card/1"
    assert [v["sequence"] for v in data["versions"]] == [1, 2]
    assert data["versions"][0]["url"] == "http://testserver/api/c/juniper/v/1.json"
    assert "text" not in data["version"]


def test_a_version_carries_the_text_its_evidence_points_into(client, juniper):
    data = client.get("/api/c/juniper/v/1.json").json()
    text, card = data["text"], data["card"]
    quotes = [e for section in ("collected", "shared", "choices") for item in card[section] for e in item["evidence"]]
    assert quotes
    assert all(text[e["start"] : e["end"]] == e["quote"] for e in quotes)


def test_a_version_without_a_card_says_so_with_null(client, db):
    company = Company.objects.create(name="Bare", slug="bare")
    add_version(company, "We collect your email address.")
    data = client.get("/api/c/bare/card.json").json()
    assert data["card"] is None and data["parser_version"] is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/c/nobody/card.json", "No company with the slug 'nobody'."),
        ("/api/c/juniper/v/9.json", "No version 9 of a company with the slug 'juniper'."),
        ("/api/c/nobody/v/1.json", "No version 1 of a company with the slug 'nobody'."),
    ],
)
def test_unknown_company_or_version_is_a_json_404(client, juniper, url, message):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"api": "api/1", "error": message}


def test_company_without_versions_is_a_json_404(client, db):
    Company.objects.create(name="Empty Shelf", slug="empty")
    response = client.get("/api/c/empty/card.json")
    assert response.status_code == 404
    assert response.json()["error"] == "No company with the slug 'empty'."


def test_writing_methods_are_refused(client, juniper):
    assert client.post("/api/companies.json").status_code == 405
    assert client.delete("/api/c/juniper/card.json").status_code == 405


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_many(count)
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/companies.json").json()["companies"]) == count
    # the cache stamp, company, versions, card and the people's decisions on it
    with django_assert_max_num_queries(5):
        assert client.get("/api/c/shop-000/card.json").status_code == 200


def test_the_company_page_and_about_page_link_to_the_api_outside_htmx_boosting(client, juniper):
    # A boosted link would swap JSON into the page instead of opening it.
    company, about = (client.get(url).content.decode() for url in ("/c/juniper/", "/about/"))
    assert 'href="/api/c/juniper/card.json" type="application/json"' in company
    assert not is_boosted(company, "/api/c/juniper/card.json")
    assert not is_boosted(about, "/api/companies.json")
    assert not is_boosted(about, "/feeds/changes.atom")
    # ...while the page's other links stay boosted.
    assert is_boosted(company, "/c/juniper/report/")


def test_companies_come_a_page_at_a_time_with_a_cursor(client, db):
    make_many(7)
    seen, url, pages = [], "/api/companies.json?limit=3&sector=", 0
    while url:
        data = client.get(url).json()
        seen += [row["slug"] for row in data["companies"]]
        url, pages = data["next"], pages + 1
    assert seen == [f"shop-{i:03d}" for i in range(7)] and pages == 3


def test_companies_are_filtered_and_changed_since(client, juniper):
    make_company("Acorn Pantry", "acorn", card=card_for(sells_data={"value": "yes", "evidence": []}))
    assert [r["slug"] for r in client.get("/api/companies.json?sells=yes").json()["companies"]] == ["acorn"]
    since = Company.objects.get(slug="acorn").changed_at.isoformat()
    add_version(juniper, POLICY + "\nMore.")
    changed = client.get("/api/companies.json", {"updated_since": since}).json()["companies"]
    assert {r["slug"] for r in changed} == {"acorn", "juniper"}
    later = Company.objects.get(slug="juniper").changed_at.isoformat()
    assert [r["slug"] for r in client.get("/api/companies.json", {"updated_since": later}).json()["companies"]] == [
        "juniper"
    ]


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "cursor=x!", "updated_since=soon", "sells=maybe"])
def test_bad_list_parameters_are_a_json_400(client, juniper, query):
    response = client.get(f"/api/companies.json?{query}")
    assert response.status_code == 400
    assert response.json()["error"] and response.json()["fields"]
