"""The card contract's vocabularies (../shared/spec/cards.md), in the spec's order, with their words.

One place for every code: each is a `StrEnum` member that is its own JSON string and carries
its `label` (what the pages show), `hint` (a line of explanation under the label) and
`phrase` (how a change summary says it mid-sentence: "Now shares with {phrase}"). The
extractors, the card model, the validator, the pages and the change summaries all read
these; the plain tuples at the end are the code strings, for the parser's hot paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Self


class Code(StrEnum):
    """A contract code with its words; unknown words default to the code made readable."""

    label: str
    hint: str
    phrase: str

    def __new__(cls, value: str, label: str = "", hint: str = "", phrase: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        readable = value.replace("_", " ")
        member.label = label or readable.capitalize()
        member.hint = hint
        member.phrase = phrase or readable
        return member

    @classmethod
    def words(cls, code: object) -> Code | None:
        """The member for `code`, or None for a code this vocabulary does not know."""
        try:
            return cls(str(code))
        except ValueError:
            return None

    @classmethod
    def label_of(cls, code: object) -> str:
        """The label of `code`, or the code made readable when a newer parser adds one we don't know."""
        if code is None:
            return ""
        member = cls.words(code)
        return member.label if member is not None else str(code).replace("_", " ").capitalize()


class Collected(Code):
    CONTACT = "contact", "Contact details", "", "contact details"
    ACCOUNT = "account", "Account and login data", "", "account and login data"
    GOVERNMENT_ID = "government_id", "Government or tax IDs", "", "government or tax IDs"
    FINANCIAL = "financial", "Payment and financial data", "", "payment and financial data"
    DEMOGRAPHIC = "demographic", "Who you are (age, gender, income)", "", "demographic data (age, gender, income)"
    PROFESSIONAL = "professional", "Work details", "", "work details"
    LOCATION = "location", "Where you are", "", "your location"
    DEVICE = "device", "Device and network data", "", "device and network data"
    ONLINE_ACTIVITY = "online_activity", "What you do online", "", "what you do online"
    COOKIES = "cookies", "Cookies and trackers", "", "cookies and trackers"
    PURCHASES = "purchases", "What you buy", "", "what you buy"
    COMMUNICATIONS = "communications", "What you tell them", "", "what you tell them"
    USER_CONTENT = "user_content", "What you post or submit", "", "what you post or submit"
    AUDIO_VISUAL = "audio_visual", "Photos, video and audio", "", "photos, video or audio"
    INFERENCES = "inferences", "Profiles about you", "", "profiles about you"
    HEALTH = "health", "Health data", "", "health data"
    SENSITIVE = "sensitive", "Sensitive categories", "", "sensitive data"
    SOCIAL_MEDIA = "social_media", "Social media data", "", "social media data"
    BIOMETRIC = "biometric", "Biometric data", "", "biometric data"


class Source(Code):
    YOU = "you", "you give it"
    AUTOMATIC = "automatic", "collected as you browse"
    THIRD_PARTIES = "third_parties", "from other companies"


class Recipient(Code):
    SERVICE_PROVIDERS = (
        "service_providers",
        "Service providers",
        "Vendors working for the company: payment, shipping, hosting, support.",
        "service providers",
    )
    AFFILIATES = (
        "affiliates",
        "Its own group of companies",
        "Parent companies, subsidiaries and sister brands.",
        "its own group of companies",
    )
    ADVERTISERS = "advertisers", "Advertisers", "Ad networks and trackers that target ads at you.", "advertisers"
    MARKETING_PARTNERS = (
        "marketing_partners",
        "Marketing partners",
        "Other companies that use your data for their own marketing.",
        "marketing partners",
    )
    ANALYTICS = (
        "analytics",
        "Analytics providers",
        "Companies that measure how the site is used.",
        "analytics providers",
    )
    SOCIAL_MEDIA = (
        "social_media",
        "Social networks",
        "Networks you link your account to or share on.",
        "social networks",
    )
    FINANCING_PROVIDERS = (
        "financing_providers",
        "Lenders and card issuers",
        "Lenders, card issuers and financing partners.",
        "lenders and card issuers",
    )
    LAW_ENFORCEMENT = (
        "law_enforcement",
        "Police, courts and government",
        "When required by law or legal process.",
        "police, courts and government",
    )
    BUSINESS_TRANSFER = (
        "business_transfer",
        "A buyer of the business",
        "If the company is sold or merged.",
        "a buyer of the business",
    )
    PUBLIC = "public", "The public", "Content that anyone can see, such as reviews.", "the public"


class Purpose(Code):
    ADVERTISING = "advertising", "advertising"
    MARKETING = "marketing", "marketing"
    ANALYTICS = "analytics", "analytics"
    SERVICE = "service", "running the service"
    SECURITY = "security", "security"
    LEGAL = "legal", "legal reasons"
    PERSONALIZATION = "personalization", "personalisation"
    OTHER = "other", "other purposes"


class Choice(Code):
    """Each choice as an action the shopper can take (label), what it does (hint), and how a
    change summary finishes "Now lets you …" (phrase)."""

    OPT_OUT_MARKETING = (
        "opt_out_marketing",
        "Stop marketing messages",
        "Unsubscribe from marketing e-mail, mail, calls or texts.",
        "stop marketing messages",
    )
    OPT_OUT_SALE = (
        "opt_out_sale",
        "Opt out of the sale of your data",
        "Ask them not to sell or share your personal information.",
        "opt out of the sale of your data",
    )
    OPT_OUT_TARGETED_ADS = (
        "opt_out_targeted_ads",
        "Turn off targeted ads",
        "Opt out of ads based on your interests and browsing.",
        "turn off targeted ads",
    )
    OPT_OUT_PROFILING = (
        "opt_out_profiling",
        "Opt out of profiling",
        "Refuse automated profiling or decisions about you.",
        "opt out of profiling",
    )
    COOKIE_CONTROLS = (
        "cookie_controls",
        "Control cookies",
        "Block or delete cookies in your browser or the cookie banner.",
        "control cookies",
    )
    ANALYTICS_OPT_OUT = (
        "analytics_opt_out",
        "Opt out of analytics",
        "Stop analytics tools from measuring your visits.",
        "opt out of analytics",
    )
    GLOBAL_PRIVACY_CONTROL = (
        "global_privacy_control",
        "Use Global Privacy Control",
        "They honour the GPC signal your browser can send to opt you out automatically.",
        "opt out with Global Privacy Control",
    )
    ACCESS = (
        "access",
        "See your data",
        "Ask for a copy of the personal information they hold about you.",
        "see your data",
    )
    CORRECTION = "correction", "Correct your data", "Fix or update information that is wrong.", "correct your data"
    DELETION = "deletion", "Delete your data", "Ask them to delete your data or close your account.", "delete your data"
    PORTABILITY = (
        "portability",
        "Take your data with you",
        "Export your data in a portable format.",
        "take your data with you",
    )
    APPEAL = (
        "appeal",
        "Appeal a refusal",
        "Challenge a decision to refuse one of your requests.",
        "appeal a refused request",
    )
    AUTHORIZED_AGENT = (
        "authorized_agent",
        "Use an authorised agent",
        "Let someone else make a request for you.",
        "use an authorised agent",
    )


class HowKind(Code):
    LINK = "link", "Open the page"
    EMAIL = "email", "E-mail"
    PHONE = "phone", "Call"
    WEB_FORM = "web_form", "Fill in the form"
    ACCOUNT_SETTINGS = "account_settings", "In your account settings"
    BROWSER = "browser", "In your browser settings"
    MAIL = "mail", "Write to"


class ContactKind(Code):
    EMAIL = "email", "E-mail", "", "contact e-mail"
    PHONE = "phone", "Phone", "", "contact phone number"
    POSTAL = "postal", "Post", "", "postal address"
    URL = "url", "Web", "", "contact page"


class ContactRole(Code):
    """What a contact is for (parser 1.2.0), in the order a card ranks its contacts (`channels.RANK`)."""

    PRIVACY_FORM = "privacy_form", "Privacy request form"
    DPO = "dpo", "Data protection officer"
    PRIVACY_TEAM = "privacy_team", "Privacy team"
    CUSTOMER_SERVICE = "customer_service", "Customer service"
    POSTAL = "postal", "Postal address"
    GENERAL = "general", "General contact"
    AUTHORIZED_AGENT = "authorized_agent", "Authorised agent"
    OPT_OUT_TOOL = "opt_out_tool", "Industry opt-out page"
    OTHER_MATTER = "other_matter", "Other matters"
    BUSINESS = "business", "Business portal"
    DISPUTE_RESOLUTION = "dispute_resolution", "Dispute resolution"
    REGULATOR = "regulator", "Regulator"


class Practice(Code):
    """The ten OPP-115 categories; the label is the corpus's own name for each."""

    FIRST_PARTY_COLLECTION = "first_party_collection", "First Party Collection/Use"
    THIRD_PARTY_SHARING = "third_party_sharing", "Third Party Sharing/Collection"
    USER_CHOICE = "user_choice", "User Choice/Control"
    USER_ACCESS = "user_access", "User Access, Edit and Deletion"
    DATA_RETENTION = "data_retention", "Data Retention"
    DATA_SECURITY = "data_security", "Data Security"
    POLICY_CHANGE = "policy_change", "Policy Change"
    DO_NOT_TRACK = "do_not_track", "Do Not Track"
    SPECIFIC_AUDIENCES = "specific_audiences", "International and Specific Audiences"
    OTHER = "other", "Other"


class Sells(Code):
    YES = "yes", "Sells or shares your data"
    NO = "no", "Says it does not sell your data"
    NOT_STATED = "not_stated", "Does not say whether it sells your data"


# The facts' values. The phrase finishes "{fact phrase}: …" in a change summary.
class DoNotTrack(Code):
    HONORED = "honored", "Honours Do Not Track", "", "honours it"
    NOT_HONORED = "not_honored", "Ignores Do Not Track", "", "ignores it"
    NOT_STATED = "not_stated", "Does not say", "", "no longer says"


class Retention(Code):
    PERIOD = "period", "For a stated period", "", "a stated period"
    AS_LONG_AS_NEEDED = "as_long_as_needed", "As long as they need it", "", "as long as needed"
    NOT_STATED = "not_stated", "Does not say", "", "no longer says"


class Security(Code):
    STATED = "stated", "Described", "", "now described"
    NOT_STATED = "not_stated", "Not described", "", "no longer described"


class ChangesNotice(Code):
    DIRECT_NOTICE = "direct_notice", "They tell you directly", "", "you are told directly"
    POSTED_ONLY = "posted_only", "Only posted on the site", "", "only posted on the site"
    NOT_STATED = "not_stated", "Does not say", "", "no longer says"


class International(Code):
    STATED = "stated", "Described", "", "now mentioned"
    NOT_STATED = "not_stated", "Not described", "", "no longer mentioned"


class Fact(Code):
    """The card's facts in page order: label on the pages, phrase as a change summary's title."""

    DO_NOT_TRACK = "do_not_track", "Do Not Track", "", "Do Not Track"
    CHILDREN_MIN_AGE = "children_min_age", "Minimum age", "", "Minimum age"
    RETENTION = "retention", "How long they keep data", "", "How long data is kept"
    SECURITY = "security", "Security measures", "", "Security measures"
    CHANGES_NOTICE = "changes_notice", "When the policy changes", "", "Policy changes"
    INTERNATIONAL = "international", "Transfers abroad", "", "Transfers abroad"


# The value vocabulary of each fact that has one (children_min_age is a number).
FACT_VALUES: dict[str, type[Code]] = {
    Fact.DO_NOT_TRACK: DoNotTrack,
    Fact.RETENTION: Retention,
    Fact.SECURITY: Security,
    Fact.CHANGES_NOTICE: ChangesNotice,
    Fact.INTERNATIONAL: International,
}


def describe_fact(name: str, fact: Mapping[str, Any] | None) -> str:
    """A fact's value in words for the pages: "16 or older", "For a stated period: two years"."""
    fact = fact or {}
    value = fact.get("value")
    if name == Fact.CHILDREN_MIN_AGE:
        return f"{value} or older" if value else "Does not say"
    text = FACT_VALUES.get(name, Code).label_of(value) if value is not None else "Does not say"
    if name == Fact.RETENTION and fact.get("text"):
        text = f"{text}: {fact['text']}"
    return text


def _values(vocabulary: type[Code]) -> tuple[str, ...]:
    return tuple(member.value for member in vocabulary)


COLLECTED = _values(Collected)
SOURCES = _values(Source)
RECIPIENTS = _values(Recipient)
PURPOSES = _values(Purpose)
CHOICES = _values(Choice)
HOW_KINDS = _values(HowKind)
CONTACT_KINDS = _values(ContactKind)
PRACTICES = _values(Practice)
