"""The company's name as the policy itself writes it, when it names itself.

Found from the ways policies introduce their author: "X dba Y", 'X ("we", "us", "our")', "At X, we",
"X respects your privacy", an "X Privacy Policy" title, "operated by X". Legal-form suffixes
("Inc.", "LLC") are dropped: shoppers know the shop, not the registration.
"""

from __future__ import annotations

import re

_WORD = r"(?:[A-Z0-9][\w.'’&-]*[\w’]|[A-Z])"
_JOIN = r"(?:(?:\s+(?:&|and|of|à|a|la|le|de|du|des|von|van|y)){1,3}\s+|\s+|\s*&\s*|-)"
_NAME = rf"{_WORD}(?:{_JOIN}{_WORD}){{0,5}}"
_SUFFIX = (
    r"(?:,?\s+(?i:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Co|Corp|Corporation|Company\s+Limited|GmbH|S\.A|SA|"
    r"AG|BV|B\.V|PLC|LLP|LP|L\.P|Pty|S\.r\.l|SAS|N\.V)\.?)"
)
_NAME_AT_END = re.compile(rf"(?P<name>{_NAME}){_SUFFIX}?\s*$")
_NAME_AT_START = re.compile(rf"\s*(?:[Tt]he\s+)?(?P<name>{_NAME})")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("after", re.compile(r"\b(?:dba|d/b/a|doing\s+business\s+as)\s+", re.IGNORECASE)),
    ("before", re.compile(r"\((?:the\s+|hereinafter\s+)?[\"“'‘](?:we|us|our|company)\b", re.IGNORECASE)),
    ("after", re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))At\s+(?=[^,\n]{2,60},\s+we\b)")),
    (
        "before",
        re.compile(
            r"\b(?:respects|values|cares\s+about|appreciates|takes|is\s+committed\s+to|is\s+dedicated\s+to|"
            r"recognizes|understands|is\s+considerate\s+of)\b[^.\n]{0,60}\bprivacy\b",
            re.IGNORECASE,
        ),
    ),
    (
        "title",
        re.compile(
            r"\b(?:Online\s+|Website\s+|Web\s+Site\s+|Customer\s+)?Privacy\s+(?:Policy|Statement|Notice)\b", re.I
        ),
    ),
    ("after", re.compile(r"\b(?:Thank\s+you\s+for\s+(?:visiting|shopping\s+(?:at|with))|Welcome\s+to)\s+")),
    (
        "after",
        re.compile(r"\b(?:operated|owned|run|provided|maintained)\s+by\s+(?:the\s+)?(?-i:(?=[A-Z]))", re.IGNORECASE),
    ),
]
_GENERIC = {
    "we",
    "our",
    "us",
    "this",
    "that",
    "the",
    "these",
    "privacy",
    "policy",
    "statement",
    "notice",
    "site",
    "website",
    "websites",
    "services",
    "service",
    "company",
    "you",
    "your",
    "full",
    "online",
    "personal",
    "information",
    "if",
    "by",
    "when",
    "please",
    "any",
    "all",
    "customer",
    "customers",
    "terms",
    "use",
    "updated",
    "last",
    "effective",
    "general",
    "global",
    "consumer",
    "data",
    "app",
    "apps",
    "application",
    "user",
    "users",
    "it",
    "everyone",
    "team",
}
_BOUNDARY = (_GENERIC - {"the", "company"}) | {
    "llc",
    "inc",
    "ltd",
    "corp",
    "updates",
    "covers",
    "what",
    "date",
    "with",
    "children",
    "children's",
    "other",
    "to",
}
_CONNECTORS = {"and", "of", "à", "a", "la", "le", "de", "du", "des", "von", "van", "y", "&", "web"}
_TITLE_LINES = 4


def _clean(name: str) -> str | None:
    name = re.sub(_SUFFIX + r"$", "", name.strip(" ,;:-–—\"“”'‘’")).strip(" ,")
    words = re.findall(r"[\w’'.-]+", name)
    # Leading generic words are not the name: "Use of the Services and Acme" -> "Acme".
    keep = list(words)
    # ... and nor is anything up to a heading word inside the match: "Privacy Statement Acme" -> "Acme".
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower().strip(".")
        if word in _BOUNDARY:
            keep = words[i + 1 :]
            break
    while keep and keep[0].lower().strip(".") in _GENERIC | _CONNECTORS:
        keep.pop(0)
    if not keep or len(name) > 60:
        return None
    first = name.find(keep[0])
    cleaned = name[first:].strip()
    if len(cleaned) < 2 or not any(ch.isalpha() for ch in cleaned):
        return None
    if name[:first].strip().lower() in ("the",) or re.search(r"\bThe\s+$", name[:first]):
        cleaned = "The " + cleaned
    return cleaned


def _title_zone(text: str) -> int:
    """The end of the first few non-empty lines, where a title would sit."""
    pos, seen = 0, 0
    while seen < _TITLE_LINES and pos < len(text):
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt == -1 else nxt
        if text[pos:nxt].strip():
            seen += 1
        pos = nxt + 1
    return min(pos, len(text))


def detect_company(text: str, limit: int = 5000) -> str | None:
    """The company name, from the first `limit` characters (policies introduce themselves early)."""
    head = text[:limit]
    title_end = _title_zone(head)
    for where, anchor in _PATTERNS:
        for match in anchor.finditer(head, 0, title_end if where == "title" else len(head)):
            if where == "after":
                found = _NAME_AT_START.match(head, match.end())
                name = found.group("name") if found else None
            else:
                line_start = max(head.rfind("\n", 0, match.start()) + 1, match.start() - 80)
                found = _NAME_AT_END.search(head, line_start, match.start())
                name = found.group("name") if found else None
                if name and where != "title" and found and re.search(r"\bThe\s+$", head[line_start : found.start()]):
                    name = "The " + name
            cleaned = _clean(name) if name else None
            if cleaned:
                return cleaned
    return None
