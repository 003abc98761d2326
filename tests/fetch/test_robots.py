"""robots.txt: fetched through the same safe path; 4xx allows, 5xx or unreachable disallows."""

from __future__ import annotations

import socket

import pytest

from policies.fetch import fetch_robots
from tests.fetch.server import page, redirect, status


@pytest.mark.parametrize("code", [404, 403, 410])
def test_4xx_means_allowed(server, loopback_config, code):
    server.routes["/robots.txt"] = status(code)
    verdict = fetch_robots(server.url("/privacy"), loopback_config)
    assert verdict.allowed
    assert verdict.status == code


@pytest.mark.parametrize("code", [500, 503])
def test_5xx_means_disallowed(server, loopback_config, code):
    server.routes["/robots.txt"] = status(code)
    verdict = fetch_robots(server.url("/privacy"), loopback_config)
    assert not verdict.allowed
    assert str(code) in verdict.reason


def test_unreachable_means_disallowed(loopback_config):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    verdict = fetch_robots(f"http://127.0.0.1:{port}/privacy", loopback_config)
    assert not verdict.allowed
    assert "could not be read" in verdict.reason


def test_disallow_for_our_agent(server, loopback_config):
    server.routes["/robots.txt"] = page(b"User-agent: FineprintBot\nDisallow: /\n", "text/plain")
    verdict = fetch_robots(server.url("/privacy"), loopback_config)
    assert not verdict.allowed
    assert "FineprintBot" in verdict.reason
    assert server.log[-1][1]["User-Agent"] == loopback_config.user_agent


def test_disallow_for_another_agent_does_not_apply(server, loopback_config):
    server.routes["/robots.txt"] = page(b"User-agent: OtherBot\nDisallow: /\n", "text/plain")
    assert fetch_robots(server.url("/privacy"), loopback_config).allowed


def test_path_rules(server, loopback_config):
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /account\nAllow: /account/privacy\n", "text/plain")
    assert fetch_robots(server.url("/legal/privacy"), loopback_config).allowed
    assert not fetch_robots(server.url("/account/orders"), loopback_config).allowed
    assert fetch_robots(server.url("/account/privacy"), loopback_config).allowed


def test_robots_served_with_any_content_type_is_still_read(server, loopback_config):
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /\n", "text/html")
    assert not fetch_robots(server.url("/privacy"), loopback_config).allowed
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /\n", None)
    assert not fetch_robots(server.url("/privacy"), loopback_config).allowed


def test_robots_redirect_is_followed(server, loopback_config):
    server.routes["/robots.txt"] = redirect("/real-robots.txt")
    server.routes["/real-robots.txt"] = page(b"User-agent: *\nDisallow: /privacy\n", "text/plain")
    assert not fetch_robots(server.url("/privacy"), loopback_config).allowed


def test_robots_is_fetched_from_the_site_root(server, loopback_config):
    server.routes["/robots.txt"] = status(404)
    fetch_robots(server.url("/deep/path/privacy?lang=en"), loopback_config)
    assert server.log[-1][0] == "/robots.txt"
