"""One check, one network budget: robots.txt, the page and its retry all share the deadline.

The deadlines are set small here; the tests check the outcome and that the check came back
within a generous margin of its deadline, never how fast anything ran.
"""

from __future__ import annotations

import time
from dataclasses import replace

from policies.models import PolicyVersion
from tests.fetch.server import POLICY_HTML, page, sequence, stall, status
from watch import checks
from watch.checks import check
from watch.models import Outcome

MARGIN = 2.0  # seconds beyond the deadline a loaded machine may take to notice it


def config(**changes):
    return replace(checks.fetch_config(), **changes)


def timed_check(watched, **changes):
    started = time.monotonic()
    result = check(watched, config=config(**changes))
    return result, time.monotonic() - started


def test_slow_robots_and_slow_page_share_one_deadline(company, site, watch_url):
    """Each is well inside the deadline on its own; together they are not."""
    site.routes["/robots.txt"] = stall(0.8, status(404))
    site.routes["/privacy"] = stall(0.8, page(POLICY_HTML))
    result, elapsed = timed_check(watch_url(), deadline_seconds=1.2)
    assert result.outcome == Outcome.FAILED
    assert "took longer than 1.2 seconds" in result.attempt.error
    assert elapsed < 1.2 + MARGIN
    assert not PolicyVersion.objects.exists()


def test_no_retry_when_the_deadline_leaves_no_room(company, site, watch_url):
    """The first try times out with too little time left: it is not retried past the deadline."""
    site.routes["/privacy"] = stall(10, page(POLICY_HTML))
    result, elapsed = timed_check(watch_url(), deadline_seconds=2.0, read_timeout=1.8)
    assert result.outcome == Outcome.FAILED
    assert result.attempt.tries == 1
    assert "read timed out" in result.attempt.error
    assert site.hits("/privacy") == 1
    assert elapsed < 2.0 + MARGIN


def test_a_retry_gets_only_what_is_left_of_the_deadline(company, site, watch_url):
    """A slow 503 leaves 3 s: the retry is made, and cut when the check's deadline is up
    (a retry with a fresh deadline of its own would run until 9 s). The 3 s left are well
    above RETRY_MIN_SECONDS, so a loaded machine still makes the retry."""
    site.routes["/privacy"] = sequence(stall(3.0, status(503)), stall(30, page(POLICY_HTML)))
    result, elapsed = timed_check(watch_url(), deadline_seconds=6.0, read_timeout=20)
    assert result.outcome == Outcome.FAILED
    assert result.attempt.tries == 2
    assert site.hits("/privacy") == 2
    assert elapsed < 6.0 + MARGIN


def test_a_quick_5xx_is_still_retried_inside_the_deadline(company, site, watch_url):
    site.routes["/privacy"] = sequence(status(502), page(POLICY_HTML))
    result = check(watch_url(), config=config(deadline_seconds=5.0))
    assert result.outcome == Outcome.NEW_VERSION
    assert result.attempt.tries == 2


def test_robots_retry_is_skipped_when_no_time_is_left(company, site, watch_url):
    site.routes["/robots.txt"] = stall(10, status(404))
    result, elapsed = timed_check(watch_url(), deadline_seconds=1.0)
    assert result.outcome == Outcome.ROBOTS
    assert "could not be read" in result.message
    assert site.hits("/robots.txt") == 1 and site.hits("/privacy") == 0
    assert elapsed < 1.0 + MARGIN
