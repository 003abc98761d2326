"""Every probe input finishes or is refused inside the sandbox's limits (20 s wall, 512 MB)."""

from __future__ import annotations

import time

import pytest

from policies.ingest import MAX_BYTES, IngestError
from policies.sandbox import DEFAULT_LIMITS, extract_untrusted
from tests.ingest import probes

pytestmark = pytest.mark.slow

# The sandbox kills its child at the wall limit; the rest is building the answer and the fork.
SLACK_SECONDS = 5


def timed(data: bytes, name: str) -> tuple[float, str]:
    started = time.monotonic()
    try:
        outcome = f"{len(extract_untrusted(data, name).text):,} characters"
    except IngestError as exc:
        outcome = f"refused: {exc}"
    return time.monotonic() - started, outcome


def assert_bounded(data: bytes, name: str) -> str:
    assert len(data) <= MAX_BYTES  # inside the byte limit: only the later limits can stop it
    elapsed, outcome = timed(data, name)
    assert elapsed < DEFAULT_LIMITS.wall_seconds + SLACK_SECONDS, outcome
    return outcome


def test_a_pdf_of_2000_pages_sharing_one_stream_is_refused_by_its_page_count():
    outcome = assert_bounded(probes.shared_stream_pdf(1999), "shared.pdf")
    assert "1,999 pages; at most 500" in outcome


def test_a_pdf_of_500_pages_sharing_one_stream_ends_within_the_limits():
    assert_bounded(probes.shared_stream_pdf(500), "shared.pdf")


def test_a_docx_expanding_to_46_million_characters_is_refused():
    data = probes.expanding_docx()
    outcome = assert_bounded(data, "big.docx")
    assert "more than 5 million characters" in outcome


@pytest.mark.parametrize("build", [probes.nested_links_html, probes.open_divs_html, probes.ordinary_html])
def test_10_mb_html_ends_within_the_limits(build):
    outcome = assert_bounded(build(), "page.html")
    # A refusal names the limit it hit; "could not be read" would hide the reason from the admin.
    assert "could not be read" not in outcome
