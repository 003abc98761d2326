"""Test data for the public pages: a policy text we wrote and a contract-shaped card for it.

Evidence offsets are computed from the text, so `text[start:end] == quote` always holds.
"""

from __future__ import annotations

import hashlib
from typing import Any

from policies.models import Company, PolicyVersion, Sector
from summaries.models import Summary

POLICY = """Privacy Notice of Juniper Hardware
Effective date: March 3, 2025

Information We Collect
We collect your name, email address, postal address and phone number when you place an order.
We collect payment card numbers and billing details to process payments.
When you browse our site we automatically collect your IP address, browser type and the pages you visit.
We use cookies, pixels and web beacons to remember your cart.

How We Share Information
We share information with service providers who ship orders and host our website.
We share device identifiers and browsing data with advertising partners such as AdNet Co to show you targeted ads.
We do not sell your personal information.

Your Choices
You may unsubscribe from marketing emails by clicking the link in any email.
You may request deletion of your personal information by emailing privacy@juniper.example or calling 1-800-555-0199.
We honor Global Privacy Control signals sent by your browser.

Other Information
We do not respond to Do Not Track signals.
Our services are not directed to children under 13.
We keep your information for as long as your account is active.

Contact Us
Questions about this notice can be sent to privacy@juniper.example or Juniper Hardware, 12 Elm Street, Springfield.
"""


def ev(text: str, quote: str) -> list[dict[str, Any]]:
    start = text.find(quote)
    if start < 0:  # a variant text without this sentence: the fact keeps no evidence
        return []
    return [{"quote": quote, "start": start, "end": start + len(quote)}]


def card_for(text: str = POLICY, **overrides: Any) -> dict[str, Any]:
    """A hand-written card for POLICY (or a text that keeps its sentences)."""
    card: dict[str, Any] = {
        "schema": "card/1",
        "parser_version": "test-1",
        "company": "Juniper Hardware",
        "effective_date": "2025-03-03",
        "collected": [
            {
                "type": "contact",
                "examples": ["name", "email address", "postal address", "phone number"],
                "sources": ["you"],
                "evidence": ev(text, "We collect your name, email address, postal address and phone number"),
            },
            {
                "type": "financial",
                "examples": ["payment card numbers"],
                "sources": ["you"],
                "evidence": ev(text, "We collect payment card numbers and billing details"),
            },
            {
                "type": "device",
                "examples": ["IP address", "browser type"],
                "sources": ["automatic"],
                "evidence": ev(text, "we automatically collect your IP address, browser type"),
            },
            {
                "type": "cookies",
                "examples": ["cookies", "pixels", "web beacons"],
                "sources": ["automatic"],
                "evidence": ev(text, "We use cookies, pixels and web beacons"),
            },
        ],
        "shared": [
            {
                "recipient": "service_providers",
                "names": [],
                "purposes": ["service"],
                "data_types": ["contact"],
                "evidence": ev(text, "We share information with service providers who ship orders"),
            },
            {
                "recipient": "advertisers",
                "names": ["AdNet Co"],
                "purposes": ["advertising"],
                "data_types": ["device", "online_activity"],
                "evidence": ev(text, "advertising partners such as AdNet Co to show you targeted ads"),
            },
        ],
        "sells_data": {"value": "no", "evidence": ev(text, "We do not sell your personal information.")},
        "choices": [
            {
                "type": "opt_out_marketing",
                "how": [{"kind": "link", "value": "https://juniper.example/unsubscribe"}],
                "evidence": ev(text, "You may unsubscribe from marketing emails"),
            },
            {
                "type": "deletion",
                "how": [
                    {"kind": "email", "value": "privacy@juniper.example"},
                    {"kind": "phone", "value": "1-800-555-0199"},
                ],
                "evidence": ev(text, "You may request deletion of your personal information"),
            },
            {
                "type": "global_privacy_control",
                "how": [{"kind": "browser", "value": ""}],
                "evidence": ev(text, "We honor Global Privacy Control signals"),
            },
        ],
        "contacts": [
            {
                "kind": "email",
                "value": "privacy@juniper.example",
                "normalized": "privacy@juniper.example",
                "label": "",
                "evidence": ev(text, "Questions about this notice can be sent to privacy@juniper.example"),
            },
            {
                "kind": "postal",
                "value": "Juniper Hardware, 12 Elm Street, Springfield",
                "normalized": "Juniper Hardware, 12 Elm Street, Springfield",
                "label": "",
                "evidence": ev(text, "Juniper Hardware, 12 Elm Street, Springfield"),
            },
        ],
        "facts": {
            "do_not_track": {
                "value": "not_honored",
                "evidence": ev(text, "We do not respond to Do Not Track signals."),
            },
            "children_min_age": {"value": 13, "evidence": ev(text, "not directed to children under 13")},
            "retention": {
                "value": "as_long_as_needed",
                "text": "while your account is active",
                "evidence": ev(text, "We keep your information for as long as your account is active."),
            },
            "security": {"value": "not_stated", "evidence": []},
            "changes_notice": {"value": "not_stated", "evidence": []},
            "international": {"value": "not_stated", "evidence": []},
        },
        "passages": [{"start": 0, "end": len(text), "heading": "", "practices": ["first_party_collection"]}],
        "stats": {"words": len(text.split()), "reading_minutes": 2, "grade_level": 9.4},
        "warnings": [],
    }
    card.update(overrides)
    return card


def add_version(company: Company, text: str, *, extractor_change: bool = False) -> PolicyVersion:
    """A version saved directly (no parser run), numbered after the company's latest."""
    latest = PolicyVersion.objects.filter(company=company).order_by("-sequence").first()
    version = PolicyVersion(
        company=company,
        sequence=(latest.sequence + 1) if latest else 1,
        source="paste",
        media_type="text/plain",
        size=len(text.encode()),
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        extractor_version="test",
        extractor_change=extractor_change,
    )
    version.save()
    return version


def add_card(version: PolicyVersion, card: dict[str, Any]) -> Summary:
    return Summary.objects.create(version=version, parser_version=card.get("parser_version", "test-1"), card=card)


def make_company(
    name: str = "Juniper Hardware",
    slug: str = "juniper",
    *,
    sector: str = Sector.GENERAL,
    text: str | None = POLICY,
    card: dict[str, Any] | None = None,
) -> Company:
    company = Company.objects.create(name=name, slug=slug, sector=sector, website=f"https://{slug}.example")
    if text is not None:
        version = add_version(company, text)
        add_card(version, card if card is not None else card_for(text))
    return company


def make_many(count: int) -> list[Company]:
    sectors = [value for value, _ in Sector.choices]
    return [make_company(f"Shop {i:03d}", f"shop-{i:03d}", sector=sectors[i % len(sectors)]) for i in range(count)]
