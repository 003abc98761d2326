"""Contacts: e-mails, E.164 phones, one-line postal addresses and links, each labelled and quoted."""

from __future__ import annotations

import pytest

from summaries.parser.contacts import extract_contacts, hidden_emails


def found(text: str) -> dict[str, dict]:
    contacts = extract_contacts(text)
    for contact in contacts:
        for item in contact["evidence"]:
            assert text[item["start"] : item["end"]] == item["quote"]
            assert contact["value"].split("\n")[0][:5] in item["quote"] or contact["kind"] == "postal"
    return {c["normalized"]: c for c in contacts}


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("(510) 603-7564", "+15106037564"),
        ("1-833-922-7529", "+18339227529"),
        ("510.603.7564", "+15106037564"),
        ("(661)257-3700", "+16612573700"),
        ("1 (800) 555-0199", "+18005550199"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+1 212 555 0148", "+12125550148"),
    ],
)
def test_phones_are_normalised_to_e164(written, e164):
    contacts = found(f"Questions about your privacy? Call us at {written}.")
    assert list(contacts) == [e164]
    assert contacts[e164]["kind"] == "phone"
    assert contacts[e164]["value"] == written


@pytest.mark.parametrize(
    "text",
    [
        "This policy was last updated 06/29/2023 and 2023-06-29.",
        "Write to us in Valencia, CA 91355.",
        "Your order number: 415-555-2671 shipped today.",
        "Reference #212-555-0148 is your ticket.",
        "Order 4155552671 was placed on 12.05.2023.",
        "We keep records for 2015-2023 at 1.800.0 scale.",
        "Call us at 555-123-4567.",
    ],
)
def test_dates_zip_codes_order_numbers_and_invalid_numbers_are_not_phones(text):
    assert [c for c in extract_contacts(text) if c["kind"] == "phone"] == []


def test_a_vanity_number_is_shown_with_its_digits_where_the_policy_gives_them():
    contacts = found("For privacy questions call 1-800-FLOWERS (1-800-356-9377). Or call 1-800-SHOPPER.")
    assert contacts["+18003569377"]["value"] == "1-800-356-9377"
    assert contacts["+18007467737"]["value"] == "1-800-SHOPPER"


def test_emails_are_lower_cased_and_cloudflare_placeholders_are_not_emails():
    text = "Email Privacy@Acme-Home.COM or write [email protected] for help."
    contacts = found(text)
    assert list(contacts) == ["privacy@acme-home.com"]
    assert contacts["privacy@acme-home.com"]["value"] == "Privacy@Acme-Home.COM"
    assert contacts["privacy@acme-home.com"]["label"] == "privacy"
    assert hidden_emails(text) == 1


def test_spelled_out_email_addresses_are_read():
    assert "help@acme.example" in found("Send privacy requests to help [at] acme [dot] example today.")


def test_images_named_like_addresses_are_not_emails():
    assert found("<img src=logo@2x.png> Contact us.") == {}


def test_a_us_street_address_is_one_line_and_compared_by_letters_and_digits():
    text = (
        "If you have questions about this Privacy Policy, contact us at: "
        "Acme Home LLC (212)555-0148 1200 Harbor Boulevard Weehawken, Nj 07086"
    )
    contacts = found(text)
    postal = [c for c in contacts.values() if c["kind"] == "postal"]
    assert [c["value"] for c in postal] == ["1200 Harbor Boulevard Weehawken, Nj 07086"]
    assert postal[0]["normalized"] == "1200harborboulevardweehawkennj07086"
    assert "+12125550148" in contacts


def test_an_address_over_several_lines_is_joined_on_one_line():
    text = "Contact our Privacy Officer:\nAcme Home\n500 Main Street\nSuite 200\nSpringfield, Illinois 62701\n"
    postal = [c for c in extract_contacts(text) if c["kind"] == "postal"]
    assert [c["value"] for c in postal] == ["500 Main Street, Suite 200, Springfield, Illinois 62701"]
    assert "\n" in postal[0]["evidence"][0]["quote"]


def test_po_boxes_are_addresses():
    postal = [
        c
        for c in extract_contacts("Mail privacy requests to P.O. Box 1234, Austin, TX 78701.")
        if c["kind"] == "postal"
    ]
    assert [c["value"] for c in postal] == ["P.O. Box 1234, Austin, TX 78701"]


def postal(text: str) -> list[dict]:
    return [c for c in found(text).values() if c["kind"] == "postal"]


def test_a_uk_address_over_several_lines_is_one_line_from_its_street():
    text = (
        "Contact Us\n\nPrivacy Team\nHollybrook Ltd\n14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom\n\n"
        "Email: privacy@hollybrook.example\n"
    )
    [address] = postal(text)
    assert address["value"] == "14 Chapel Lane, Leeds LS1 4DY, United Kingdom"
    assert address["normalized"] == "14chapellaneleedsls14dy"  # compared without the country
    assert address["label"] == "privacy"  # from the recipient lines above it
    assert address["evidence"][0]["quote"] == "14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our registered office is at 14 Marigold Row, London SE1 9ZZ.", "14 Marigold Row, London SE1 9ZZ"),
        (
            "Write to Hollybrook Ltd, 3rd Floor, 14 Chapel Lane, Leeds, LS1 4DY, UK.",
            "3rd Floor, 14 Chapel Lane, Leeds, LS1 4DY, UK",
        ),
        ("Send privacy requests to 14 Chapel Lane Leeds LS1 4DY today.", "14 Chapel Lane Leeds LS1 4DY"),
        ("Post privacy requests to PO Box 1234, Leeds LS1 4DY.", "PO Box 1234, Leeds LS1 4DY"),
        ("Flat 2\n14 Chapel Lane\nLeeds LS1 4DY", "Flat 2, 14 Chapel Lane, Leeds LS1 4DY"),
        ("Hollybrook House, Chapel Lane, Leeds LS1 4DY", "Hollybrook House, Chapel Lane, Leeds LS1 4DY"),
        ("Privacy Officer, Quay House, Dock Street, Hull, HU1 1TU, UK.", "Quay House, Dock Street, Hull, HU1 1TU, UK"),
        ("Unit 4\n22 Mill Road\nNewcastle upon Tyne NE1 4XF", "Unit 4, 22 Mill Road, Newcastle upon Tyne NE1 4XF"),
    ],
)
def test_uk_addresses_in_the_shapes_policies_write_them(text, value):
    assert [c["value"] for c in postal(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Mail our Privacy Office at 100 King Street West, Suite 300, Toronto, ON M5X 1A9, Canada.",
            "100 King Street West, Suite 300, Toronto, ON M5X 1A9, Canada",
        ),
        ("Maple Goods Ltd.\n1 Yonge St\nToronto, Ontario\nM5E 1W7", "1 Yonge St, Toronto, Ontario, M5E 1W7"),
        (
            "Write to 123 Rue Sainte-Catherine Ouest, Montréal, QC H3B 1A7.",
            "123 Rue Sainte-Catherine Ouest, Montréal, QC H3B 1A7",
        ),
    ],
)
def test_canadian_addresses_need_their_province(text, value):
    assert [c["value"] for c in postal(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Contact our Privacy Officer:\nAcme Home\nSuite 200\n500 Main Street\nSpringfield, IL 62701\nUSA\n",
            "Suite 200, 500 Main Street, Springfield, IL 62701, USA",
        ),
        (
            "Write to Suite 200, 500 Main Street, Springfield, IL 62701.",
            "Suite 200, 500 Main Street, Springfield, IL 62701",
        ),
        ("Post Office Box 77, Austin, TX 78701", "Post Office Box 77, Austin, TX 78701"),
        (
            "Acme LLC, 1200 Harbor Boulevard, 12th floor, Weehawken, NJ 07086, United States",
            "1200 Harbor Boulevard, 12th floor, Weehawken, NJ 07086, United States",
        ),
        # Prose before the house number is no part of the address.
        (
            "Since 1998 Acme has written to customers from 500 Main Street, Springfield, IL 62701.",
            "500 Main Street, Springfield, IL 62701",
        ),
    ],
)
def test_us_addresses_with_units_po_boxes_countries_and_prose_before(text, value):
    assert [c["value"] for c in postal(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The player comes as MP3 4GB or 8GB.",
        "We keep 30 days of logs for the MP3 4GB model.",
        "Our 2 Stores in London SE1 9ZZ are open daily.",
        "Our shop in Leeds LS1 4DY is open daily.",
        "Use the code K1A 0B1 at checkout.",
        "Toronto M5E 1W7 is our busiest region.",
        "We ship 3 Big Boxes to Leeds LS1 4DY every week.",
        "We opened 25 stores in 2019 and serve New York 10001 daily.",
    ],
)
def test_postcodes_and_numbers_in_prose_are_no_addresses(text):
    assert postal(text) == []


def test_the_same_address_with_and_without_its_country_is_one_contact():
    text = (
        "Our registered office is at 14 Chapel Lane, Leeds LS1 4DY.\n\n"
        "Contact Us\n\nData Protection Officer\n14 Chapel Lane\nLeeds LS1 4DY\nUnited Kingdom\n"
    )
    [address] = postal(text)
    assert address["value"] == "14 Chapel Lane, Leeds LS1 4DY"
    assert len(address["evidence"]) == 2
    assert address["label"] == "data protection officer"  # the recipient line above it


def test_contacts_for_other_matters_say_so():
    text = (
        "Privacy questions: email privacy@acme.example.\n"
        "Copyright: our Copyright Agent can be reached at dmca@lawfirm.example (Phone: 973.228.5700), "
        "Law Firm LLP, 101 Park Avenue, Roseland, NJ 07068.\n"
        "Careers: send your résumé to jobs@acme.example.\n"
        "Press inquiries: call (212) 555-0148."
    )
    contacts = found(text)
    assert contacts["privacy@acme.example"]["label"] == "privacy"
    assert contacts["dmca@lawfirm.example"]["label"] == "copyright agent"
    assert contacts["+19732285700"]["label"] == "copyright agent"
    assert contacts["jobs@acme.example"]["label"] == "job applications"
    assert contacts["+12125550148"]["label"] == "press"
    # The agent's mailing address is no way to reach the company about privacy.
    assert not [c for c in contacts.values() if c["kind"] == "postal"]


def test_fax_numbers_are_labelled_fax():
    contacts = found("Contact us: phone (212) 555-0148, fax (212) 555-0199.")
    assert contacts["+12125550148"]["label"] != "fax"
    assert contacts["+12125550199"]["label"] == "fax"


def test_repeated_contacts_are_listed_once_with_more_evidence():
    text = "Call 510.603.7564 to opt out. Or call (510) 603-7564 with privacy questions. Also 1-510-603-7564."
    contacts = extract_contacts(text)
    assert [c["normalized"] for c in contacts] == ["+15106037564"]
    assert len(contacts[0]["evidence"]) == 3


def test_contact_links_are_urls_and_other_links_are_not_contacts():
    text = (
        "To submit a request, use our form at https://acme.example/privacy-request.\n"
        "We use React, see https://react.dev/ for details."
    )
    urls = [c for c in extract_contacts(text) if c["kind"] == "url"]
    assert [c["value"] for c in urls] == ["https://acme.example/privacy-request"]
    assert urls[0]["normalized"] == "acme.example/privacy-request"


def test_contacts_of_one_role_come_in_text_order_within_their_kind():
    text = "Call (212) 555-0148 or email help@acme.example or call 1-833-922-7529 about your privacy."
    assert [c["normalized"] for c in extract_contacts(text)] == ["help@acme.example", "+12125550148", "+18339227529"]


def test_contacts_are_ranked_by_what_a_shopper_needs_and_labelled():
    text = (
        "If you are a seller, contact us at https://sellercentral.acme.example/help about your account.\n"
        "You may lodge a complaint with the Information Commissioner's Office, Wycliffe House, Water Lane, "
        "Wilmslow, Cheshire, SK9 5AF, or at https://ico.org.uk/make-a-complaint.\n"
        "For press enquiries, e-mail press@acme.example.\n"
        "Customer service: call (212) 555-0148.\n"
        "To exercise your privacy rights, use our form at https://acme.example/privacy-request "
        "or e-mail our Data Protection Officer at dpo@acme.example.\n"
    )
    contacts = extract_contacts(text)
    roles = [(c["normalized"], c["role"]) for c in contacts]
    assert roles[:3] == [
        ("dpo@acme.example", "dpo"),
        ("acme.example/privacy-request", "privacy_form"),
        ("+12125550148", "customer_service"),
    ]
    by_value = {c["normalized"]: c for c in contacts}
    assert by_value["ico.org.uk/make-a-complaint"]["label"] == "regulator"
    assert by_value["sellercentral.acme.example/help"]["label"] == "business portal"
    assert [c["role"] for c in contacts][-2:] == ["regulator", "regulator"]


def test_a_privacy_contact_that_also_takes_other_matters_is_a_privacy_contact():
    text = "For copyright or privacy questions, write to 123 Main Street, Springfield, IL 62701."
    contacts = extract_contacts(text)
    assert [(c["kind"], c["label"]) for c in contacts] == [("postal", "privacy")]
