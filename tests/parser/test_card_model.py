"""The typed card: its JSON form is the parser's dict, key for key and in order, old cards included."""

from __future__ import annotations

import json

from summaries.parser import Card, channels, summarize, summarize_card
from summaries.parser.codes import ContactRole

POLICY = """Privacy Policy
Last updated: March 2024

We collect your name and e-mail address when you place an order. We share it with payment processors.
You may ask us to delete your information by e-mailing privacy@example.com.
If you are not satisfied, you may complain to the Federal Trade Commission at https://www.ftc.gov.
Contact us: Example Shop, Inc., privacy@example.com, 1-800-555-0199.
"""


def test_the_json_form_is_the_parsers_dict_in_its_order():
    card = summarize(POLICY)
    assert json.dumps(Card.model_validate(card).as_json()) == json.dumps(card)


def test_parser_1_2_fields_are_typed():
    card = summarize_card(POLICY)
    assert card.effective_date_precision == "month"
    assert card.effective_date_evidence[0].quote in POLICY
    assert all(isinstance(c.role, ContactRole) for c in card.contacts)
    assert all(c.role is None for c in card.complain_to)
    assert {h.source for choice in card.choices for h in choice.how} <= {None, "contacts"}


def test_a_card_from_before_parser_1_2_keeps_its_keys():
    old = summarize(POLICY)
    for key in ("effective_date_evidence", "effective_date_precision", "complain_to"):
        del old[key]
    for contact in old["contacts"]:
        del contact["role"]
    assert json.dumps(Card.model_validate(old).as_json()) == json.dumps(old)


def test_contact_roles_are_the_parsers_ranking():
    assert tuple(ContactRole) == channels.RANK
    assert ContactRole.label_of("dpo") == "Data protection officer"
