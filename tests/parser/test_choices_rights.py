"""Your choices: rights stated in lists and with pronouns, and the "how" an instruction gives them."""

from __future__ import annotations

import pytest

from summaries.parser.choices import detect_choices, extract_choices
from summaries.parser.passages import segment
from tests.parser.sections_support import assert_evidence


def by_type(text: str, passages=None) -> dict[str, dict]:
    items = extract_choices(text, segment(text) if passages is None else passages)
    assert_evidence(text, items)
    return {item["type"]: item for item in items}


RIGHTS_LIST = """Your Data Rights

Whatever state you live in, you can ask us to:
- show you which personal data we keep about you and send you a copy of it;
- correct information that is out of date;
- erase the personal data we keep, including closing your shopper account;
- hand over your data in a machine-readable format.

To make a request, e-mail rights@example.com or ring 1-800-555-0100.
"""


def test_list_items_inherit_the_request_of_their_lead_in():
    items = by_type(RIGHTS_LIST)
    assert {"access", "correction", "deletion", "portability"} <= set(items)
    for code in ("access", "correction", "deletion", "portability"):
        assert all("- " in ev["quote"] for ev in items[code]["evidence"])


def test_the_instruction_after_a_rights_list_is_their_how():
    items = by_type(RIGHTS_LIST)
    for code in ("access", "correction", "deletion", "portability"):
        assert {"kind": "email", "value": "rights@example.com"} in items[code]["how"], code
        assert {"kind": "phone", "value": "1-800-555-0100"} in items[code]["how"], code


def test_list_items_under_a_lead_in_that_grants_nothing_are_not_rights():
    text = (
        "How We Use Data\n\nWhen you place an order, we use your details to:\n"
        "- correct information on the delivery label;\n"
        "- delete the personal data of a cancelled order after the refund;\n"
        "- send you a copy of your receipt data.\n"
    )
    assert not {"access", "correction", "deletion"} & set(detect_choices(text))


def test_a_lead_in_that_refuses_passes_nothing_on():
    text = "Limits\n\nYou cannot ask us to:\n- delete the personal information we need for tax records;\n"
    assert "deletion" not in detect_choices(text)


def test_the_sentence_right_after_a_rights_list_names_where_to_send_them():
    text = (
        "Your Rights\n\nResidents of some states have the right to:\n"
        "- access the personal information we have about them;\n"
        "- delete personal information we collected from them.\n\n"
        'Use the "Privacy Requests" link in our site footer, or e-mail asks@example.com.\n'
    )
    items = by_type(text)
    for code in ("access", "deletion"):
        assert {"kind": "link", "value": "Privacy Requests link"} in items[code]["how"]
        assert {"kind": "email", "value": "asks@example.com"} in items[code]["how"]


def test_an_instruction_serves_only_the_rights_of_its_own_section():
    text = (
        "Account Settings\n\nYou can update your personal information in your account settings.\n\n"
        "Requests From Residents\n\nYou may request deletion of your personal information. "
        "To exercise this right, e-mail delete@example.com.\n"
    )
    items = by_type(text)
    assert {"kind": "email", "value": "delete@example.com"} in items["deletion"]["how"]
    assert all(entry["kind"] != "email" for entry in items["correction"]["how"])


def test_an_instruction_does_not_give_marketing_or_cookies_a_how():
    text = (
        "Choices\n\nYou may request access to the personal information we hold about you.\n"
        "Our cookie banner lets you reject advertising cookies.\n"
        "Unsubscribe from promotional e-mails with the unsubscribe link in each message.\n"
        "Send privacy requests to asks@example.com.\n"
    )
    items = by_type(text)
    assert {"kind": "email", "value": "asks@example.com"} in items["access"]["how"]
    assert all(entry["kind"] != "email" for entry in items["cookie_controls"]["how"])
    assert all(entry["kind"] != "email" for entry in items["opt_out_marketing"]["how"])


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        (
            "You can ask to see the personal data we keep about you, to rectify it, and to request its erasure.",
            {"access", "correction", "deletion"},
        ),
        ("You may see the information we hold about you and ask us to delete it.", {"access", "deletion"}),
        ("If your details are wrong, you can ask us to update them.", {"correction"}),
    ],
)
def test_pronoun_objects_after_a_right_verb(sentence, codes):
    assert codes <= set(detect_choices(sentence))


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("If you spot a typo on a product page, please tell us and we will correct it.", "correction"),
        ("We keep your saved photo in your gallery until you delete it.", "deletion"),
        ("If a parent tells us a child has given us information, we will delete it.", "deletion"),
        ("You must give us correct information when you order.", "correction"),
        ("You can change your newsletter preferences in your account.", "correction"),
        ("We record the pages you access and similar information.", "access"),
        ("Our delivery partners may be given access to your personal information.", "access"),
        ("If you sign in with a social network, we will have access to your profile information.", "access"),
        ("Copies of the order database are kept offsite.", "access"),
    ],
)
def test_what_is_not_a_visitor_right(sentence, code):
    assert code not in detect_choices(sentence)


def test_review_and_update_named_details_in_the_account():
    items = by_type("You can review and update your name and delivery addresses in the My Account area.", [])
    assert {"access", "correction"} <= set(items)
    assert {"kind": "account_settings", "value": "My Account"} in items["correction"]["how"]


def test_an_enumeration_of_opt_outs_carries_each_member():
    text = "You have the right to:\n- opt out of the sale of your data, of targeted advertising and of profiling.\n"
    assert {"opt_out_sale", "opt_out_targeted_ads", "opt_out_profiling"} <= set(detect_choices(text))
    assert "opt_out_profiling" not in detect_choices("Our data is used in the sale of goods, and of profiling, too.")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("You may not opt out of the sharing of order data with couriers.", "opt_out_sale"),
        ("Unsubscribed addresses are purged from the mailing list within ten days.", "opt_out_marketing"),
    ],
)
def test_refusals_and_record_keeping_are_not_choices(sentence, code):
    assert code not in detect_choices(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("To stop our seasonal catalogs, call 1-800-555-0111.", "opt_out_marketing"),
        ("You may object at any time to direct marketing.", "opt_out_marketing"),
        ("To take your name off the lists we rent to other companies, e-mail lists@example.com.", "opt_out_sale"),
        ("We will send your orders as a downloadable file that you can take to another shop.", "portability"),
        ("If you want a copy of everything we store about you, e-mail us.", "access"),
        ("You can see and correct your contact details when signed in.", "access"),
        ("You may have inaccurate data rectified.", "correction"),
    ],
)
def test_more_ways_of_stating_a_choice(sentence, code):
    assert code in detect_choices(sentence)


def test_a_portable_copy_is_portability_not_access():
    codes = detect_choices("You can request a copy of your data in a portable, machine-readable format.")
    assert "portability" in codes
    assert "access" not in codes


def test_a_long_list_of_rights_and_instructions_keeps_every_right():
    """Many repeats of one list still give each right once (how fast it grows with the
    length is a figure in bench/bench_parser.py, "growth", not a timed test)."""
    block = (
        "Your Rights\n\nYou may ask us to:\n- delete the personal information we keep;\n"
        "- correct the personal information we keep;\n"
        "To make a request, e-mail rights@example.com.\n\n"
    )
    items = extract_choices(block * 300, [])
    assert {item["type"] for item in items} >= {"deletion", "correction"}
