"""Whose channel a contact is: the company's own, a regulator's, a business portal's or the ad industry's.

Policies name many addresses besides the company's own consumer channels: the regulators a visitor may
complain to (GDPR and state laws require naming them), dispute-resolution bodies (the Data Privacy
Framework requires one), the ad industry's opt-out pages, and portals for the company's sellers,
developers, partners or the police. A shopper acting on a right needs the first kind; the others are
labelled for what they are and never given as the way to see, correct or delete one's data.

The rules read the address itself (government and data-protection-authority domains, words in a URL
such as "seller" or "developers") and the words just before it ("the Information Commissioner's
Office, Wycliffe House, ..."), so they hold for any policy rather than for a list of companies.
"""

from __future__ import annotations

import re

from summaries.parser.prefix_scan import finditer_in

# Roles, best first for a shopper: the order contacts are shown in.
PRIVACY_FORM = "privacy_form"
DPO = "dpo"
PRIVACY_TEAM = "privacy_team"
CUSTOMER_SERVICE = "customer_service"
POSTAL = "postal"
GENERAL = "general"
AUTHORIZED_AGENT = "authorized_agent"
OPT_OUT_TOOL = "opt_out_tool"
OTHER_MATTER = "other_matter"
BUSINESS = "business"
DISPUTE_RESOLUTION = "dispute_resolution"
REGULATOR = "regulator"
RANK = (
    PRIVACY_FORM,
    DPO,
    PRIVACY_TEAM,
    CUSTOMER_SERVICE,
    POSTAL,
    GENERAL,
    AUTHORIZED_AGENT,
    OPT_OUT_TOOL,
    OTHER_MATTER,
    BUSINESS,
    DISPUTE_RESOLUTION,
    REGULATOR,
)
# Where a visitor complains rather than asks: the card's `complain_to` list.
COMPLAINT_ROLES = frozenset({REGULATOR, DISPUTE_RESOLUTION})
# Never the way to exercise a right with the company.
NOT_CONSUMER = frozenset({REGULATOR, DISPUTE_RESOLUTION, BUSINESS})

_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?([^/:?#\s]+)", re.IGNORECASE)
# Government domains the world over, and the EU's; data-protection authorities whose domain is not under one.
_GOVERNMENT_HOST = re.compile(
    r"(?:^|\.)(?:gov|gouv|gob|govt|go|gv|admin|gc|europa|mil)(?:\.[a-z]{2,3})?$"
    r"|(?:^|\.)(?:gov|gouv|gob)\.[a-z]{2}$"
    r"|(?:^|\.)(?:ico\.org\.uk|dataprotection\.ie|cnil\.fr|garanteprivacy\.it|aepd\.es|autoriteitpersoonsgegevens\.nl"
    r"|edps\.europa\.eu|datainspektionen\.se|imy\.se|datatilsynet\.\w+|uodo\.gov\.pl|cnpd\.\w+|apd-gba\.be"
    r"|dsb\.gv\.at|bfdi\.bund\.de|oag\.ca\.gov|cppa\.ca\.gov|naag\.org)$",
    re.IGNORECASE,
)
_DISPUTE_HOST = re.compile(r"jamsadr|(?:^|\.)adr\.org$|(?:^|\.)bbb\.org$|bbbprograms|truste|dispute", re.IGNORECASE)
# Industry and browser tools that work for any company: useful for ad and cookie choices, no way to reach
# the company.
_OPT_OUT_TOOL = re.compile(
    r"aboutads|networkadvertising|youronlinechoices|youradchoices|globalprivacycontrol|optoutprescreen|donotcall"
    r"|aboutcookies|allaboutcookies|gaoptout|dlpage|opt[-_]?out|thenai\.org",
    re.IGNORECASE,
)
# Words in an address or its sentence that say who the page is for when it is not the shopper.
_BUSINESS_WORDS = (
    r"sellers?|sellercentral|developers?|affiliates?|partners?|partnercentral|merchants?|advertisers?|vendors?"
    r"|suppliers?|authors?|kdp|creators?|publishers?|investors?|law[-_ ]?enforcement|lawenforcement|authorit(?:y|ies)"
    r"|authorityportal|government[-_ ]requests?|business(?:es)?|b2b|careers?|jobs?|press|newsroom"
)
_BUSINESS_URL = re.compile(rf"(?:^|[^a-z])(?:{_BUSINESS_WORDS})(?:[^a-z]|$)|sellercentral|partnercentral", re.I)
_BUSINESS_CONTEXT = re.compile(
    r"\b(?:if you are|for|as) (?:an? |our )?(?:(?:third[- ]party|independent|business) )?"
    r"(?:sellers?|developers?|affiliates?|partners?|merchants?|advertisers?|vendors?|suppliers?|authors?|"
    r"publishers?|creators?|business (?:customers?|users?|partners?)|law enforcement"
    r"|government (?:agencies|authorities))\b",
    re.IGNORECASE,
)
# The body named just before a phone number or an address: "the Information Commissioner's Office, ...".
_AUTHORITY = re.compile(
    r"\b(?:supervisory authorit(?:y|ies)|data protection (?:authorit(?:y|ies)|commission(?:er)?|board|agency)"
    r"|(?:information|privacy) commissioner|commissioner'?s? office|attorney general|regulators?|ombudsman"
    r"|lodge a complaint|file a complaint with|complain to|complaint with)\b",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(?:independent recourse|dispute resolution|arbitration|alternative dispute|recourse mechanism)\b", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE)
_PRIVACY_WORDS = re.compile(r"privacy|gdpr|ccpa|dsar|data[-_ ]?(?:protection|request|rights|subject)|your-data", re.I)
_DPO = re.compile(r"\bdpo\b|data[-_ ]?protection[-_ ]?officer|dataprotectionofficer", re.IGNORECASE)
_AGENT = re.compile(r"\bauthori[sz]ed agents?\b", re.IGNORECASE)
# A page where a visitor writes to the company, rather than a page that explains.
_FORM = re.compile(
    r"form|request|portal|dsar|webform|privacy-?(?:center|centre|choices|rights|hub)|contact|question|inquir|ticket"
    r"|submit|wizard",
    re.IGNORECASE,
)


def host(value: str) -> str:
    """The host of a URL or the domain of an e-mail address, lower case ("" when there is none)."""
    if "@" in value and "/" not in value:
        return value.rsplit("@", 1)[1].lower().strip(".")
    match = _HOST.match(value.strip())
    return match.group(1).lower().strip(".") if match else ""


def address_role(value: str) -> str | None:
    """What an address says about itself: its host and, for a URL, its path."""
    name = host(value)
    if not name:
        return None
    if _OPT_OUT_TOOL.search(value):
        return OPT_OUT_TOOL
    if _DISPUTE_HOST.search(name):
        return DISPUTE_RESOLUTION
    if _GOVERNMENT_HOST.search(name):
        return REGULATOR
    if "@" not in value and _BUSINESS_URL.search(value.split("://", 1)[-1]):
        return BUSINESS
    return None


def role(kind: str, value: str, before: str, sentence: str, label: str = "") -> str:
    """The role of one contact or "how" entry.

    `before` is the text just before it (about 150 characters of its sentence and the line above),
    `sentence` its whole sentence, `label` the contact's label where it has one ("privacy",
    "customer service", "copyright agent", ...).
    """
    if kind in ("email", "url", "link"):
        found = address_role(value)
        if found:
            return found
    # The nearest named body before the contact decides: "... the ICO at Wycliffe House ..."; a first-person
    # cue after it ("or contact us at ...") gives the contact back to the company.
    authority = list(_AUTHORITY.finditer(before))
    if authority and not _FIRST_PERSON.search(before, authority[-1].end()):
        return REGULATOR
    dispute = list(finditer_in(_DISPUTE, before))
    if dispute and not _FIRST_PERSON.search(before, dispute[-1].end()):
        return DISPUTE_RESOLUTION
    if _BUSINESS_CONTEXT.search(sentence):
        return BUSINESS
    if label in ("copyright agent", "job applications", "press", "accessibility", "fax"):
        return OTHER_MATTER
    if _DPO.search(value) or _DPO.search(before[-80:]):
        return DPO
    if _AGENT.search(sentence):
        return AUTHORIZED_AGENT
    privacy = label == "privacy" or bool(_PRIVACY_WORDS.search(value))
    if privacy and kind in ("url", "link", "web_form") and _FORM.search(value):
        return PRIVACY_FORM
    if privacy:
        return PRIVACY_TEAM
    if label == "customer service":
        return CUSTOMER_SERVICE
    if kind in ("postal", "mail"):
        return POSTAL
    return GENERAL


# What a shopper needs first: a way to write to the privacy team (form, mailbox, DPO, phone), then the
# company's postal address, then customer service; pages that only explain, tools and other parties' channels
# after them.
_TIERS = {
    PRIVACY_FORM: 0,
    DPO: 0,
    PRIVACY_TEAM: 0,
    POSTAL: 1,
    CUSTOMER_SERVICE: 2,
    GENERAL: 3,
    AUTHORIZED_AGENT: 4,
    OPT_OUT_TOOL: 5,
    OTHER_MATTER: 6,
    BUSINESS: 7,
    DISPUTE_RESOLUTION: 8,
    REGULATOR: 9,
}


def rank(role_code: str, kind: str) -> int:
    """The place of a contact in the list: lower comes first."""
    tier = _TIERS.get(role_code, len(RANK))
    if kind == "postal" and tier == 0:
        return 1  # the privacy team's postal address sits with the company's address
    if kind == "url" and role_code == PRIVACY_TEAM:
        return 3  # a privacy page that explains, not a way to write
    if kind == "url" and role_code == GENERAL:
        return 4
    return tier
