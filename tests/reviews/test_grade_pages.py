"""The grade where visitors meet it: rubric page and card agree; browse sorts and filters; compare shows it first."""

from __future__ import annotations

import re

import pytest

from reviews import rubric
from reviews.decide import Proposal, record
from tests.pages.conftest import text_of
from tests.pages.factories import card_for, make_company

pytestmark = pytest.mark.django_db


def worst_card():
    card = card_for()
    card["sells_data"]["value"] = "yes"
    card["choices"] = [c for c in card["choices"] if c["type"] not in ("deletion", "global_privacy_control")]
    return card


@pytest.fixture
def shops():
    return make_company(), make_company("Grim Goods", "grim", card=worst_card())


def test_rubric_page_prints_every_rule_with_its_points(client):
    html = client.get("/about/").content.decode()
    for rule in rubric.RULES:
        row = re.search(rf'id="rule-{rule.code}".*?</tr>', html, re.S)
        assert row, rule.code
        assert rule.label in row.group(0) and f"{'+' if rule.weight > 0 else ''}{rule.weight}<" in row.group(0)


def test_about_says_when_there_is_no_grade(client):
    html = client.get("/about/").content.decode()
    thin = html[html.index('id="thin"') :]
    assert "Not enough information" in thin and "fewer than two of the three main parts" in thin


def test_grade_page_and_card_agree(client, shops):
    about = client.get("/about/").content.decode()
    for slug in ("juniper", "grim"):
        card = client.get(f"/api/c/{slug}/card.json").json()["card"]
        page = client.get(f"/c/{slug}/").content.decode()
        grade = card["grade"]
        assert f"Grade {grade['value']}" in page
        assert grade["score"] == sum(p["weight"] for p in grade["points"])
        assert rubric.letter(grade["score"]) == grade["value"]
        for point in grade["points"]:
            assert f'data-point="{point["code"]}"' in page
            # The page's label and weight for this point are the published rule's.
            assert f"{point['label']} ({'+' if point['good'] else ''}{point['weight']})" in text_of(page)
            assert point["label"] in about


def test_browse_filters_and_sorts_by_grade(client, shops):
    assert client.get("/api/c/grim/card.json").json()["card"]["grade"]["value"] == "E"
    html = client.get("/?grade=E").content.decode()
    assert "Grim Goods" in html and "Juniper Hardware" not in html
    ordered = text_of(client.get("/?sort=grade").content.decode())
    assert ordered.index("Juniper Hardware") < ordered.index("Grim Goods")
    assert "We ignored an unknown grade filter" in client.get("/?grade=Z").content.decode()


def test_a_correction_moves_the_grade_and_the_browse_badges(client, shops, admin_user):
    juniper, _ = shops
    record(juniper.versions.get(), Proposal("sells_data", "correct", "They do sell lists.", value="yes"), admin_user)
    assert "Juniper Hardware" in client.get("/?sells=yes").content.decode()
    assert client.get("/api/c/juniper/card.json").json()["card"]["grade"]["value"] == "C"


def test_compare_shows_the_grade_first(client, shops):
    html = client.get("/compare/?c=juniper,grim").content.decode()
    body = html.split("<tbody", 1)[1]
    assert body.index("Our grade") < body.index("Sells your data?")
    assert "Grade B" in body and "Grade E" in body


def test_feeds_say_whether_a_change_was_checked(client, shops, admin_user):
    juniper, _ = shops
    assert "not yet checked by our team" in client.get("/feeds/c/juniper.atom").content.decode()
    record(juniper.versions.get(), Proposal("sells_data", "confirm", "ok"), admin_user)
    assert "Checked by our team on" in client.get("/feeds/c/juniper.atom").content.decode()


def test_reviewed_badges_survive_a_reparse_once_it_commits(shops, admin_user, django_capture_on_commit_callbacks):
    from summaries.store import store_card

    juniper, _ = shops
    record(juniper.versions.get(), Proposal("sells_data", "correct", "They do sell lists.", value="yes"), admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        store_card(juniper.versions.get(), card_for(parser_version="test-2"))
    juniper.refresh_from_db()
    assert juniper.badge_sells == "yes"
