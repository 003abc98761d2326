"""The total deadline covers name resolution too, and one deadline can be shared by several fetches.

A resolver that never answers is simulated by a fake getaddrinfo that blocks on an event; the
deadlines are set small here, and the tests check only that the fetch came back within a
generous margin of them, never how fast anything ran.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from policies.fetch import (
    Deadline,
    DeadlineExceeded,
    FetchError,
    FetchTimeout,
    RobotsDisallowed,
    fetch,
    fetch_robots,
)
from tests.fetch.conftest import PUBLIC_IP
from tests.fetch.server import POLICY_HTML, page, redirect

MARGIN = 2.0  # seconds beyond the deadline a loaded machine may take to notice it


@pytest.fixture
def hung_resolver(net) -> Iterator[threading.Event]:
    """`hung.test` resolves only once the test is over (or after a minute)."""
    release = threading.Event()

    def answer() -> list[str]:
        release.wait(60)
        return [PUBLIC_IP]

    net.names["hung.test"] = answer
    yield release
    release.set()


def timed(call):
    started = time.monotonic()
    try:
        call()
    except FetchError as exc:
        return exc, time.monotonic() - started
    raise AssertionError("the fetch was expected to fail")


def test_a_hanging_resolver_is_cut_at_the_total_deadline(net, server, hung_resolver, public_config):
    server.routes["/privacy"] = page(POLICY_HTML)
    config = replace(public_config, deadline_seconds=0.5, connect_timeout=30.0)
    error, elapsed = timed(lambda: fetch("http://hung.test/privacy", config))
    assert isinstance(error, DeadlineExceeded)
    assert elapsed < 0.5 + MARGIN
    assert "name could not be looked up" in error.message
    assert net.lookups == ["hung.test"]
    assert net.connects == []  # nothing was connected while, or because, the lookup hung
    assert server.hits("/privacy") == 0


def test_a_lookup_slower_than_the_connect_timeout_is_a_retryable_timeout(net, hung_resolver, public_config):
    config = replace(public_config, deadline_seconds=30.0, connect_timeout=0.3)
    error, elapsed = timed(lambda: fetch("http://hung.test/privacy", config))
    assert isinstance(error, FetchTimeout)
    assert error.retryable
    assert elapsed < 0.3 + MARGIN
    assert "DNS lookup timed out" in error.message
    assert net.connects == []


def test_a_redirect_to_a_hanging_name_is_cut_at_the_same_deadline(net, server, hung_resolver, public_config):
    server.routes["/moved"] = redirect("http://hung.test/privacy")
    config = replace(public_config, deadline_seconds=0.8, connect_timeout=30.0)
    error, elapsed = timed(lambda: fetch("http://origin.test/moved", config))
    assert isinstance(error, DeadlineExceeded)
    assert elapsed < 0.8 + MARGIN
    assert server.hits("/moved") == 1
    assert net.connects == [(PUBLIC_IP, 80)]  # only the first hop was ever connected


def test_robots_behind_a_hanging_resolver_is_unreadable_so_closed(net, hung_resolver, public_config):
    config = replace(public_config, deadline_seconds=0.5, connect_timeout=30.0)
    started = time.monotonic()
    verdict = fetch_robots("http://hung.test/privacy", config)
    assert time.monotonic() - started < 0.5 + MARGIN
    assert not verdict.allowed
    assert verdict.unreadable
    assert "could not be read" in verdict.reason


def test_a_resolver_error_is_reported_not_hidden_by_the_thread(net, public_config):
    with pytest.raises(FetchError, match="DNS lookup failed"):
        fetch("http://no-such-name.test/privacy", public_config)
    assert net.connects == []


def test_a_spent_shared_deadline_stops_before_any_lookup(net, server, public_config):
    server.routes["/privacy"] = page(POLICY_HTML)
    spent = Deadline.start(0.0)
    with pytest.raises(DeadlineExceeded):
        fetch("http://origin.test/privacy", public_config, deadline=spent)
    assert net.lookups == [] and net.connects == []
    assert not fetch_robots("http://origin.test/privacy", public_config, deadline=spent).allowed
    assert net.lookups == [] and net.connects == []


def test_a_shared_deadline_bounds_robots_and_page_together(net, server, public_config):
    """robots.txt and the page, each slow but within its own limit, together overrun one budget."""
    slow = 0.6

    def slow_robots(handler):
        time.sleep(slow)
        page(b"User-agent: *\nAllow: /\n", "text/plain")(handler)

    def slow_page(handler):
        time.sleep(slow)
        page(POLICY_HTML)(handler)

    server.routes["/robots.txt"] = slow_robots
    server.routes["/privacy"] = slow_page
    shared = Deadline.start(1.0)
    assert fetch_robots("http://origin.test/privacy", public_config, deadline=shared).allowed
    with pytest.raises(DeadlineExceeded):
        fetch("http://origin.test/privacy", public_config, deadline=shared)
    assert shared.remaining() > -MARGIN


def test_deadline_capped_takes_the_earlier_end():
    outer = Deadline.start(10.0)
    assert outer.capped(20.0) is outer
    inner = outer.capped(1.0)
    assert inner.seconds == 1.0 and inner.ends_at < outer.ends_at


def test_before_request_sees_every_url_of_the_chain_and_can_stop_it(net, server, public_config):
    net.names["other.test"] = [PUBLIC_IP]
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("http://other.test/c")
    server.routes["/c"] = page(POLICY_HTML)
    seen: list[str] = []
    fetch("http://origin.test/a", public_config, before_request=seen.append)
    assert seen == ["http://origin.test/a", "http://origin.test/b", "http://other.test/c"]

    def stop_at_other(url: str) -> None:
        if url.startswith("http://other.test/"):
            raise RobotsDisallowed("not there", url=url)

    before = server.hits("/c")
    with pytest.raises(RobotsDisallowed) as caught:
        fetch("http://origin.test/a", public_config, before_request=stop_at_other)
    assert caught.value.url == "http://other.test/c"
    assert server.hits("/c") == before  # stopped before the request was sent


def test_a_read_cut_short_by_the_deadline_is_the_deadline_not_a_retryable_timeout(server, loopback_config):
    """The read timeout is capped at the time left, so it and the watchdog go off together;
    either way the answer must be the deadline (not retried), every time."""

    def silent(handler):
        time.sleep(5)

    server.routes["/silent"] = silent
    config = replace(loopback_config, deadline_seconds=0.4, read_timeout=30.0)
    for _ in range(5):
        error, elapsed = timed(lambda: fetch(server.url("/silent"), config))
        assert isinstance(error, DeadlineExceeded), error.message
        assert not error.retryable
        assert elapsed < 0.4 + MARGIN
