"""summaries/changes.py: card-level changes in shopper's words (lives here as the pages work owns it)."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from summaries.changes import Change, card_changes
from summaries.parser.model import Evidence
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
    assert change == Change("sells_data", "changed", "Now says it sells or shares your data", True, "sells_data")
    [back] = card_changes(new, old)
    assert back.text == "Now says it does not sell your data" and back.worse_for_privacy is False


def test_recipients_added_and_removed():
    old, new = card_for(), card_for()
    old["shared"] = [s for s in old["shared"] if s["recipient"] != "advertisers"]
    new["shared"].append(
        {"recipient": "law_enforcement", "names": [], "purposes": [], "data_types": [], "evidence": []}
    )
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
    new["collected"].append({"type": "health", "examples": [], "sources": [], "evidence": []})
    [change] = card_changes(old, new)
    assert change.text == "Now collects health data" and change.worse_for_privacy is True


def test_contact_churn_is_one_line():
    old, new = card_for(), card_for()
    for n in range(5):
        url = {"kind": "url", "value": f"https://shop.example/{n}", "normalized": f"shop.example/{n}"}
        new["contacts"].append({**url, "label": "", "evidence": []})
    [change] = card_changes(old, new)
    assert change.text == "Contact details changed: 5 new" and change.field == "contacts"


def test_with_texts_only_changes_the_text_bears_out_are_claimed():
    """The old card missed a sentence the old text already had: no change. A new sentence: a change, quoted."""
    old_text = "We collect what you buy. Children under 13 may not use the site."
    new_text = old_text + " We collect your date of birth. We do not respond to Do Not Track signals."
    quote = {"quote": "We collect what you buy.", "start": 0, "end": 24}
    old, new = card_for(), card_for()
    old["collected"] = [c for c in old["collected"] if c["type"] != "purchases"]
    new["collected"] = [c for c in new["collected"] if c["type"] != "purchases"]
    new["collected"].append({"type": "purchases", "examples": [], "sources": [], "evidence": [quote]})
    born = new_text.index("We collect your date")
    birth = {"quote": "We collect your date of birth.", "start": born, "end": born + 30}
    new["collected"].append({"type": "demographic", "examples": [], "sources": [], "evidence": [birth]})
    changes = card_changes(old, new, old_text, new_text)
    assert [(c.field, c.code, c.kind) for c in changes if c.section == "collected"] == [
        ("collected", "demographic", "added")
    ]
    [added] = [c for c in changes if c.code == "demographic"]
    assert added.evidence == Evidence(**birth)
    # without the texts the same cards claim both (nothing tells a new sentence from a missed one)
    assert {c.code for c in card_changes(old, new) if c.section == "collected"} == {"purchases", "demographic"}


def test_a_removed_statement_is_quoted_from_the_old_text():
    old_text = "We honour Do Not Track signals. We collect e-mail."
    new_text = "We collect e-mail."
    old, new = card_for(), card_for()
    dnt = {"quote": "We honour Do Not Track signals.", "start": 0, "end": 31}
    old["facts"]["do_not_track"] = {"value": "honored", "evidence": [dnt]}
    new["facts"]["do_not_track"] = {"value": "not_stated", "evidence": []}
    [change] = [c for c in card_changes(old, new, old_text, new_text) if c.field == "do_not_track"]
    assert change.evidence == Evidence(**dnt) and change.text == "Do Not Track: no longer says"


def test_the_policy_date_is_a_change():
    old, new = card_for(), card_for()
    old["effective_date"], new["effective_date"] = "2024-01-01", "2025-02-14"
    [change] = card_changes(old, new)
    assert change.field == "effective_date" and "2025-02-14" in change.text


def test_contacts_by_normalised_value():
    old, new = card_for(), card_for()
    dpo = {"kind": "email", "value": "DPO@Shop.example", "normalized": "dpo@shop.example"}
    new["contacts"].append({**dpo, "label": "", "evidence": []})
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


def test_a_card_outside_the_contract_is_refused():
    with pytest.raises(ValidationError):
        card_changes({"shared": [None, "x"], "facts": None}, {"choices": [{"type": None}]})
    with pytest.raises(ValidationError):
        card_changes(card_for(), {**card_for(), "shared": [{"recipient": "nobody_we_know"}]})
