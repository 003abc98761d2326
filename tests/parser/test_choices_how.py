"""Your choices: the "how" entries are the actual means, each named once."""

from __future__ import annotations

import pytest

from summaries.parser.choices import extract_choices
from tests.parser.sections_support import assert_evidence


def how_of(text: str, code: str) -> list[dict[str, str]]:
    items = extract_choices(text, [])
    assert_evidence(text, items)
    (item,) = [item for item in items if item["type"] == code]
    return item["how"]


def test_one_browser_is_named_once_and_that_browser_is_no_how():
    text = (
        "We honour the Global Privacy Control signal sent by your browser as a request to opt out of the sale "
        "of personal information for that browser."
    )
    assert how_of(text, "opt_out_sale") == [{"kind": "browser", "value": "your browser"}]


def test_most_browsers_means_the_browser_settings():
    text = "Most browsers let you block or erase cookies from their settings menu."
    assert how_of(text, "cookie_controls") == [{"kind": "browser", "value": "browser settings"}]


def test_a_vaguer_entry_gives_way_to_a_more_specific_one():
    text = "You can block cookies in your browser. You can also change your browser settings to refuse cookies."
    assert how_of(text, "cookie_controls") == [{"kind": "browser", "value": "your browser settings"}]


def test_the_same_link_or_phone_written_twice_is_one_entry():
    text = (
        "You can opt out of interest-based ads at https://www.youradchoices.com/ or youradchoices.com. "
        "You may also opt out of targeted advertising by calling (800) 555-0123 or 1-800-555-0123."
    )
    how = how_of(text, "opt_out_targeted_ads")
    assert [entry["kind"] for entry in how] == ["link", "phone"]


def test_a_vanity_number_and_its_digits_are_one_entry():
    how = how_of("To opt out of marketing calls, call 1-800-FLOWERS (1-800-356-9377).", "opt_out_marketing")
    assert how == [{"kind": "phone", "value": "1-800-FLOWERS"}]


@pytest.mark.parametrize(
    ("text", "code", "entry"),
    [
        (
            "To opt out of interest-based advertising, visit optout.networkadvertising.org.",
            "opt_out_targeted_ads",
            {"kind": "link", "value": "optout.networkadvertising.org"},
        ),
        (
            "You can opt out of personalised ads on the Network Advertising Initiative's consumer-choice page.",
            "opt_out_targeted_ads",
            {"kind": "link", "value": "Network Advertising Initiative's consumer-choice page"},
        ),
        (
            "You can unsubscribe from our newsletter with the link at the foot of every newsletter.",
            "opt_out_marketing",
            {"kind": "link", "value": "link at the foot of every newsletter"},
        ),
        (
            'Press "unsubscribe" in any of our e-mails to stop receiving promotional e-mails.',
            "opt_out_marketing",
            {"kind": "link", "value": "unsubscribe link in any of our e-mails"},
        ),
        (
            'You may opt out of the sale of your data with the "Your Privacy Choices" link on every page.',
            "opt_out_sale",
            {"kind": "link", "value": "Your Privacy Choices link"},
        ),
        (
            "You can ask us to delete your personal data by calling +44 20 7946 0999.",
            "deletion",
            {"kind": "phone", "value": "+44 20 7946 0999"},
        ),
        (
            "To stop our marketing calls, call 1-800-FLOWERS.",
            "opt_out_marketing",
            {"kind": "phone", "value": "1-800-FLOWERS"},
        ),
        (
            "You can correct your personal information by signing in to your account.",
            "correction",
            {"kind": "account_settings", "value": "your account"},
        ),
        (
            "You can change your e-mail preferences in your Reward Club account to stop receiving offers.",
            "opt_out_marketing",
            {"kind": "account_settings", "value": "your Reward Club account"},
        ),
        (
            "To stop our catalog, call us or write to the address below.",
            "opt_out_marketing",
            {"kind": "mail", "value": "write to the address"},
        ),
        (
            "To opt out of Google Analytics, install the Google Analytics Opt-out Browser Add-on.",
            "analytics_opt_out",
            {"kind": "browser", "value": "Google Analytics Opt-out Browser Add-on"},
        ),
    ],
)
def test_how_names_the_means(text, code, entry):
    assert entry in how_of(text, code)


def test_a_domain_mentioned_in_passing_is_no_how():
    text = "Our newsletter is sent by mailer.com and every issue has an unsubscribe link."
    assert how_of(text, "opt_out_marketing") == [{"kind": "link", "value": "unsubscribe link"}]


def test_a_quoted_button_label_is_not_the_account_page():
    text = 'You may ask us to delete your personal data: use the "Close my account" button under My Account.'
    assert how_of(text, "deletion") == [{"kind": "account_settings", "value": "My Account"}]


def test_data_linked_to_the_account_is_not_the_account_page():
    text = "You may ask us to delete your personal data linked to your account by e-mailing gone@example.com."
    assert how_of(text, "deletion") == [{"kind": "email", "value": "gone@example.com"}]


@pytest.mark.parametrize(
    "text",
    [
        "a." * 200_000,
        "visit " + "x." * 100_000 + "com",
        ("of " * 50_000) + "profiling",
        '"' + "A" * 100_000 + '" link',
        "+1 " + "2 " * 100_000,
    ],
    ids=["dots", "long-domain", "many-of", "long-quote", "digits"],
)
def test_hostile_how_text_completes(text):
    extract_choices("You may opt out of the sale of your data. " + text, [])


def test_how_the_company_answers_is_not_how_to_ask():
    text = "You may appeal a refusal by replying to it, and we will send you our answer in writing."
    assert how_of(text, "appeal") == []
    text = "You may opt out of the sale of your data by sending a request in writing to our privacy office."
    assert how_of(text, "opt_out_sale") == [{"kind": "mail", "value": "in writing"}]


@pytest.mark.parametrize(
    ("text", "code", "how"),
    [
        (
            'You can review and correct your personal information in the " My Account" area.',
            "correction",
            [{"kind": "account_settings", "value": "My Account"}],
        ),
        (
            "You can set your browser's settings to refuse cookies, or block cookies in your browser's menu.",
            "cookie_controls",
            [{"kind": "browser", "value": "your browser settings"}],
        ),
        (
            "You can refuse cookies by adjusting your Internet browser security settings.",
            "cookie_controls",
            [{"kind": "browser", "value": "your Internet browser security settings"}],
        ),
        (
            "To opt out of interest-based ads in Europe, visit http:://www.youronlinechoices.eu.",
            "opt_out_targeted_ads",
            [{"kind": "link", "value": "www.youronlinechoices.eu"}],
        ),
    ],
)
def test_how_values_survive_untidy_writing(text, code, how):
    assert how_of(text, code) == how


@pytest.mark.parametrize(
    "text",
    [
        # a regulator is where to complain, not how to act on a right
        "You have the right to access your personal data. You may also contact the Irish Data Protection "
        "Commission at https://www.dataprotection.ie/ to access your data.",
        # seller and developer portals serve businesses, not shoppers
        "You can access your personal data; if you are a seller, use https://sellercentral.acme.example/data.",
        "You can request access to your data at https://developer.acme.example/portal.",
        # an industry opt-out page is no way to see what the company holds
        "You can request access to your data at https://optout.aboutads.info/.",
    ],
)
def test_regulators_portals_and_industry_pages_are_no_way_to_act_on_a_right(text):
    assert how_of(text, "access") == []


def test_a_right_without_its_own_how_takes_the_policys_privacy_contact_and_says_so():
    from summaries.parser.card import summarize

    text = (
        "Privacy Policy\n\nYour rights\n\nYou may request deletion of your personal information.\n\n"
        "Complaints\n\nYou may lodge a complaint with the supervisory authority at https://ico.org.uk/.\n\n"
        "Contact us\n\nFor privacy questions, e-mail privacy@acme.example.\n"
    )
    card = summarize(text)
    (deletion,) = [c for c in card["choices"] if c["type"] == "deletion"]
    assert deletion["how"] == [{"kind": "email", "value": "privacy@acme.example", "source": "contacts"}]
    assert [c["normalized"] for c in card["complain_to"]] == ["ico.org.uk"]


def test_a_refused_kind_of_channel_is_read_with_either_apostrophe_and_any_case():
    from summaries.parser.choices import refused_channels

    text = "Rights\nWe don’t accept requests by email. WE DON'T TAKE REQUESTS VIA TELEPHONE. We do take them by post."
    assert refused_channels(text) == {"email", "phone"}
    assert refused_channels(text.encode("ascii", "replace").decode() + " é") == {"phone"}  # "don?t" refuses nothing
