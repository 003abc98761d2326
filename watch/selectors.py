"""Trimming a fetched HTML page to the policy itself before extraction."""

from __future__ import annotations

from bs4 import BeautifulSoup

from policies.ingest import Extracted, extract

_SHELL = "<!DOCTYPE html><html><head><meta charset='utf-8'><title></title></head><body></body></html>"


class SelectorError(ValueError):
    """The page no longer has the part the admin told us to keep."""


def trim_html(html: bytes, keep: str = "", remove: list[str] | tuple[str, ...] = ()) -> bytes:
    """The page with `remove` parts dropped and only the `keep` part left, as UTF-8 HTML.

    Without selectors the bytes are returned untouched, so the extractor sees exactly what the
    site sent (including its own charset declaration).
    """
    keep = keep.strip()
    remove = [selector for selector in remove if selector.strip()]
    if not keep and not remove:
        return html
    soup = BeautifulSoup(html, "lxml")
    for selector in remove:
        for node in soup.select(selector):
            node.decompose()
    if not keep:
        return soup.encode("utf-8")
    matched = soup.select(keep)
    # A selector like "section" can match nested elements; keep only the outermost, once.
    ids = {id(node) for node in matched}
    kept = [node for node in matched if not any(id(parent) in ids for parent in node.parents)]
    if not kept:
        raise SelectorError(f"The page has no element matching {keep!r} any more (was the site redesigned?).")
    title = soup.title.get_text(strip=True) if soup.title else ""
    out = BeautifulSoup(_SHELL, "lxml")
    if out.title is not None:
        out.title.string = title
    for node in kept:
        out.body.append(node.extract())  # type: ignore[union-attr]
    return out.encode("utf-8")


def trim_and_extract(content: bytes, extension: str, keep: str = "", remove: tuple[str, ...] = ()) -> Extracted:
    """Selectors (HTML only), then the extractor: what a check runs in the sandbox, in one go."""
    if extension == "html":
        content = trim_html(content, keep, remove)
    return extract(content, f"policy.{extension}")
