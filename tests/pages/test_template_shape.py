"""The templates' shape: short lines, and htmx attributes where they are inherited rather than repeated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_LINE = 200
TEMPLATES = sorted(
    path
    for folder in ("templates", *(f"{app}/templates" for app in ("pages", "policies", "summaries", "reviews", "watch")))
    for path in (ROOT / folder).rglob("*.html")
)


def test_there_are_templates_to_check():
    assert len(TEMPLATES) >= 20


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_line_is_over_200_characters(path):
    long = [n for n, line in enumerate(path.read_text().splitlines(), 1) if len(line) > MAX_LINE]
    assert not long, f"{path.relative_to(ROOT)}: lines {long} are over {MAX_LINE} characters"


# htmx boosts only links to this site (`isLocalLink`: same host, not "#..."), so an hx-boost="false" on a link
# to another site, an e-mail address, a phone number or an anchor repeats what htmx does anyway.
_OPT_OUT_ELSEWHERE = re.compile(r"""<a\s[^>]*href="(?:https?://|mailto:|tel:|#|\{\{ href \}\})[^>]*hx-boost="false\"""")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_elsewhere_carry_no_boost_opt_out(path):
    assert not _OPT_OUT_ELSEWHERE.search(path.read_text())
