"""robots.txt is honoured for every site of a redirect chain, not only the watched URL's own."""

from __future__ import annotations

import logging
import socket

from policies.models import PolicyVersion
from tests.fetch.server import POLICY_HTML, page, redirect, sequence, status
from watch.checks import check
from watch.models import Outcome

DISALLOW_ALL = page(b"User-agent: *\nDisallow: /\n", "text/plain")


def test_redirect_to_a_site_whose_robots_disallows_is_not_fetched(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/robots.txt"] = DISALLOW_ALL
    other_site.routes["/policy"] = page(POLICY_HTML)
    result = check(watch_url())
    assert result.outcome == Outcome.ROBOTS
    assert site.hits("/robots.txt") == 1 and other_site.hits("/robots.txt") == 1
    assert other_site.hits("/policy") == 0
    assert other_site.url("/policy") in result.message
    assert "does not allow FineprintBot" in result.message
    assert result.attempt.final_url == other_site.url("/policy")
    assert not PolicyVersion.objects.exists()


def test_redirect_to_a_site_without_robots_is_fetched_and_each_robots_read_once(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/policy"] = page(POLICY_HTML)  # no robots.txt there: 404, allowed
    result = check(watch_url())
    assert result.outcome == Outcome.NEW_VERSION
    assert result.attempt.final_url == other_site.url("/policy")
    assert [path for path, _ in other_site.log] == ["/robots.txt", "/policy"]
    assert site.hits("/robots.txt") == 1


def test_redirect_target_robots_5xx_is_retried_once_then_treated_as_closed(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/robots.txt"] = status(503)
    other_site.routes["/policy"] = page(POLICY_HTML)
    result = check(watch_url())
    assert result.outcome == Outcome.ROBOTS
    assert "HTTP 503" in result.message and "treated as closed" in result.message
    assert other_site.hits("/robots.txt") == 2
    assert other_site.hits("/policy") == 0


def test_redirect_target_robots_5xx_then_ok_is_fetched(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/robots.txt"] = sequence(status(502), status(404))
    other_site.routes["/policy"] = page(POLICY_HTML)
    assert check(watch_url()).outcome == Outcome.NEW_VERSION
    assert other_site.hits("/robots.txt") == 2


def test_redirect_to_an_unreachable_site_is_closed_by_its_robots(company, site, watch_url):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site.routes["/privacy"] = redirect(f"http://127.0.0.1:{port}/policy")
    result = check(watch_url())
    assert result.outcome == Outcome.ROBOTS
    assert "robots.txt could not be read" in result.message


def test_override_applies_to_the_redirect_target_and_is_logged(company, site, other_site, watch_url, caplog):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/robots.txt"] = DISALLOW_ALL
    other_site.routes["/policy"] = page(POLICY_HTML)
    watched = watch_url(ignore_robots=True)
    with caplog.at_level(logging.WARNING, logger="watch.checks"):
        result = check(watched)
    assert result.outcome == Outcome.NEW_VERSION
    assert result.attempt.robots_overridden
    [record] = [r for r in caplog.records if "robots.txt override used" in r.getMessage()]
    assert other_site.url("/policy") in record.getMessage()
    assert company.slug in record.getMessage()


def test_override_is_not_flagged_when_every_site_allows(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/policy"] = page(POLICY_HTML)
    result = check(watch_url(ignore_robots=True))
    assert result.outcome == Outcome.NEW_VERSION and not result.attempt.robots_overridden


def test_same_site_redirect_into_a_disallowed_path_is_not_fetched(company, site, watch_url):
    site.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /members/\n", "text/plain")
    site.routes["/privacy"] = redirect("/members/privacy")
    site.routes["/members/privacy"] = page(POLICY_HTML)
    result = check(watch_url())
    assert result.outcome == Outcome.ROBOTS
    assert site.hits("/robots.txt") == 1
    assert site.hits("/members/privacy") == 0


def test_a_retried_page_does_not_read_robots_again(company, site, other_site, watch_url):
    site.routes["/privacy"] = redirect(other_site.url("/policy"))
    other_site.routes["/policy"] = sequence(status(503), page(POLICY_HTML))
    result = check(watch_url())
    assert result.outcome == Outcome.NEW_VERSION and result.attempt.tries == 2
    assert site.hits("/robots.txt") == 1 and other_site.hits("/robots.txt") == 1
