"""The API's card JSON, byte for byte: the card contract's JSON form plus the review marks and the grade.

Pinned against a file written before the pages read the typed card, so reading the card through
`ReviewedCard` cannot change a byte an API client gets. The card is stored in the parser's key
order (the order `Card.as_json()` keeps); people's decisions of every kind are applied.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from policies.models import Company
from reviews.decide import Proposal, record
from summaries.parser import Card
from tests.pages.factories import POLICY, add_card, add_version, card_for, ev

pytestmark = pytest.mark.django_db

PINNED = Path(__file__).parent / "data" / "api_card.json"
TODAY = "TODAY"  # decisions are dated the day a test runs


def parser_shaped_card() -> dict:
    """The factory card with the parser 1.2 fields, keys in the parser's order."""
    card = card_for()
    card["contacts"][0]["role"] = "privacy_team"
    card["contacts"][1]["role"] = "postal"
    extra = {
        "effective_date_evidence": ev(POLICY, "Effective date: March 3, 2025"),
        "effective_date_precision": "day",
    }
    order = list(Card.model_fields)
    shaped = {("schema" if k == "schema_" else k): None for k in order}
    shaped.update(card)
    shaped.update(extra)
    shaped["complain_to"] = []
    return shaped


def span(quote: str) -> tuple[int, int]:
    start = POLICY.index(quote)
    return start, start + len(quote)


def card_bytes(client, url: str) -> str:
    """The response's card, as it stands in the response's bytes, laid out one key a line."""
    content = client.get(url).content
    card = json.loads(content)["card"]
    assert json.dumps(card, ensure_ascii=False).encode() in content  # the same bytes as the response's
    today = dt.date.today().isoformat()
    return json.dumps(card, ensure_ascii=False, indent=1).replace(f'"{today}"', f'"{TODAY}"') + "\n"


@pytest.fixture
def reviewed_company(admin_user):
    stored = parser_shaped_card()
    assert json.dumps(Card.model_validate(stored).as_json()) == json.dumps(stored)  # the parser's key order
    company = Company.objects.create(name="Juniper Hardware", slug="juniper", website="https://juniper.example")
    version = add_version(company, POLICY)
    add_card(version, stored)
    for proposal in (
        Proposal("shared:advertisers", "confirm", "Quote says so."),
        Proposal("collected:cookies", "reject", "Not a collection."),
        Proposal("choices:deletion", "correct", "A form.", how=[{"kind": "web_form", "value": "https://j.example/d"}]),
        Proposal("contacts:email:privacy@juniper.example", "correct", "Other address.", value="legal@juniper.example"),
        Proposal("collected:location", "add", "Missed.", code="location", span=span("the pages you visit")),
        Proposal("sells_data", "confirm", "Says it does not sell."),
        Proposal("children_min_age", "correct", "Sixteen.", value="16"),
        Proposal("do_not_track", "reject", "Not stated."),
        Proposal("effective_date", "confirm", "Dated."),
    ):
        record(version, proposal, admin_user)
    return company


def test_the_card_json_is_unchanged_byte_for_byte(client, reviewed_company):
    got = card_bytes(client, "/api/c/juniper/card.json")
    assert got == PINNED.read_text(encoding="utf-8")
    assert card_bytes(client, "/api/c/juniper/v/1.json") == got
