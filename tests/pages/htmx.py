"""How htmx would treat a link on a rendered page, read the way htmx reads attributes."""

from __future__ import annotations

from bs4 import BeautifulSoup


def is_boosted(html: str, href: str) -> bool:
    """Whether htmx boosts the link to `href`: hx-boost is inherited from the nearest element that sets it."""
    link = BeautifulSoup(html, "html.parser").find("a", href=href)
    assert link is not None, f"no link to {href}"
    for element in (link, *link.parents):
        if element.has_attr("hx-boost"):
            return element["hx-boost"] == "true"
    return False
