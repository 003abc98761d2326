"""Markdown to text, in the same shape `html.py` gives a web page (see `policies.ingest`).

Read with markdown-it-py (CommonMark plus GitHub tables), never with regexes, so what a reader
of the rendered page sees is what is stored: headings are lines of their own between blank
lines, list items are lines starting "• " or "3. ", table rows are one line with cells joined
by " | ", emphasis and code marks disappear (even bold marks CommonMark leaves unmatched).

A link keeps its address after its text, "text (https://…)", because a choice's "how" may be
that address; links inside the document ("#section") and links whose text already is the
address keep only their text. Images are dropped as on web pages. Inline HTML is read as HTML
would be: `<br>` breaks a line (inside a table cell, where a row must stay one line, the cell is
read as a small document of its own, so the lists converters write there with `<br>*   item`
become "• item"), other tags are dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from policies.ingest.errors import IngestError
from policies.ingest.html import html_to_text
from policies.ingest.numerals import numeral
from policies.ingest.writer import BlockWriter

_BLOCK_TAGS = frozenset({"p", "blockquote", "table", "ul", "ol", "hr", "pre", "code"}) | {f"h{n}" for n in range(1, 7)}
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
# Bold marks CommonMark leaves unmatched: HTML-to-Markdown converters write `the**"Sites"**` for
# `the <strong>"Sites"</strong>`, which CommonMark's flanking rules do not read as emphasis. A
# policy never means a literal "**", so such runs are markup to drop (a single "*" may be a
# footnote mark and stays).
_STRAY_STRONG = re.compile(r"\*{2,}")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


_MD = _parser()


def markdown_to_text(source: str) -> str:
    try:
        tokens = _MD.parse(source)
    except Exception as exc:  # markdown-it is robust, but a hostile input must still be a plain refusal
        raise IngestError("The Markdown could not be read.") from exc
    out = BlockWriter(flat=False)
    _render(tokens, out)
    return out.result()


class _List:
    def __init__(self, token: Token) -> None:
        self.ordered = token.type == "ordered_list_open"
        start = token.attrGet("start")
        self.next = int(start) if isinstance(start, int | str) and str(start).isdigit() else 1

    def marker(self) -> str:
        if not self.ordered:
            return "• "
        self.next += 1
        return f"{numeral(self.next - 1, '1')}. "


def _render(tokens: Sequence[Token], out: BlockWriter) -> None:
    lists: list[_List] = []
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(_List(token))
            out.brk(2)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            out.brk(2)
        elif kind == "list_item_open":
            out.brk(1)
            out.line_depth += 1
            out.prefix = lists[-1].marker() if lists else "• "
        elif kind == "list_item_close":
            out.line_depth -= 1
            out.prefix = ""
            out.brk(1)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            cells = [cell for cell in row or [] if cell]
            if cells:
                out.brk(1)
                out.text(" | ".join(cells))
            row = None
        elif kind == "inline":
            if row is not None:
                row.append(_cell_text(token))
            else:
                _inline(token.children or [], out)
        elif kind in ("fence", "code_block"):
            out.brk(2)
            for line in token.content.rstrip("\n").split("\n"):
                out.text(line)
                out.brk(1)
            out.brk(2)
        elif kind == "html_block":
            out.brk(2)
            out.text(html_to_text(token.content).strip())
            out.brk(2)
        elif token.tag in _BLOCK_TAGS and not token.hidden:
            out.brk(2)  # opening or closing a paragraph, heading, quote, table, rule


def _inline(children: Sequence[Token], out: BlockWriter) -> None:
    href_stack: list[str] = []
    texts: list[int] = []  # where each open link's text starts in out.parts
    for child in children:
        kind = child.type
        if kind == "text":
            out.text(_STRAY_STRONG.sub("", child.content) if "**" in child.content else child.content)
        elif kind == "code_inline":
            out.text(child.content)
        elif kind == "softbreak":
            out.text(" ")
        elif kind == "hardbreak":
            out.brk(1) if not out.flat else out.text(" ")
        elif kind == "html_inline":
            if _is_break(child.content):
                out.brk(1) if not out.flat else out.text(" ")
        elif kind == "link_open":
            href_stack.append(str(child.attrGet("href") or ""))
            texts.append(len(out.parts))
        elif kind == "link_close" and href_stack:
            href, start = href_stack.pop(), texts.pop()
            shown = "".join(out.parts[start:]).strip()
            address = _shown_address(href)
            if address and address != shown:
                out.text(f" ({address})" if shown else address)
        # emphasis, strike-through and images leave nothing of their own


def _shown_address(href: str) -> str:
    """The address worth keeping after a link's text: web, e-mail and phone links only."""
    lowered = href.lower()
    if not lowered.startswith(_LINK_SCHEMES):
        return ""  # "#section", relative paths: nothing a reader could use outside the page
    if lowered.startswith(("mailto:", "tel:")):
        return href.split(":", 1)[1].split("?", 1)[0]
    return href


def _cell_text(token: Token) -> str:
    """One table cell on one line; a cell with line breaks is read as a small document."""
    source = token.content
    children = token.children or []
    breaks = {child.content for child in children if child.type == "html_inline" and _is_break(child.content)}
    if breaks:
        for tag in breaks:
            source = source.replace(tag, "\n")
        return _cell_document(source)
    out = BlockWriter(flat=True)
    _inline(children, out)
    return " ".join(out.result().split())


# A parse has a fixed cost of about a millisecond, and policies converted from HTML have
# hundreds of such cells (a table of purposes, each cell a list); successive versions of one
# document repeat nearly all of them, so an import reads each distinct cell once per process.
@functools.lru_cache(maxsize=4096)
def _cell_document(source: str) -> str:
    out = BlockWriter(flat=True)
    _render(_MD.parse(source), out)
    return " ".join(out.result().split())


def _is_break(tag: str) -> bool:
    return "".join(tag.lower().split()) in ("<br>", "<br/>")
