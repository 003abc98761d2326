"""Wordings met in real policies (OTA gold, issue 11) that the card must read; each sentence is written for the test."""

from __future__ import annotations

from summaries.parser.collected import detect_types
from summaries.parser.facts import changes_notice
from summaries.parser.mentions import collected_mentions
from summaries.parser.shared import detect_recipients, extract_shared


def test_a_cv_is_work_details():
    assert "professional" in detect_types("We collect your CV and any other document you provide us.")


def test_the_content_of_chats_and_requests_is_what_you_tell_them():
    assert "communications" in detect_types("We collect the content of your request or query.")
    assert "communications" in detect_types("We collect the content of livechats and emails to us.")
    # sending a form is no collection statement, so no mention of what the inquiry said
    assert "communications" not in collected_mentions("Upon reading the content of your inquiry, we send a form.")


def test_a_government_identification_number_is_a_government_id():
    assert "government_id" in detect_types("In some countries we collect a government identification number.")


def test_you_might_supply_opens_a_list_of_collected_data():
    text = "You might supply us with information such as:\n• content of chats and emails to us;\n• payment information;"
    assert {"communications", "financial"} <= set(detect_types(text))


def test_acquiring_data_is_not_a_business_transfer():
    text = "We set internal rules concerning the acquisition, use and supply, etc. of personal information."
    assert "business_transfer" not in detect_recipients(text)
    assert "business_transfer" in detect_recipients("We may share your data in a merger or acquisition.")


def test_partners_data_comes_from_are_sources():
    text = "Information from our Marketing and Advertising Partners: we receive your name from our partners."
    assert "advertisers" not in detect_recipients(text)


def test_a_name_given_as_the_example_of_a_recipient_is_that_recipient():
    text = "We disclose conversion data to advertisers such as Meta and AppLovin to build audiences."
    [advertisers] = [item for item in extract_shared(text, []) if item["recipient"] == "advertisers"]
    assert advertisers["names"] == ["Meta", "AppLovin"]


def test_recommending_a_visit_to_the_page_is_notice_by_posting():
    text = "We may update this Privacy Notice from time to time, and we recommend regularly visiting this page."
    assert changes_notice(text)["value"] == "posted_only"


def test_records_of_calls_and_chats_are_what_you_tell_them():
    for sentence in (
        "When you contact us by phone we may collect communication records.",
        "We collect information about your contacts with us, such as chat conversations and email correspondence.",
        "We may also store information that you provide through communications to us.",
    ):
        assert "communications" in detect_types(sentence), sentence


def test_information_about_your_purchases_is_what_you_buy():
    assert "purchases" in detect_types("We collect information about your vehicle purchases or leases.")
    assert "purchases" in detect_types("We collect transaction and payment data.")


def test_a_channel_the_policy_refuses_is_no_way_to_exercise_a_right():
    from summaries.parser import summarize

    text = (
        "Your privacy rights\n\nYou may request deletion of your personal information. "
        "We do not accept consumer privacy requests made by email.\n\n"
        "Contact us\n\nFor privacy questions, contact our privacy team at privacy@shop.example "
        "or call our privacy team at 1-866-555-0100.\n"
    )
    [deletion] = [c for c in summarize(text)["choices"] if c["type"] == "deletion"]
    assert [how["kind"] for how in deletion["how"]] == ["phone"]
    allowed = text.replace("We do not accept consumer privacy requests made by email.", "")
    [deletion] = [c for c in summarize(allowed)["choices"] if c["type"] == "deletion"]
    assert "email" in [how["kind"] for how in deletion["how"]]


def test_a_sentence_further_along_a_list_line_keeps_the_list_lead_in():
    text = (
        "The personal data you provide to us are:\n\n"
        "• Contact information. Such as your name and phone number;\n"
        "• Identification information. This will include your driver's license number. "
        "If you have none, another method will be used.\n"
        "• Account information. This will include log-in details;\n"
    )
    assert {"contact", "government_id", "account"} <= set(detect_types(text))


def test_rights_in_gdpr_wording():
    from summaries.parser.choices import detect_choices

    assert detect_choices(
        "You have the right to request that any incomplete or inaccurate personal data that we process is amended."
    ) == ["correction"]
    assert detect_choices("You may also ask us to stop using your personal data for marketing purposes.") == [
        "opt_out_marketing"
    ]
    assert detect_choices(
        "You have the right not to be subjected to a decision based solely on automated decision-making."
    ) == ["opt_out_profiling"]


def test_a_company_that_does_not_sell_offers_no_opt_out_of_sale():
    from summaries.parser import summarize

    rights = (
        "Your California rights\n\nYou have the right to opt out of the sale of your personal information. "
        "To exercise it, visit https://shop.example/privacy-request.\n"
    )
    card = summarize("We do not sell your personal information.\n\n" + rights)
    assert card["sells_data"]["value"] == "no"
    assert "opt_out_sale" not in {c["type"] for c in card["choices"]}
    card = summarize("We sell your personal information to data brokers.\n\n" + rights)
    assert "opt_out_sale" in {c["type"] for c in card["choices"]}


def test_items_of_a_list_of_what_the_policy_leaves_out_are_not_collected():
    text = (
        "For purposes of this notice, personal information does not include the following:\n"
        "• Protected health information collected by a covered entity under HIPAA;\n"
    )
    assert "health" not in detect_types(text)


def test_records_of_something_is_a_noun_not_a_collection_verb():
    assert detect_types("To fulfil legal obligations | Keeping records of your transactions") == []
    assert "device" in detect_types("Our server records your IP address.")


def test_you_need_to_provide_is_a_collection_statement():
    assert "financial" in detect_types("To buy a game you may need to provide payment data to us.")


def test_medical_reasons_are_a_situation_not_data():
    assert "health" not in detect_types("We process data to protect your vital interests (e.g. for medical reasons).")


def test_using_information_mentions_it():
    text = "We use information related to transactions between customers and the company to provide services."
    assert "purchases" in collected_mentions(text)
