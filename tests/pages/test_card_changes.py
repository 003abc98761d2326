"""summaries/changes.py: card-level changes in shopper's words (lives here as the pages work owns it)."""

from __future__ import annotations

import copy

from summaries.changes import Change, card_changes
from tests.pages.factories import card_for


def texts(changes: list[Change]) -> list[str]:
    return [c.text for c in changes]


def test_first_version_has_no_changes():
    assert card_changes(None, card_for()) == []


def test_identical_cards_have_no_changes():
    assert card_changes(card_for(), card_for()) == []


def test_sells_data_flips():
    old, new = card_for(), card_for()
    new["sells_data"] = {"value": "yes", "evidence": []}
    [change] = card_changes(old, new)
    assert change == Change("sells_data", "changed", "Now says it sells or shares your data", True)
    [back] = card_changes(new, old)
    assert back.text == "Now says it does not sell your data" and back.worse_for_privacy is False


def test_recipients_added_and_removed():
    old, new = card_for(), card_for()
    old["shared"] = [s for s in old["shared"] if s["recipient"] != "advertisers"]
    new["shared"].append({"recipient": "law_enforcement", "names": [], "evidence": []})
    changes = card_changes(old, new)
    assert changes[0].text == "Now shares with advertisers" and changes[0].worse_for_privacy is True
    assert "Now shares with police, courts and government" in texts(changes)
    assert "Now names AdNet Co among advertisers" in texts(changes)
    removed = card_changes(new, old)
    assert "No longer shares with advertisers" in texts(removed)


def test_choices_removed_is_worse():
    old, new = card_for(), card_for()
    new["choices"] = [c for c in new["choices"] if c["type"] != "deletion"]
    [change] = card_changes(old, new)
    assert change.text == "No longer lets you delete your data"
    assert change.kind == "removed" and change.worse_for_privacy is True
    [added] = card_changes(new, old)
    assert added.text == "Now lets you delete your data" and added.worse_for_privacy is False


def test_collected_types():
    old, new = card_for(), card_for()
    new["collected"].append({"type": "health", "examples": [], "evidence": []})
    [change] = card_changes(old, new)
    assert change.text == "Now collects health data" and change.worse_for_privacy is True


def test_contacts_by_normalised_value():
    old, new = card_for(), card_for()
    new["contacts"].append({"kind": "email", "value": "DPO@Shop.example", "normalized": "dpo@shop.example"})
    [change] = card_changes(old, new)
    assert change.text == "New contact e-mail: DPO@Shop.example"
    same = copy.deepcopy(new)
    same["contacts"][-1]["value"] = "dpo@shop.example"
    assert card_changes(new, same) == []


def test_facts():
    old, new = card_for(), card_for()
    new["facts"]["do_not_track"] = {"value": "honored", "evidence": []}
    new["facts"]["children_min_age"] = {"value": 16, "evidence": []}
    changes = card_changes(old, new)
    assert "Do Not Track: honours it" in texts(changes)
    assert "Minimum age is now 16" in texts(changes)


def test_tolerates_malformed_cards():
    assert card_changes({"shared": [None, "x"], "facts": None}, {"choices": [{"type": None}]}) == []
