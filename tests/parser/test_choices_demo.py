"""Your choices on our own demo policies (policies/demo): what a careful reader puts on the card."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from policies.ingest import extract
from summaries.parser.card import summarize
from summaries.parser.validate import validate_card

DEMO = Path(__file__).resolve().parents[2] / "policies" / "demo"


@cache
def card_of(name: str) -> tuple[str, dict]:
    path = DEMO / name
    text = extract(path.read_bytes(), path.name).text
    card = summarize(text)
    assert validate_card(card, text) == []
    return text, card


def choices(name: str) -> dict[str, dict]:
    return {item["type"]: item for item in card_of(name)[1]["choices"]}


DELETES = {
    "brightline-optical/v1.txt": False,
    "brightline-optical/v2.txt": True,
    "corner-cart/privacy-policy.txt": True,
    "harvest-table-provisions/privacy-policy.txt": True,
    "loom-and-lantern/privacy.html": True,
    "marginalia-books/privacy.txt": True,
    "petal-and-pestle/privacy-notice.txt": True,
    "summit-trail-outfitters/privacy-policy.txt": False,
    "tidewater-linens/v1.txt": False,
    "tidewater-linens/v2.txt": False,
    "tidewater-linens/v3.txt": True,
    "voltline-electronics/privacy.txt": True,
}


@pytest.mark.parametrize(("name", "deletes"), sorted(DELETES.items()))
def test_the_deletion_badge_follows_the_text(name, deletes):
    assert ("deletion" in choices(name)) is deletes


def test_every_demo_policy_is_listed():
    files = {str(p.relative_to(DEMO)) for p in DEMO.glob("*/*") if p.suffix in (".txt", ".html")}
    assert files == set(DELETES)


def test_tidewater_rights_list_and_how_to_make_a_request():
    items = choices("tidewater-linens/v3.txt")
    email = {"kind": "email", "value": "dataprivacy@tidewater-linens.example"}
    phone = {"kind": "phone", "value": "1-800-555-0142"}
    account = {"kind": "account_settings", "value": "My Account"}
    for code in ("access", "correction", "deletion", "portability"):
        assert email in items[code]["how"], code
        assert phone in items[code]["how"], code
        assert account in items[code]["how"], code
    assert any("My Account" in ev["quote"] for ev in items["access"]["evidence"])


def test_tidewater_how_entries_are_the_real_means_once_each():
    items = choices("tidewater-linens/v3.txt")
    assert [e for e in items["opt_out_sale"]["how"] if e["kind"] == "browser"] == [
        {"kind": "browser", "value": "your browser"}
    ]
    assert {"kind": "link", "value": "optout.aboutads.info"} in items["opt_out_targeted_ads"]["how"]
    assert items["cookie_controls"]["how"] == [{"kind": "browser", "value": "browser settings"}]
    assert not any("cleaned" in ev["quote"] for ev in items["opt_out_marketing"]["evidence"])


def test_loom_and_lantern_rights_with_pronoun_objects():
    items = choices("loom-and-lantern/privacy.html")
    form = {"kind": "link", "value": "https://loomandlantern.example/privacy-request"}
    for code in ("access", "correction", "deletion"):
        assert form in items[code]["how"], code


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("corner-cart/privacy-policy.txt", {"access", "correction", "deletion", "portability", "opt_out_profiling"}),
        ("petal-and-pestle/privacy-notice.txt", {"access", "correction", "deletion", "portability"}),
        ("voltline-electronics/privacy.txt", {"access", "correction", "deletion", "portability"}),
        ("summit-trail-outfitters/privacy-policy.txt", {"access", "correction"}),
        ("marginalia-books/privacy.txt", {"access", "correction", "deletion"}),
    ],
)
def test_rights_stated_in_lists_and_account_pages(name, codes):
    assert codes <= set(choices(name))


def test_marketing_preferences_in_the_account_are_not_a_correction():
    items = choices("voltline-electronics/privacy.txt")
    assert not any("preferences" in ev["quote"] for ev in items["correction"]["evidence"])
    assert {"kind": "account_settings", "value": "your account"} in items["opt_out_marketing"]["how"]
