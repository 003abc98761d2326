"""Template helpers for the public pages: icons, labels for card codes and evidence links."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from pages import card_display, icons
from pages.lib import Segment
from summaries.parser import codes
from summaries.parser.phones import dial_digits

register = template.Library()


@register.simple_tag
def icon(name: Any, extra_class: str = "") -> SafeString:
    safe_class = re.sub(r"[^a-z0-9_ -]", "", str(extra_class).lower())
    return mark_safe(icons.svg(str(name), safe_class))  # noqa: S308 - svg() only emits our own markup


@register.simple_tag
def icon_sprite() -> SafeString:
    return mark_safe(icons.sprite())  # noqa: S308 - our own fixed drawings


@register.filter
def collected_label(code: Any) -> str:
    return codes.Collected.label_of(code)


@register.filter
def recipient_label(code: Any) -> str:
    return codes.Recipient.label_of(code)


@register.filter
def recipient_hint(code: Any) -> str:
    member = codes.Recipient.words(code)
    return member.hint if member is not None else ""


@register.filter
def purpose_label(code: Any) -> str:
    return codes.Purpose.label_of(code)


@register.filter
def source_label(code: Any) -> str:
    return codes.Source.label_of(code)


@register.filter
def choice_label(code: Any) -> str:
    return codes.Choice.label_of(code)


@register.filter
def choice_help(code: Any) -> str:
    member = codes.Choice.words(code)
    return member.hint if member is not None else ""


@register.filter
def how_label(kind: Any) -> str:
    return codes.HowKind.label_of(kind)


@register.filter
def how_text(how: Any) -> str:
    """How to act, in words: "Call: 510 603 7564", or just "In your browser settings" when the
    policy's own words ("your browser") would only repeat the label."""
    if not isinstance(how, dict):
        return ""
    kind, value = str(how.get("kind") or ""), str(how.get("value") or "").strip()
    title = codes.HowKind.label_of(kind)
    if kind in ("link", "web_form") and value and not safe_href(value, kind):
        title = "Use the link" if kind == "link" else "Use the form"
    if not value or value.casefold() in title.casefold():
        return title
    return f"{title}: {value}"


@register.filter
def contact_label(kind: Any) -> str:
    return codes.ContactKind.label_of(kind)


@register.filter
def contact_role(contact: Any) -> str:
    return card_display.contact_role_label(contact) if isinstance(contact, dict) else ""


@register.filter
def quote_excerpt(quote: Any, limit: int = card_display.QUOTE_CHARS) -> str:
    return card_display.excerpt(quote, int(limit))


@register.filter
def sells_label(value: Any) -> str:
    return codes.Sells.label_of(value or "not_stated")


@register.filter
def fact_label(name: Any) -> str:
    return codes.Fact.label_of(name)


WARNING_LABELS: dict[str, str] = {
    "not_a_privacy_policy": "This document may not be a privacy policy, so the card may be incomplete or wrong.",
}


@register.filter
def warning_text(warning: Any) -> str:
    if isinstance(warning, dict):
        code = str(warning.get("code") or "")
        return WARNING_LABELS.get(code) or str(warning.get("message") or code.replace("_", " "))
    text = str(warning)
    return WARNING_LABELS.get(text, text)


@register.filter
def highlighted(text: str, span: tuple[int, int] | None) -> list[Segment]:
    """The text in pieces, the `span` (start, end) marked: the version page's evidence highlight."""
    if span is None:
        return [Segment("text", text)]
    start, end = span
    return [Segment("text", text[:start]), Segment("mark", text[start:end]), Segment("text", text[end:])]


@register.filter
def safe_href(value: Any, kind: str = "link") -> str:
    """A clickable address for a choice or contact, or "" when it is not safe to link.

    Values come from policy text, so only http(s), mailto and tel addresses are produced;
    anything else (javascript:, data:, a bare phrase) is shown as text, never as a link.
    """
    text = str(value or "").strip()
    if kind == "email":
        address = text.removeprefix("mailto:")
        return f"mailto:{address}" if re.fullmatch(r"[^\s@<>\"']+@[^\s@<>\"']+\.[^\s@<>\"']+", address) else ""
    if kind == "phone":
        digits = dial_digits(text)
        return f"tel:{digits}" if len(re.sub(r"\D", "", digits)) >= 5 else ""
    if kind in ("link", "web_form", "url"):
        candidate = text if "://" in text else f"https://{text}" if re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", text) else ""
        parts = urlsplit(candidate)
        return candidate if parts.scheme in ("http", "https") and parts.netloc else ""
    return ""


@register.simple_tag
def evidence_url(slug: str, sequence: int, evidence: Any, relative: bool = False) -> str:
    """The version page with the evidence passage highlighted, or "" for malformed evidence.

    `relative`: as a link from the company page (`v/2/?hl=…`), a dozen bytes less per quote.
    """
    if not isinstance(evidence, dict):
        return ""
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        return ""
    page = f"v/{sequence}/" if relative else reverse("version", args=[slug, sequence])
    return f"{page}?hl={start}-{end}#hl"


@register.filter
def first_evidence(item: Any) -> dict[str, Any] | None:
    evidence = item.get("evidence") if isinstance(item, dict) else None
    return evidence[0] if evidence else None


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key)
    return None


@register.filter
def fact_value(fact: Any, name: str) -> str:
    return codes.describe_fact(name, fact if isinstance(fact, dict) else None)
