"""Fixtures for watch tests: a local policy site the checks may reach (loopback on for tests only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fetch.server import POLICY_HTML, PolicyServer, page


@pytest.fixture
def site(settings) -> Iterator[PolicyServer]:
    """A running policy site with a page at /privacy and no robots.txt."""
    settings.FETCH_ALLOW_LOOPBACK_FOR_TESTS = True
    with PolicyServer() as server:
        server.routes["/privacy"] = page(POLICY_HTML)
        yield server


@pytest.fixture
def watch_url(company, site):
    """Make a WatchedURL on Acme Home for a path of the local site."""
    from watch.models import WatchedURL

    def make(path: str = "/privacy", **fields) -> WatchedURL:
        return WatchedURL.objects.create(company=company, url=site.url(path), **fields)

    return make


@pytest.fixture
def other_site(site) -> Iterator[PolicyServer]:
    """A second site (its own port, so its own robots.txt) for redirects between sites; no routes yet."""
    with PolicyServer() as server:
        yield server
