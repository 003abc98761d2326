"""Links to a company's pages for many companies at once: `reverse()` once, then the slug put in.

`reverse()` walks the URL resolver on every call (~15 µs); a browse page, an API page or a feed
asks it for every row. `slug_path("company", slug)` gives exactly what
`reverse("company", args=[slug])` gives: the path is reversed once with a stand-in slug (per
URL name, script prefix and URLconf) and the slug takes its place. A slug that the `slug` path
converter would not take goes to `reverse()` itself, and fails there the same way.
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What the `slug` converter matches: every character of it is left as it is by reverse()'s quoting.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
STAND_IN = "slug-stand-in-3f9c2e"


@functools.lru_cache(maxsize=256)
def _pattern(name: str, prefix: str, urlconf: str) -> tuple[str, str]:
    path = reverse(name, args=[STAND_IN], urlconf=urlconf)
    head, sep, tail = path.partition(STAND_IN)
    if not sep or STAND_IN in tail:  # not where a slug goes, or more than once: no shortcut
        raise LookupError(name)
    return head, tail


def slug_path(name: str, slug: str) -> str:
    """`reverse(name, args=[slug])`, for the URL names that take a slug alone."""
    if SLUG.fullmatch(slug):
        try:
            head, tail = _pattern(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        except LookupError:
            pass
        else:
            return head + slug + tail
    return reverse(name, args=[slug])
