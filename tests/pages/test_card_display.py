"""card_display on the typed card: contact groups, role labels and the policy's own date."""

from __future__ import annotations

import datetime as dt

from pages import card_display
from summaries.parser import Card
from summaries.parser.model import Contact
from tests.pages.factories import card_for


def contact(value: str, role: str | None = None, label: str = "") -> Contact:
    fields = {"kind": "email", "value": value, "normalized": value, "label": label, "evidence": []}
    return Contact.model_validate(fields if role is None else {**fields, "role": role})


def test_contacts_split_into_the_first_few_the_rest_and_where_to_complain():
    own = [contact(f"c{i}@x.example", "privacy_team") for i in range(card_display.TOP_CONTACTS + 2)]
    regulator = contact("ico@x.example", "regulator")
    groups = card_display.split_contacts([own[0], regulator, *own[1:]])
    assert groups.top == own[: card_display.TOP_CONTACTS]
    assert groups.more == own[card_display.TOP_CONTACTS :]
    assert groups.complain == [regulator]


def test_a_contacts_role_in_words_or_its_label_where_the_role_says_nothing():
    assert card_display.contact_role_label(contact("a@x.example", "dpo")) == "Data protection officer"
    assert card_display.contact_role_label(contact("a@x.example", "other_matter", "copyright agent")) == (
        "Copyright agent"
    )
    assert card_display.contact_role_label(contact("a@x.example", None, "privacy")) == "Privacy"  # before parser 1.2
    assert card_display.contact_role_label(contact("a@x.example")) == ""


def test_the_policy_date_is_the_cards_with_its_precision_or_the_versions():
    card = Card.model_validate(card_for(effective_date="2024-05-01", effective_date_precision="month"))
    assert card_display.policy_date(card) == card_display.PolicyDate(dt.date(2024, 5, 1), month_only=True)
    undated = Card.model_validate(card_for(effective_date=None))
    assert card_display.policy_date(undated) is None
    fallback = dt.date(2023, 1, 2)
    assert card_display.policy_date(undated, fallback) == card_display.PolicyDate(fallback, month_only=False)
