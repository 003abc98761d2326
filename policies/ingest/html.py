"""HTML to text: keep the policy, drop the page's chrome, keep its block structure.

Output shape (before normalisation): headings, paragraphs and other blocks are separated by a
blank line; each list item is one line, prefixed "• " in unordered lists and "3. " (or "c. ",
"iii. ") in ordered ones; each row of a data table is one line with its cells joined by " | ".
Tables used for page layout (cells holding headings, nested tables or long text) are read as
blocks. Headings carry no marker: they are lines of their own between blank lines.

Chrome is dropped in three ways: elements that never hold policy text (script, style, nav,
select, buttons, inputs, iframes, dialogs...) and forms; page-level header (unless it carries
the h1), footer and aside; and small elements whose class, id, aria-label or custom-element name
marks them as chrome (cookie banners, currency and language pickers, cart links and drawers,
skip links, breadcrumbs, announcement bars). Nothing holding half the page's text is ever
dropped, so a site that wraps its whole policy in `<form>` or `<div class="page-header-offset">`
keeps it. Then a `<main>` (or else an `<article>`) holding a fair share of what is left is
preferred to the whole page. Hidden e-mail addresses ("[email protected]") stay as shown.

Everything walks the tree with explicit stacks: deeply nested markup cannot exhaust recursion.
The work after parsing is linear in the size of the page: one bottom-up pass records, for every
element, its text size and which kinds of element lie below it (`_Facts`), so no decision about
one element walks its subtree or its ancestors again (a page of links nested in hundreds of divs,
or of divs never closed, used to cost minutes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from policies.ingest.errors import IngestError
from policies.ingest.numerals import numeral
from policies.ingest.writer import BlockWriter


def _split(words: str) -> list[str]:
    return words.split()


# Never policy text, whatever their size.
_ALWAYS_DROP = frozenset(
    _split(
        "script style noscript template head title meta link base nav select option optgroup datalist button "
        "input textarea iframe frame frameset object embed applet svg canvas video audio picture img map "
        "dialog rt rp math"
    )
)
_ALWAYS_DROP_ROLES = frozenset({"navigation", "search", "menubar", "dialog", "alertdialog"})
# Page chrome unless it sits inside the content (an article's own header keeps its title).
_PAGE_LEVEL_CHROME = frozenset({"header", "footer", "aside"})
_PAGE_LEVEL_ROLES = frozenset({"banner", "contentinfo", "complementary"})
_SECTIONING = frozenset({"article", "section", "main"})
# Elements that hold content themselves: their class or id never marks them as chrome.
_CONTENT_TAGS = frozenset(
    _split(
        "html body main article section h1 h2 h3 h4 h5 h6 p li dt dd td th tr table thead tbody tfoot blockquote pre"
    )
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class or id words that name navigation and shop chrome (matched as whole words of the name).
_CHROME_WORDS = frozenset(
    _split(
        "nav navbar navigation menu menus megamenu submenu breadcrumb breadcrumbs crumbs "
        "cart minicart basket bag wishlist currency currencies language languages lang locale locales "
        "localization localisation i18n skip skiplink skiplinks skipnav newsletter announcement "
        "topbar masthead searchbar searchform search predictive drawer switcher promo header footer"
    )
)
# Consent-manager products, named in their banners' ids and classes.
_CONSENT_PRODUCTS = re.compile(
    r"(?<![a-z])(?:onetrust|optanon|cookiebot|cybotcookiebot|truste(?![a-z])|trustarc|didomi|usercentrics|osano|"
    r"iubenda|cookieyes|cookie-law-info|cookielawinfo|cookieconsent|termly|qc-cmp|sp_message|klaro|complianz|cmplz|"
    r"shopify-pc)",
    re.I,
)
_CONSENT_WORDS = re.compile(r"cookie|consent|gdpr", re.I)
# Names only a banner gets; a policy's own section may well be called "cookie-notice".
_BANNER_WORDS = frozenset(_split("banner bar popup pop modal dialog overlay toast wall sdk cmp"))
_NOTICE_WORDS = frozenset(_split("notice notification prompt alert message"))
_CONSENT_ANSWER = re.compile(r"\b(?:accept|allow all|agree|reject|decline|got it|i understand)\b", re.I)
_INTERACTIVE = frozenset({"button", "input", "select", "form"})
_CART_HREF = re.compile(r"/(?:cart|bag|basket|checkout|wishlist)(?:[/?#.]|$)", re.I)
_SKIP_TEXT = re.compile(
    r"\s*(?:skip\s+(?:to|navigation|nav)\b|(?:back|return|scroll)\s+to\s+(?:the\s+)?top\b|top\s*$)", re.I
)

_CHROME_MAX_CHARS = 1500  # chrome-by-name larger than this is content with an unlucky name
_CHROME_MAX_SHARE = 0.5  # and so is anything holding half the page
_LAYOUT_CELL_CHARS = 1000  # a cell longer than this holds a page, not a datum
_MAIN_MIN_SHARE = 0.2  # a <main> with less than this share of the text is not the policy
_ARTICLE_MIN_SHARE = 0.4

# Rows of data tables never reach the walker (see _table_rows); rows of layout tables are blocks.
_LINE_ITEMS = frozenset({"li", "dt", "dd", "caption", "legend", "summary"})
_BLOCKS = frozenset(
    _split(
        "address article aside blockquote body center details dialog dir div dl fieldset figcaption figure tr "
        "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html main menu nav ol p pre section table tbody thead "
        "tfoot ul td th"
    )
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_INT = re.compile(r"\s*([+-]?\d{1,9})")


def html_to_text(markup: str) -> str:
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:  # lxml and bs4 raise many types on hostile markup
        raise IngestError("The HTML could not be read.") from exc
    body = soup.body or soup
    order = [body, *(node for node in body.descendants if isinstance(node, Tag))]
    facts = _Facts(order)
    dropped, candidates = _find_chrome(body, facts)
    kept = _text_sizes(order, dropped)
    root = _choose_root(body, candidates, kept)
    return _render(root, dropped, facts)


# What lies below an element, as bits (see _Facts.below).
_HAS_HEADING, _HAS_H1, _HAS_INTERACTIVE, _HAS_TABLE = 1, 2, 4, 8
# Reading the text of an element with more descendants than this (to recognise a consent
# button's words or a skip link) is not worth it: no banner or skip link is that big.
_MAX_NODES_TO_READ = 2000


def _kind_bits(name: str) -> int:
    bits = _HAS_HEADING if name in _HEADINGS else 0
    bits |= _HAS_H1 if name == "h1" else 0
    bits |= _HAS_INTERACTIVE if name in _INTERACTIVE else 0
    return bits | (_HAS_TABLE if name == "table" else 0)


class _Facts:
    """Per element, computed once bottom-up: visible text size, raw text length, what lies below, subtree size."""

    def __init__(self, order: list[Tag]) -> None:
        self.sizes: dict[int, int] = {}
        self.raw: dict[int, int] = {}
        self.below: dict[int, int] = {}
        self.nodes: dict[int, int] = {}
        for tag in reversed(order):  # children before parents
            size = raw = bits = nodes = 0
            for child in tag.contents:
                if isinstance(child, Tag):
                    key = id(child)
                    size += self.sizes.get(key, 0)
                    raw += self.raw.get(key, 0)
                    bits |= self.below.get(key, 0) | _kind_bits(child.name)
                    nodes += self.nodes.get(key, 0) + 1
                elif type(child) is NavigableString or type(child) is CData:
                    raw += len(child)
                    if type(child) is NavigableString:
                        size += len(child.strip())
            key = id(tag)
            self.sizes[key], self.raw[key], self.below[key], self.nodes[key] = size, raw, bits, nodes

    def has(self, tag: Tag, bits: int) -> bool:
        return bool(self.below.get(id(tag), 0) & bits)

    def small(self, tag: Tag) -> bool:
        return self.nodes.get(id(tag), 0) <= _MAX_NODES_TO_READ


def _text_sizes(order: list[Tag], dropped: set[int]) -> dict[int, int]:
    """Characters of visible text under each element (dropped elements count 0), in one pass."""
    sizes: dict[int, int] = {}
    for tag in reversed(order):  # children before parents
        if id(tag) in dropped:
            sizes[id(tag)] = 0
            continue
        total = 0
        for child in tag.contents:
            if isinstance(child, Tag):
                total += sizes.get(id(child), 0)
            elif type(child) is NavigableString:
                total += len(child.strip())
        sizes[id(tag)] = total
    return sizes


_TEXT_BLOCKS = frozenset({"p", "li", "td", "dd"})


def _find_chrome(body: Tag, facts: _Facts) -> tuple[set[int], list[Tag]]:
    page = max(facts.sizes.get(id(body), 0), 1)
    dropped: set[int] = set()
    candidates: list[Tag] = []
    # Each entry carries what its ancestors say (inside a section, inside a text block), so no
    # element ever walks up its parents.
    stack: list[tuple[Tag, bool, bool]] = [(body, False, body.name in _TEXT_BLOCKS)]
    while stack:
        tag, in_section, in_text = stack.pop()
        for child in tag.contents:
            if not isinstance(child, Tag):
                continue
            if _is_chrome(child, in_section, in_text, facts, page):
                dropped.add(id(child))
                continue
            name = child.name
            role = _attr(child, "role").lower()
            if name in ("main", "article") or role in ("main", "article"):
                candidates.append(child)
            section = in_section or name in _SECTIONING or role in ("main", "article")
            stack.append((child, section, in_text or name in _TEXT_BLOCKS))
    return dropped, candidates


def _is_chrome(tag: Tag, in_section: bool, in_text: bool, facts: _Facts, page: int) -> bool:
    size = facts.sizes.get(id(tag), 0)
    name = tag.name
    role = _attr(tag, "role").lower()
    if name in _ALWAYS_DROP or role in _ALWAYS_DROP_ROLES:
        return True
    if size > _CHROME_MAX_SHARE * page or name in ("html", "body", "main", "article"):
        return False  # whatever holds half the page is content, however it is named
    if name == "form":
        return True  # sign-up and search forms; a page wrapped whole in a <form> is too big to get here
    if (name in _PAGE_LEVEL_CHROME or role in _PAGE_LEVEL_ROLES) and not in_section:
        # A page header that carries the title (and often the date) stays; its nav still goes.
        keeps_title = (name == "header" or role == "banner") and facts.has(tag, _HAS_H1)
        return not keeps_title
    # Custom elements name themselves too: <cart-drawer>, <localization-form>.
    custom = name if "-" in name else ""
    names = " ".join((_attr(tag, "id"), _attr(tag, "class"), _attr(tag, "aria-label"), custom))
    if names.strip():
        if _CONSENT_PRODUCTS.search(names):
            return True
        words = _words(names)
        if _CONSENT_WORDS.search(names) and name not in _HEADINGS and _is_banner(tag, words, size, facts):
            return True
        if words & _CHROME_WORDS and name not in _CONTENT_TAGS and size <= _CHROME_MAX_CHARS:
            if {"header", "footer"} & words and in_section:
                return False
            return not facts.has(tag, _HAS_HEADING)
    return name == "a" and _is_chrome_link(tag, in_text, facts)


def _is_banner(tag: Tag, words: set[str], size: int, facts: _Facts) -> bool:
    """A cookie banner rather than the policy's own section about cookies ("Cookie Notice")."""
    if _attr(tag, "role").lower() in ("dialog", "alertdialog"):
        return True
    if words & _BANNER_WORDS and size <= 2 * _CHROME_MAX_CHARS:
        return True
    if size > _CHROME_MAX_CHARS or facts.has(tag, _HAS_HEADING):
        return False
    if words & _NOTICE_WORDS or facts.has(tag, _HAS_INTERACTIVE):
        return True
    return facts.small(tag) and _CONSENT_ANSWER.search(tag.get_text()) is not None


def _is_chrome_link(tag: Tag, in_text: bool, facts: _Facts) -> bool:
    href = _attr(tag, "href")
    if href.startswith("#"):
        return facts.small(tag) and _SKIP_TEXT.match(tag.get_text()) is not None
    # A cart link in the page's chrome, not one inside a sentence of the policy.
    return not in_text and _CART_HREF.search(href) is not None


def _words(names: str) -> set[str]:
    return set(_WORD_SPLIT.split(_CAMEL.sub(" ", names).lower())) - {""}


def _attr(tag: Tag, name: str) -> str:
    value = tag.attrs.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _choose_root(body: Tag, candidates: list[Tag], kept: dict[int, int]) -> Tag:
    page = kept.get(id(body), 0)
    if not page:
        return body
    for kinds, share in ((("main",), _MAIN_MIN_SHARE), (("article",), _ARTICLE_MIN_SHARE)):
        matching = [t for t in candidates if t.name in kinds or _attr(t, "role").lower() in kinds]
        if matching:
            best = max(matching, key=lambda t: kept.get(id(t), 0))
            if kept.get(id(best), 0) >= share * page:
                return best
    return body


_EXIT = object()


def _render(root: Tag, dropped: set[int], facts: _Facts, flat: bool = False) -> str:
    out = BlockWriter(flat)
    pre_depth = 0
    # Entries are nodes to enter, or (_EXIT, tag) markers to leave one.
    stack: list[object] = [root]
    list_counters: list[_Counter] = []
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            _, tag = item
            pre_depth -= tag.name == "pre"
            _leave(tag, out, list_counters)
            continue
        if isinstance(item, NavigableString):
            if type(item) is NavigableString:
                out.text(str(item) if pre_depth else _HTML_SPACE.sub(" ", item))
            continue
        if not isinstance(item, Tag) or id(item) in dropped:
            continue
        name = item.name
        if name == "br":
            out.line_break()
            continue
        if name == "table" and not flat and _is_data_table(item, dropped, facts):
            out.brk(2)
            for row in _table_rows(item, dropped, facts):
                out.brk(1)
                out.text(row)
            out.brk(2)
            continue
        pre_depth += name == "pre"  # inside <pre> the source's line breaks are the reader's
        _enter(item, out, list_counters)
        stack.append((_EXIT, item))
        stack.extend(reversed(item.contents))
    return out.result()


class _Counter:
    def __init__(self, tag: Tag) -> None:
        self.ordered = tag.name == "ol"
        self.style = _attr(tag, "type") or "1"
        self.step = -1 if "reversed" in tag.attrs else 1
        start = _INT.match(_attr(tag, "start"))
        if start:
            self.next = int(start.group(1))
        elif self.step < 0:
            self.next = sum(1 for child in tag.children if isinstance(child, Tag) and child.name == "li")
        else:
            self.next = 1

    def marker(self, li: Tag) -> str:
        if not self.ordered:
            return "• "
        value = _INT.match(_attr(li, "value"))
        number = int(value.group(1)) if value else self.next
        self.next = number + self.step
        return f"{numeral(number, self.style)}. "


def _enter(tag: Tag, out: BlockWriter, counters: list[_Counter]) -> None:
    name = tag.name
    if name in ("ul", "ol", "menu", "dir"):
        counters.append(_Counter(tag))
        out.brk(2)
    elif name == "li":
        out.brk(1)
        out.line_depth += 1
        out.prefix = counters[-1].marker(tag) if counters else "• "
    elif name in _LINE_ITEMS:
        out.brk(1)
        out.line_depth += 1
    elif name in _BLOCKS or name == "hr":
        out.brk(2)


def _leave(tag: Tag, out: BlockWriter, counters: list[_Counter]) -> None:
    name = tag.name
    if name in ("ul", "ol", "menu", "dir"):
        if counters:
            counters.pop()
        out.brk(2)
    elif name == "li" or name in _LINE_ITEMS:
        out.line_depth -= 1
        out.prefix = ""
        out.brk(1)
    elif name in _BLOCKS:
        out.brk(2)


def _own_rows(table: Tag) -> Iterator[Tag]:
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            yield child
        elif child.name in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.children if isinstance(row, Tag) and row.name == "tr")


def _is_data_table(table: Tag, dropped: set[int], facts: _Facts) -> bool:
    """Layout tables (whole pages in cells) are read as blocks; data tables row by row.

    Cells of data tables may hold short paragraphs or lists (CCPA tables do); those are joined
    onto the row's line. Headings, nested tables or very long cells mean layout.
    """
    for row in _own_rows(table):
        for cell in row.children:
            if not isinstance(cell, Tag) or cell.name not in ("td", "th") or id(cell) in dropped:
                continue
            if facts.has(cell, _HAS_HEADING | _HAS_TABLE) or facts.raw.get(id(cell), 0) > _LAYOUT_CELL_CHARS:
                return False
    return True


def _table_rows(table: Tag, dropped: set[int], facts: _Facts) -> Iterator[str]:
    caption = table.find("caption", recursive=False)
    if caption is not None and id(caption) not in dropped:
        yield _render(caption, dropped, facts, flat=True).strip()
    for row in _own_rows(table):
        if id(row) in dropped:
            continue
        cells = [
            _render(cell, dropped, facts, flat=True).strip()
            for cell in row.children
            if isinstance(cell, Tag) and cell.name in ("td", "th") and id(cell) not in dropped
        ]
        cells = [cell for cell in cells if cell]
        if cells:
            yield " | ".join(cells)
