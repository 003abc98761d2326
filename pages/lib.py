"""Pure helpers for the public pages: plain-English labels for card codes, query-string
parsing that never raises, highlighting and a readable text diff.

No Django imports, so every rule here is tested without a database.
"""

from __future__ import annotations

import re
from typing import Any

# The text diff lives in summaries.textdiff (bounded cost); the pages read it from here.
from summaries.textdiff import Segment as Segment
from summaries.textdiff import TextDiff as TextDiff
from summaries.textdiff import split_units as split_units
from summaries.textdiff import text_diff as text_diff

MAX_QUERY_CHARS = 100
MAX_COMPARE = 4
MIN_COMPARE = 2

COLLECTED_LABELS: dict[str, str] = {
    "contact": "Contact details",
    "account": "Account and login data",
    "government_id": "Government or tax IDs",
    "financial": "Payment and financial data",
    "demographic": "Who you are (age, gender, income)",
    "professional": "Work details",
    "location": "Where you are",
    "device": "Device and network data",
    "online_activity": "What you do online",
    "cookies": "Cookies and trackers",
    "purchases": "What you buy",
    "communications": "What you tell them",
    "user_content": "What you post or submit",
    "audio_visual": "Photos, video and audio",
    "inferences": "Profiles about you",
    "health": "Health data",
    "sensitive": "Sensitive categories",
    "social_media": "Social media data",
    "biometric": "Biometric data",
}

RECIPIENT_LABELS: dict[str, str] = {
    "service_providers": "Service providers",
    "affiliates": "Its own group of companies",
    "advertisers": "Advertisers",
    "marketing_partners": "Marketing partners",
    "analytics": "Analytics providers",
    "social_media": "Social networks",
    "financing_providers": "Lenders and card issuers",
    "law_enforcement": "Police, courts and government",
    "business_transfer": "A buyer of the business",
    "public": "The public",
}

RECIPIENT_HINTS: dict[str, str] = {
    "service_providers": "Vendors working for the company: payment, shipping, hosting, support.",
    "affiliates": "Parent companies, subsidiaries and sister brands.",
    "advertisers": "Ad networks and trackers that target ads at you.",
    "marketing_partners": "Other companies that use your data for their own marketing.",
    "analytics": "Companies that measure how the site is used.",
    "social_media": "Networks you link your account to or share on.",
    "financing_providers": "Lenders, card issuers and financing partners.",
    "law_enforcement": "When required by law or legal process.",
    "business_transfer": "If the company is sold or merged.",
    "public": "Content that anyone can see, such as reviews.",
}

PURPOSE_LABELS: dict[str, str] = {
    "advertising": "advertising",
    "marketing": "marketing",
    "analytics": "analytics",
    "service": "running the service",
    "security": "security",
    "legal": "legal reasons",
    "personalization": "personalisation",
    "other": "other purposes",
}

SOURCE_LABELS: dict[str, str] = {
    "you": "you give it",
    "automatic": "collected as you browse",
    "third_parties": "from other companies",
}

# Each choice as an action the shopper can take, and what it does.
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "opt_out_marketing": ("Stop marketing messages", "Unsubscribe from marketing e-mail, mail, calls or texts."),
    "opt_out_sale": ("Opt out of the sale of your data", "Ask them not to sell or share your personal information."),
    "opt_out_targeted_ads": ("Turn off targeted ads", "Opt out of ads based on your interests and browsing."),
    "opt_out_profiling": ("Opt out of profiling", "Refuse automated profiling or decisions about you."),
    "cookie_controls": ("Control cookies", "Block or delete cookies in your browser or the cookie banner."),
    "analytics_opt_out": ("Opt out of analytics", "Stop analytics tools from measuring your visits."),
    "global_privacy_control": (
        "Use Global Privacy Control",
        "They honour the GPC signal your browser can send to opt you out automatically.",
    ),
    "access": ("See your data", "Ask for a copy of the personal information they hold about you."),
    "correction": ("Correct your data", "Fix or update information that is wrong."),
    "deletion": ("Delete your data", "Ask them to delete your data or close your account."),
    "portability": ("Take your data with you", "Export your data in a portable format."),
    "appeal": ("Appeal a refusal", "Challenge a decision to refuse one of your requests."),
    "authorized_agent": ("Use an authorised agent", "Let someone else make a request for you."),
}

HOW_LABELS: dict[str, str] = {
    "link": "Open the page",
    "email": "E-mail",
    "phone": "Call",
    "web_form": "Fill in the form",
    "account_settings": "In your account settings",
    "browser": "In your browser settings",
    "mail": "Write to",
}

CONTACT_LABELS: dict[str, str] = {"email": "E-mail", "phone": "Phone", "postal": "Post", "url": "Web"}

SELLS_LABELS: dict[str, str] = {
    "yes": "Sells or shares your data",
    "no": "Says it does not sell your data",
    "not_stated": "Does not say whether it sells your data",
}

DNT_LABELS: dict[str, str] = {
    "honored": "Honours Do Not Track",
    "not_honored": "Ignores Do Not Track",
    "not_stated": "Does not say",
}
RETENTION_LABELS: dict[str, str] = {
    "period": "For a stated period",
    "as_long_as_needed": "As long as they need it",
    "not_stated": "Does not say",
}
STATED_LABELS: dict[str, str] = {"stated": "Described", "not_stated": "Not described"}
CHANGES_LABELS: dict[str, str] = {
    "direct_notice": "They tell you directly",
    "posted_only": "Only posted on the site",
    "not_stated": "Does not say",
}

FACT_LABELS: dict[str, str] = {
    "do_not_track": "Do Not Track",
    "children_min_age": "Minimum age",
    "retention": "How long they keep data",
    "security": "Security measures",
    "changes_notice": "When the policy changes",
    "international": "Transfers abroad",
}

WARNING_LABELS: dict[str, str] = {
    "not_a_privacy_policy": "This document may not be a privacy policy, so the card may be incomplete or wrong.",
}


def label(mapping: dict[str, str], code: Any) -> str:
    """A code's label, or the code made readable when a newer parser adds one we don't know."""
    if code is None:
        return ""
    text = str(code)
    return mapping.get(text) or text.replace("_", " ").capitalize()


def fact_value_label(name: str, fact: dict[str, Any] | None) -> str:
    fact = fact or {}
    value = fact.get("value")
    if name == "children_min_age":
        return f"{value} or older" if value else "Does not say"
    mapping = {
        "do_not_track": DNT_LABELS,
        "retention": RETENTION_LABELS,
        "security": STATED_LABELS,
        "changes_notice": CHANGES_LABELS,
        "international": STATED_LABELS,
    }.get(name, {})
    text = label(mapping, value) if value is not None else "Does not say"
    if name == "retention" and fact.get("text"):
        text = f"{text}: {fact['text']}"
    return text


def warning_text(warning: Any) -> str:
    if isinstance(warning, dict):
        code = str(warning.get("code") or "")
        return WARNING_LABELS.get(code) or str(warning.get("message") or code.replace("_", " "))
    text = str(warning)
    return WARNING_LABELS.get(text, text)


# --- query-string parsing -------------------------------------------------------------


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The search text, squeezed and cut to a sane length; the flag says it was cut."""
    text = " ".join((raw or "").split())
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS].rstrip(), True
    return text, False


def parse_int(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.strip()
    if not raw.isdigit() or len(raw) > 9:
        return None
    return int(raw)


def parse_span(raw: str | None, text_length: int) -> tuple[int, int] | None:
    """`"12-40"` to (12, 40) when it is a non-empty span inside the text, else None."""
    match = re.fullmatch(r"\s*(\d{1,9})\s*-\s*(\d{1,9})\s*", raw or "")
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if 0 <= start < end <= text_length:
        return start, end
    return None


def parse_slugs(values: list[str]) -> list[str]:
    """Slugs from `?c=a,b&c=c`, in order, without duplicates or blanks."""
    seen: list[str] = []
    for value in values:
        for part in value.split(","):
            slug = part.strip().lower()[:200]
            if slug and slug not in seen:
                seen.append(slug)
    return seen


def highlight(text: str, span: tuple[int, int] | None) -> list[Segment]:
    if span is None:
        return [Segment("text", text)]
    start, end = span
    return [Segment("text", text[:start]), Segment("mark", text[start:end]), Segment("text", text[end:])]


def reading_minutes(words: Any) -> int | None:
    try:
        count = int(words)
    except (TypeError, ValueError):
        return None
    return max(1, round(count / 238)) if count > 0 else None
