"""Contacts: e-mail addresses, phone numbers (E.164), postal addresses and contact links.

Each contact carries a `label` for what it is for, read from its own sentence and the sentence
before it. Contacts for other matters (a copyright agent, job applications, the press) say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from summaries.parser import channels
from summaries.parser.evidence import evidence
from summaries.parser.facts import sentence_around
from summaries.parser.lowercase import lowered
from summaries.parser.phones import find_phones, spelled
from summaries.parser.postal import US_STATES, address_words, extend_end, extend_start, find_addresses, one_line
from summaries.parser.types import Passage

_MAX_CONTACTS = 60
_MAX_EVIDENCE = 3

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}"
    r"(?![\w@])"
)
# "privacy [at] example [dot] com": the usual hand-made disguise against harvesters.
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9._%+-]{1,64})\s*[\[(]\s*at\s*[\])]\s*([A-Za-z0-9-]{1,63})"
    r"((?:\s*[\[(]\s*dot\s*[\])]\s*[A-Za-z0-9-]{1,63}){1,4})",
    re.IGNORECASE,
)
_NOT_MAIL_TLDS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js"}

_STATES = US_STATES
_ADDRESS_WORD = r"[A-Za-z0-9À-ÿ#&'’.-]+,?"
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_POSTAL = re.compile(
    r"(?<![\w)/.-])(?:\d{1,6}[A-Za-z]?|P(?:\.?\s?O\.?|ost\s+Office)\s+Box\s+\d{1,6},?)"
    + _SEP
    + r"(?=[A-Z0-9])(?:"
    + _ADDRESS_WORD
    + _SEP
    + r"){1,12}?(?i:(?P<state>"
    + _STATES
    + r"))\.?,?[ \t]+\d{5}(?:-\d{4})?(?![\w-])"
)
# Where a US address may start inside a match: a house number or a PO box.
_US_START = re.compile(
    r"(?<![\w)/.,-])(?:\d{1,6}[A-Za-z]?(?=\s)|P\.?\s?O\.?\s+Box\s+\d{1,6},?(?=\s)|Post\s+Office\s+Box\s+\d{1,6},?(?=\s))"
)
_ADDRESS_TOKEN = re.compile(r"[^\s,]+")

_URL = re.compile(r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"'()\[\]{}]{2,300}", re.IGNORECASE)
_URL_CONTEXT = re.compile(
    r"\b(?:contact\w*|reach|write|e-?mail|call|request\w*|submit\w*|form|questions?|opt[- ]?out|portal|"
    r"unsubscribe|exercise|complaints?|inquir\w+)\b",
    re.IGNORECASE,
)

# Other matters first: a contact in a copyright sentence is the copyright agent even if the
# sentence also says "personal information".
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("copyright agent", re.compile(r"\b(?:copyright|DMCA|infring\w*)", re.I)),
    (
        "job applications",
        re.compile(r"\b(?:jobs?|careers?|employment\s+opportunit\w+|applicants?|recruit\w*|résumé)\b", re.I),
    ),
    ("press", re.compile(r"\b(?:press|media\s+(?:inquiries|relations)|journalists?)\b", re.I)),
    ("accessibility", re.compile(r"\b(?:accessibility|disabilit\w+)\b", re.I)),
    ("fax", re.compile(r"\b(?:fax|facsimile)\b", re.I)),
    (
        "privacy",
        re.compile(
            r"\b(?:privacy|personal\s+(?:information|data)|data\s+protection|opt[- ]?out|unsubscribe|"
            r"rights?|requests?|delet\w+|access|correct\w*|do\s+not\s+sell)\b",
            re.I,
        ),
    ),
    ("customer service", re.compile(r"\b(?:customer\s+(?:service|care|support)|questions?|contact\s+us|help)\b", re.I)),
]
OTHER_MATTERS = {"copyright agent", "job applications", "press"}
_ADDRESS_LINES_ABOVE = 4
_PRIVACY_MATTER = re.compile(r"\b(?:privacy|personal\s+(?:information|data)|data\s+protection)\b", re.I)


_MAILBOX_LABELS = [
    ("privacy", re.compile(r"privacy|dpo|gdpr|ccpa|dataprotection", re.I)),
    ("copyright agent", re.compile(r"copyright|dmca", re.I)),
    ("job applications", re.compile(r"^(?:jobs|careers|recruit\w*)$", re.I)),
    ("press", re.compile(r"^(?:press|media|pr)$", re.I)),
]
_SERVICE_MAILBOX = re.compile(r"customer|service|support|help|care|info|contact|hello", re.I)


def _label(text: str, start: int, end: int, kind: str = "") -> str:
    mailbox = text[start:end].split("@", 1)[0] if kind == "email" else ""
    for label, pattern in _MAILBOX_LABELS:
        if mailbox and pattern.search(mailbox):
            return label
    label = _context_label(text, start, end, kind)
    if label == "general" and mailbox and _SERVICE_MAILBOX.search(mailbox):
        return "customer service"
    return label


def _context_label(text: str, start: int, end: int, kind: str = "") -> str:
    s, e = sentence_around(text, start, end)
    before = sentence_around(text, s - 2) if s >= 2 and "\n" not in text[s - 2 : s] else (s, s)
    context = text[before[0] : e]
    # A bare "Contact Us" heading line just above is context too; above an address written over
    # several lines, so are the lines naming who reads the post ("Copyright Agent", "Law Firm LLP").
    line_above_end = text.rfind("\n", 0, s)
    for _ in range(_ADDRESS_LINES_ABOVE if kind == "postal" else 1):
        if line_above_end <= 0:
            break
        above_start = text.rfind("\n", 0, line_above_end) + 1
        line = text[above_start:line_above_end].rstrip()
        if not line.strip() or len(line) > 60 or line.endswith((".", "!", "?", ";")):
            break
        context = line + " " + context
        line_above_end = above_start - 1
    # "Fax" before the number labels the number, not its neighbours.
    near = text[max(s, start - 25) : start]
    for label, pattern in _LABELS:
        if label == "fax":
            if re.search(r"\b(?:fax|facsimile)\b\W{0,8}$", near, re.IGNORECASE):
                return label
            continue
        if pattern.search(context):
            # "Copyright or privacy questions: ..." is a privacy contact that also takes other matters.
            if label in OTHER_MATTERS and _PRIVACY_MATTER.search(text, s, e):
                return "privacy"
            return label
    return "general"


def _us_start(text: str, match: re.Match[str]) -> int | None:
    """The first house number or PO box in a US address match after which every word reads as an
    address ("Since 1998 we have been at 500 Main Street, ..." starts at 500), or None."""
    state = match.start("state")
    for number in _US_START.finditer(text, match.start(), state):
        words = _ADDRESS_TOKEN.findall(text, number.end(), state)
        if words and (words[0][0].isupper() or words[0][0].isdigit()) and address_words(words):
            return number.start()
    return None


# One scan finds the anchors of both kinds of address: five digits (a ZIP code) and a digit before a
# capital (in a UK or Canadian postcode).
_ZIP_OR_PAIR = re.compile(r"[0-9](?:(?P<zip>[0-9]{4})|(?=[A-Z]))")
_MAX_DIGIT_ANCHORS = 40_000
# A policy gives a handful of contacts; past this many mentions of one kind the text is noise.
_MAX_PER_KIND = 300
_MAX_ANCHORS = 2000


def _anchors(low: str, needle: str) -> Iterator[int]:
    at, count = low.find(needle), 0
    while at != -1 and count < _MAX_ANCHORS:
        yield at
        at, count = low.find(needle, at + 1), count + 1


def _near(
    text: str, pattern: re.Pattern[str], anchors: Iterable[int], before: int, after: int
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in windows around anchor positions found by a fast substring search.

    The full patterns are slow to try at every character of a long policy; their anchors ("@",
    "http", a five-digit ZIP) are quick to find. A match that reaches a window's edge may have been
    cut short there, so it only counts when the window ends with the text.
    """
    seen = -1
    for at in anchors:
        if at < seen:
            continue
        low, high = max(0, at - before), min(len(text), at + after)
        for match in pattern.finditer(text, low, high):
            if match.start() <= seen or (match.end() >= high and high < len(text)):
                continue
            seen = match.end()
            yield match


def _candidates(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, value, normalized) in text order."""
    found: list[tuple[int, int, str, str, str]] = []
    low = lowered(text)
    for m in islice(_near(text, _EMAIL, _anchors(text, "@"), 66, 300), _MAX_PER_KIND):
        value = m.group(0).rstrip(".")
        if value.rsplit(".", 1)[-1].lower() in _NOT_MAIL_TLDS:
            continue
        found.append((m.start(), m.start() + len(value), "email", value, value.lower()))
    spelled = "at]" in low or "at)" in low or "at ]" in low or "at )" in low
    for m in islice(_EMAIL_SPELLED.finditer(text), _MAX_PER_KIND) if spelled else ():
        parts = re.findall(r"[\[(]\s*dot\s*[\])]\s*([A-Za-z0-9-]+)", m.group(3), re.IGNORECASE)
        domain = m.group(2) + "".join("." + p for p in parts)
        normalized = f"{m.group(1)}@{domain}".lower()
        found.append((m.start(), m.end(), "email", m.group(0), normalized))
    for phone in find_phones(text)[:_MAX_PER_KIND]:
        found.append((phone.start, phone.end, "phone", phone.raw, phone.e164))
    zips: list[int] = []
    pairs: list[int] = []
    for anchor in islice(_ZIP_OR_PAIR.finditer(text), _MAX_DIGIT_ANCHORS):
        (zips if anchor.group("zip") else pairs).append(anchor.start())
    addresses: list[tuple[int, int, int]] = []
    for m in islice(_near(text, _POSTAL, zips, 300, 16), _MAX_PER_KIND):
        begin = _us_start(text, m) if m.group("state")[0].isupper() else None
        if begin is not None:
            addresses.append((extend_start(text, begin), m.end(), extend_end(text, m.end())))
    addresses.extend(islice(find_addresses(text, pairs), _MAX_PER_KIND))
    for start, code_end, end in addresses:
        # Compared without the country after the postcode: the same address is written with and without it.
        normalized = re.sub(r"[^a-z0-9]", "", text[start:code_end].lower())
        found.append((start, end, "postal", one_line(text[start:end]), normalized))
    url_anchors = sorted({*_anchors(low, "http"), *_anchors(low, "www.")})
    for m in islice(_near(text, _URL, url_anchors, 1, 400), _MAX_PER_KIND):
        value = m.group(0).rstrip(".,;:!?")
        span = sentence_around(text, m.start(), m.start() + len(value))
        if not _URL_CONTEXT.search(text[span[0] : span[1]]):
            continue
        normalized = re.sub(r"^(?:https?://)?(?:www\.)?", "", value.lower()).rstrip("/")
        found.append((m.start(), m.start() + len(value), "url", value, normalized))
    found.sort(key=lambda c: (c[0], c[1]))
    return found


# The label says what the contact is for, in a shopper's words; "copyright agent" and the like stay as read.
_ROLE_LABELS = {
    channels.PRIVACY_FORM: "privacy request form",
    channels.DPO: "data protection officer",
    channels.PRIVACY_TEAM: "privacy",
    channels.CUSTOMER_SERVICE: "customer service",
    channels.AUTHORIZED_AGENT: "authorised agent",
    channels.REGULATOR: "regulator",
    channels.DISPUTE_RESOLUTION: "dispute resolution",
    channels.BUSINESS: "business portal",
    channels.OPT_OUT_TOOL: "industry opt-out",
}
# Within a role: an address to write to first, then a page, a phone, a postal address.
_KIND_ORDER = {"email": 0, "url": 1, "phone": 2, "postal": 3}
_HIDDEN = re.compile(r"/cdn-cgi/l/email-protection", re.IGNORECASE)


def _role(text: str, start: int, kind: str, value: str, label: str) -> str:
    s, e = sentence_around(text, start, start + len(value))
    line_start = text.rfind("\n", 0, max(0, s - 1)) + 1  # the line above names who reads a postal address
    before = text[max(line_start, start - 150) : start]
    return channels.role(kind, value, before, text[s:e], label)


def _ranked(contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a shopper needs first: the privacy form, the DPO, the privacy team, customer service, ...;
    regulators last (they are also listed in the card's `complain_to`)."""
    for contact in contacts:
        contact["role"] = _role_of(contact)
        if contact["role"] in _ROLE_LABELS:
            contact["label"] = _ROLE_LABELS[contact["role"]]
        del contact["_role"]
    return sorted(contacts, key=lambda c: (channels.rank(c["role"], c["kind"]), _KIND_ORDER.get(c["kind"], 4)))


def _role_of(contact: dict[str, Any]) -> str:
    found = contact["_role"]
    if found == channels.PRIVACY_TEAM and contact["kind"] == "postal":
        return channels.POSTAL if contact["label"] != "privacy" else channels.PRIVACY_TEAM
    return found


def complaint_channels(contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The regulators and dispute bodies a visitor may complain to, from the ranked contacts."""
    keep = ("kind", "value", "normalized", "label", "evidence")
    return [{k: c[k] for k in keep} for c in contacts if c.get("role") in channels.COMPLAINT_ROLES]


def extract_contacts(text: str, passages: list[Passage] | None = None) -> list[dict[str, Any]]:
    return _ranked(_contacts(text))


def _contacts(text: str) -> list[dict[str, Any]]:
    contacts: dict[tuple[str, str], dict[str, Any]] = {}
    for start, end, kind, value, normalized in _candidates(text):
        if kind == "url" and _HIDDEN.search(value):
            continue  # the page's stand-in for a hidden e-mail address: no address at all
        known = contacts.get((kind, normalized))
        if known and kind == "phone" and spelled(known["value"]) and not spelled(value):
            known["value"] = value  # "1-800-VERIZON", later "800-837-4966": the digits, which any phone dials
        if known and len(known["evidence"]) == _MAX_EVIDENCE and known["label"] not in OTHER_MATTERS | {"general"}:
            continue  # nothing left to learn from yet another mention
        label = _label(text, start, end, kind)
        s, e = sentence_around(text, start, end)
        item = evidence(text, min(s, start), max(e, end))
        key = (kind, normalized)
        if known:
            if item not in known["evidence"] and len(known["evidence"]) < _MAX_EVIDENCE:
                known["evidence"].append(item)
            # A contact also offered for privacy matters is a privacy contact.
            if (known["label"] in OTHER_MATTERS and label not in OTHER_MATTERS) or known["label"] == "general":
                known["label"] = label
                known["_role"] = _role(text, start, kind, value, label)
            continue
        if kind == "postal" and label in OTHER_MATTERS:
            # Another matter's mailing address (usually a law firm's) is no way to reach the
            # company about privacy; its e-mail and phone stay, labelled.
            continue
        if len(contacts) == _MAX_CONTACTS:
            break
        contacts[key] = {
            "kind": kind,
            "value": value,
            "normalized": normalized,
            "label": label,
            "evidence": [item],
            "_role": _role(text, start, kind, value, label),
        }
    return list(contacts.values())


def hidden_emails(text: str) -> int:
    """How many e-mail addresses the page hid from the scraper (Cloudflare's "[email protected]")."""
    return len(re.findall(r"\[email\s*protected\]", text, re.IGNORECASE))
