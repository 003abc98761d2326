"""Template helpers for the public pages: icons, how to act on a choice, quotes and evidence links.

A card code's words need no filter: the typed card's codes are `codes` members, so a template
reads `item.type.label` or `item.recipient.hint`.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

from pages import card_display, icons
from policies.links import slug_path
from summaries.parser.codes import HowKind
from summaries.parser.model import Contact, How
from summaries.parser.phones import dial_digits
from summaries.textdiff import Segment

register = template.Library()


@register.simple_tag
def path(name: str, *args: Any) -> str:
    """`{% url name arg ... %}` (the path; escaped the same way), without walking the URL resolver
    for the URL names a page links to most: one with no argument is reversed once per process
    (per script prefix and URLconf), one with a slug alone goes to `slug_path` (policies/links.py).
    Any other goes to `reverse()`. About 15 µs less a link; a page has 8 to 25 of them."""
    if not args:
        return _plain_path(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if len(args) == 1 and isinstance(args[0], str):
        return slug_path(name, args[0])
    return reverse(name, args=args)


@functools.lru_cache(maxsize=64)
def _plain_path(name: str, prefix: str, urlconf: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def icon(name: Any, extra_class: str = "") -> SafeString:
    return _icon(str(name), str(extra_class))


@functools.lru_cache(maxsize=1024)  # a page asks for the same few dozen again and again
def _icon(name: str, extra_class: str) -> SafeString:
    safe_class = re.sub(r"[^a-z0-9_ -]", "", extra_class.lower())
    return mark_safe(icons.svg(name, safe_class))  # noqa: S308 - svg() only emits our own markup


@register.simple_tag
def badges(sells: Any, ads: Any, deletion: Any, gpc: Any) -> SafeString:
    """The key-practice badges, `pages/_badges.html`: what `{% include %}` with these four would give.

    The include reads nothing else and has 24 outcomes, so each is rendered once per process
    (a browse page shows 20 rows of badges: an include each cost more than the rest of the row).
    """
    return _badges("no" if sells == "no" else "yes" if sells == "yes" else "", bool(ads), bool(deletion), bool(gpc))


@functools.cache
def _badges(sells: str, ads: bool, deletion: bool, gpc: bool) -> SafeString:
    return get_template("pages/_badges.html").render({"sells": sells, "ads": ads, "deletion": deletion, "gpc": gpc})


@register.simple_tag
def company_row(c: Any) -> SafeString:
    """One company of the browse list, `<li class="company-row">`: the markup the loop body of
    `browse.html` had, written out here because a browse page renders 20 of them and the template
    engine spent ~0.2 ms on each (a third of the page). Values are escaped as `{{ }}` escapes them
    and dates formatted as the `date` filter formats them; tests/pages/test_page_bytes.py pins
    the pages byte for byte.
    """
    meta = conditional_escape(c.sector_label)
    if c.last_updated:
        when = template_localtime(c.last_updated)
        # `|date:'c'` is the ISO form (DateFormat.c); `|date:"j M Y"` depends on the day alone.
        iso, day = escape(when.isoformat()), _short_day(when.year, when.month, when.day, get_language())
        meta += f' · <span>Checked <time datetime="{iso}">{day}</time></span>'
    if c.has_card:
        if grade := c.grade:
            grade = conditional_escape(grade)
            shown = f'<span class="grade-chip grade-{grade}">{grade}</span> Grade {grade}'
        else:
            shown = '<span\n      class="muted">Not enough information for a grade</span>'
        badges_html = badges(c.badge_sells, c.badge_ads, c.badge_deletion, c.badge_gpc)
        body = f'<p class="row-grade">{shown}</p>\n      {badges_html}\n      '
    elif c.current_version_id:
        body = '<p class="muted">Card being prepared.</p>\n      '
    else:
        body = '<p class="muted">No policy recorded yet.</p>'
    return mark_safe(  # noqa: S308 - every value above is escaped
        '\n    <li class="company-row">\n      <div class="company-row-head">\n'
        f'        <h3><a href="{conditional_escape(c.get_absolute_url())}">{conditional_escape(c.name)}</a></h3>\n'
        f'        <p class="meta">{meta}</p>\n      </div>\n      {body}\n    </li>\n    '
    )


CELL_ICONS = ("yes", "no", "unknown")


@register.simple_tag
def compare_cell(cell: dict[str, Any], label: Any) -> SafeString:
    """One cell of the compare matrix, `<td class="cell ...">`: the markup the cell loop of
    `compare.html` had, written out here (a matrix of 4 companies has ~100 cells, the template
    engine spent ~20 µs on each). Values are escaped as `{{ }}` escapes them; a key the cell
    lacks counts as empty, as in the template. tests/pages/test_page_bytes.py pins the pages.
    """
    state = cell.get("state", "")
    if not cell.get("card"):
        kind, body = "none", '<span\n      class="muted">No card yet</span>'
    else:
        kind = conditional_escape(state)
        if state in CELL_ICONS:
            mark = _icon(str(state), "")
        elif state == "grade" and (grade := cell.get("grade")):
            grade = conditional_escape(grade)
            mark = f'<span\n      class="grade-chip grade-{grade}" aria-hidden="true">{grade}</span>\n      '
        else:
            mark = ""
        body = f"{mark}<span>{conditional_escape(cell.get('text', ''))}</span>"
    text = conditional_escape(cell.get("text", ""))
    if quote := cell.get("quote"):
        url, quoted = quote.get("url"), quote.get("text", "")  # compare's `_quote_of`
        link = f'<a\n      href="{conditional_escape(url)}">See it in the policy</a>' if url else ""
        body += (
            f'<details class="evidence cell-quote"><summary>{_icon("quote", "")}<span>Why</span>'
            f'<span class="visually-hidden">\n      ({conditional_escape(label)}, {text})'
            f"</span></summary><blockquote>{conditional_escape(quoted)}</blockquote>{link}</details>"
        )
    return mark_safe(f'\n      <td class="cell cell-{kind}">{body}</td>\n      ')  # noqa: S308 - values escaped


@functools.lru_cache(maxsize=4096)
def _short_day(year: int, month: int, day: int, language: str | None) -> str:
    """`|date:"j M Y"` of that day, escaped: "4 Mar 2025"."""
    return escape(formats.date_format(datetime.date(year, month, day), "j M Y"))


@register.simple_tag
def icon_sprite() -> SafeString:
    return mark_safe(icons.sprite())  # noqa: S308 - our own fixed drawings


@register.filter
def how_text(how: How) -> str:
    """How to act, in words: "Call: 510 603 7564", or just "In your browser settings" when the
    policy's own words ("your browser") would only repeat the label."""
    value, title = how.value.strip(), how.kind.label
    if how.kind in (HowKind.LINK, HowKind.WEB_FORM) and value and not safe_href(value, how.kind):
        title = "Use the link" if how.kind == HowKind.LINK else "Use the form"
    if not value or value.casefold() in title.casefold():
        return title
    return f"{title}: {value}"


@register.filter
def contact_role(contact: Contact) -> str:
    return card_display.contact_role_label(contact)


@register.filter
def quote_excerpt(quote: Any, limit: int = card_display.QUOTE_CHARS) -> str:
    return card_display.excerpt(quote, int(limit))


WARNING_LABELS: dict[str, str] = {
    "not_a_privacy_policy": "This document may not be a privacy policy, so the card may be incomplete or wrong.",
}


@register.filter
def warning_text(warning: str) -> str:
    return WARNING_LABELS.get(warning, warning)


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
def evidence_url(slug: str, sequence: int, start: Any, end: Any, relative: bool = False) -> str:
    """The version page with the quote at `start`–`end` highlighted, or "" for offsets that are not a span.

    Offsets, not the evidence itself, so a card's typed quote and a stored change's quote (JSON)
    link the same way; a missing one (a grade point with no quote) comes in as "" and links nowhere.
    `relative`: as a link from the company page (`v/2/?hl=…`), a dozen bytes less per quote.
    """
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        return ""
    page = f"v/{sequence}/" if relative else reverse("version", args=[slug, sequence])
    return f"{page}?hl={start}-{end}#hl"
