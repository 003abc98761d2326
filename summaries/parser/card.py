"""Assembles the card (see ../shared/spec/cards.md) from the section extractors."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from summaries.parser import channels, selling
from summaries.parser.choices import channel_fallback, extract_choices, refused_channels
from summaries.parser.classify import classify_passage
from summaries.parser.collected import extract_collected
from summaries.parser.company import detect_company
from summaries.parser.contacts import complaint_channels, extract_contacts, hidden_emails
from summaries.parser.dates import date_precision, find_effective_date
from summaries.parser.facts import extract_facts
from summaries.parser.passages import segment
from summaries.parser.practices import classify_practices
from summaries.parser.prefix_scan import finditer
from summaries.parser.shared import drop_own_names, extract_shared
from summaries.parser.stats import compute_stats
from summaries.parser.types import Passage

PARSER_VERSION = "1.2.2"

# Words that any privacy policy uses and a recipe or lorem ipsum does not.
_STRONG_VOCABULARY = re.compile(
    r"\b(?:privacy|personal(?:ly)?\s+(?:identifiable\s+)?(?:information|data)|cookies?|opt[- ]?out|"
    r"data\s+protection|third[- ]part(?:y|ies)|gdpr|ccpa|coppa|do\s+not\s+track)\b",
    re.IGNORECASE,
)
_WEAK_VOCABULARY = re.compile(
    r"\b(?:collect\w*|disclos\w*|share|sharing|shared|information|data|consent|retain\w*|processing|account)\b",
    re.IGNORECASE,
)
_VOCABULARY_WINDOW = 200_000
_MAX_TOKEN = 64
_LONG_TOKEN = re.compile(rf"\S{{{_MAX_TOKEN + 1},}}")


# Contacts whose addresses are the company's own: their domain names are the company's names.
_OWN_ROLES = {channels.PRIVACY_FORM, channels.DPO, channels.PRIVACY_TEAM, channels.CUSTOMER_SERVICE}


def _no_stats(text: str) -> dict[str, Any]:
    return {"words": len(text.split()), "reading_minutes": 0, "grade_level": None}


def _empty_facts() -> dict[str, Any]:
    return {
        "do_not_track": {"value": "not_stated", "evidence": []},
        "children_min_age": {"value": None, "evidence": []},
        "retention": {"value": "not_stated", "text": "", "evidence": []},
        "security": {"value": "not_stated", "evidence": []},
        "changes_notice": {"value": "not_stated", "evidence": []},
        "international": {"value": "not_stated", "evidence": []},
    }


def empty_card(text: str = "", warnings: list[str] | None = None) -> dict[str, Any]:
    """A card that states nothing: for empty or non-policy text."""
    return {
        "schema": "card/1",
        "parser_version": PARSER_VERSION,
        "company": None,
        "effective_date": None,
        "effective_date_evidence": [],
        "effective_date_precision": None,
        "collected": [],
        "shared": [],
        "sells_data": {"value": "not_stated", "evidence": []},
        "choices": [],
        "contacts": [],
        "complain_to": [],
        "facts": _empty_facts(),
        "passages": [],
        "stats": compute_stats(text),
        "warnings": list(warnings or []),
    }


def looks_like_policy(text: str) -> bool:
    """True when the text speaks the language of privacy policies."""
    window = text[:_VOCABULARY_WINDOW]
    if _STRONG_VOCABULARY.search(window):
        return True
    weak = {m.group(0).lower()[:6] for m in _WEAK_VOCABULARY.finditer(window)}
    return len(weak) >= 3


def _run[T](warnings: list[str], name: str, fallback: T, step: Callable[[], T]) -> T:
    # One broken section must not cost the visitor the whole card; the warning says which.
    try:
        return step()
    except Exception as exc:
        warnings.append(f"{name}: extraction failed ({type(exc).__name__})")
        return fallback


def _classified(text: str, warnings: list[str]) -> list[Passage]:
    passages = _run(warnings, "passages", [], lambda: segment(text))
    # A passage holds such a run only if the text does: one search of the text (by RE2) spares most policies the
    # search of every passage.
    long_tokens = next(finditer(_LONG_TOKEN, text), None) is not None
    for passage in passages:
        # Practice labels come from words, and no word is hundreds of letters long: cutting such
        # runs keeps hostile input from costing the word patterns quadratic time.
        chunk = text[passage.start : passage.end]
        if long_tokens:
            chunk = _LONG_TOKEN.sub(lambda m: m.group(0)[:_MAX_TOKEN], chunk)
        passage.practices = _run(warnings, "practices", [], lambda c=chunk, h=passage.heading: classify_practices(c, h))
    return passages


# A short policy written for `warm_up` (not taken from any real one): a heading for each section, so that every
# extractor reads at least one sentence, an e-mail address, a telephone number and a postal address.
_WARM_UP_POLICY = """Privacy Policy
Last updated: January 5, 2026

Information We Collect
We collect your name, email address and phone number when you create an account. We automatically collect your
IP address and use cookies. We may receive information about you from partners.

How We Share Information
We share information with service providers who host our site. We do not sell your personal information.

Your Choices
You can unsubscribe from marketing emails at any time. You may ask us to delete the information we hold about you.
Our site does not respond to Do Not Track signals.

Retention, Security and Children
We keep your data for two years. We use encryption to protect it. Our service is not directed to children under 13.
If we change this policy we will notify you by email. Your data may be transferred to other countries.

Contact Us
Email privacy@example.com or call (510) 555-0134. Example Inc., 200 Market Street, Springfield, IL 62701
"""


def warm_up() -> None:
    """Pay the parser's one-off costs now instead of in the first card: the hyphenation dictionary, the lazily
    compiled regular expressions and their RE2 forms, the telephone metadata. A process that makes cards (a
    task worker, a web worker) calls it once when it starts; the first card then takes what any card takes."""
    # Twice: RE2 forms differ for ASCII text and for text with letters beyond it (most real policies).
    for text in (_WARM_UP_POLICY, _WARM_UP_POLICY.replace("Example Inc.", "Exemplé Café’s “Inc.”")):
        summarize(text)
        for passage in text.split("\n\n"):
            classify_passage(passage)


def summarize(text: str) -> dict[str, Any]:
    """The card for one policy version's normalised text."""
    if not text.strip():
        return empty_card(text, ["empty text: nothing to summarise"])
    if not looks_like_policy(text):
        return empty_card(text, ["not a privacy policy: the text has none of the usual privacy vocabulary"])
    warnings: list[str] = []
    passages = _classified(text, warnings)
    date, date_quote = _run(warnings, "effective_date", (None, None), lambda: find_effective_date(text))
    card = {
        "schema": "card/1",
        "parser_version": PARSER_VERSION,
        "company": _run(warnings, "company", None, lambda: detect_company(text)),
        "effective_date": date,
        # Additions to the contract: the quote the date was read from, and whether the policy gave a day or
        # only a month ("Updated August 2026" is stored as the first of the month).
        "effective_date_evidence": [date_quote] if date_quote else [],
        "effective_date_precision": date_precision(date_quote),
        "collected": _run(warnings, "collected", [], lambda: extract_collected(text, passages)),
        "shared": _run(warnings, "shared", [], lambda: extract_shared(text, passages)),
        "sells_data": _run(
            warnings,
            "sells_data",
            {"value": "not_stated", "evidence": []},
            lambda: selling.extract_sells(text, passages),
        ),
        "choices": _run(warnings, "choices", [], lambda: extract_choices(text, passages)),
        "contacts": _run(warnings, "contacts", [], lambda: extract_contacts(text, passages)),
        "complain_to": [],
        "facts": _run(warnings, "facts", _empty_facts(), lambda: extract_facts(text)),
        "passages": [p.as_dict() for p in passages],
        "stats": _run(warnings, "stats", _no_stats(text), lambda: compute_stats(text)),
        "warnings": warnings,
    }
    card["complain_to"] = complaint_channels(card["contacts"])
    own_hosts = [channels.host(c["value"]) for c in card["contacts"] if c.get("role") in _OWN_ROLES]
    _run(warnings, "shared", None, lambda: drop_own_names(card["shared"], card["company"], own_hosts))
    _run(warnings, "choices", None, lambda: channel_fallback(card["choices"], card["contacts"], refused_channels(text)))
    if (card["sells_data"] or {}).get("value") == "no":
        # The company says it does not sell: a paragraph describing the right to opt out of sale is the law's text,
        # not a choice this company offers (there is nothing to opt out of).
        card["choices"] = [c for c in card["choices"] if c.get("type") != "opt_out_sale"]
    hidden = hidden_emails(text)
    if hidden:
        warnings.append(f"{hidden} e-mail address(es) hidden by the page ([email protected]) could not be read")
    card["warnings"] = list(dict.fromkeys(warnings))
    return card
