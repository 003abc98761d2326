"""Checking a watched URL: versions recorded on change only, failures counted, archive untouched on failure."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from policies.models import PolicyVersion, Source
from tests.fetch.server import POLICY_HTML, gzip_bomb, huge, page, stall, status
from watch import checks
from watch.checks import check, claim, run_check
from watch.models import CheckAttempt, Outcome, Status, Trigger

CHANGED_HTML = POLICY_HTML.replace(b"</main>", b"<p>We now sell your data to advertisers.</p></main>")

SECTIONED_HTML = (
    b"<!DOCTYPE html><html><head><title>Privacy</title></head><body><main>"
    b"<section id='intro'><p>Welcome to our shop, sign up for our newsletter today and save.</p></section>"
    b"<section id='policy'><h1>Privacy policy</h1>"
    b"<p>We collect your name and email address when you place an order with us.</p>"
    b"<p class='promo'>Get ten percent off your next order with code SAVE10.</p>"
    b"<p>We share your data with delivery companies so they can bring your parcel.</p>"
    b"</section></main></body></html>"
)


def versions(company):
    return list(PolicyVersion.objects.filter(company=company).order_by("sequence"))


def test_first_check_records_version_one_with_its_raw_snapshot(company, site, watch_url):
    watched = watch_url()
    result = check(watched)
    assert result.outcome == Outcome.NEW_VERSION
    [version] = versions(company)
    assert version.sequence == 1
    assert version.source == Source.URL
    assert version.source_url == watched.url
    assert "We collect your name" in version.text
    with version.original.open("rb") as snapshot:
        assert snapshot.read() == POLICY_HTML  # the raw page as served, not the extracted text
    attempt = result.attempt
    assert (attempt.http_status, attempt.bytes_received, attempt.version) == (200, len(POLICY_HTML), version)
    assert attempt.duration_ms >= 0 and attempt.tries == 1 and attempt.error == ""
    watched.refresh_from_db()
    assert watched.status == Status.OK and watched.consecutive_failures == 0
    assert watched.next_check_at > timezone.now() + timedelta(hours=23)
    assert result.message == "New version 1 recorded."


def test_unchanged_page_records_nothing(company, site, watch_url):
    watched = watch_url()
    check(watched)
    result = check(watched)
    assert result.outcome == Outcome.UNCHANGED
    assert result.version.sequence == 1
    assert len(versions(company)) == 1
    assert result.message == "Unchanged since version 1."


def test_changed_page_records_the_next_version(company, site, watch_url):
    watched = watch_url()
    check(watched)
    site.routes["/privacy"] = page(CHANGED_HTML)
    result = check(watched)
    assert result.outcome == Outcome.NEW_VERSION
    assert [v.sequence for v in versions(company)] == [1, 2]
    assert "sell your data to advertisers" in versions(company)[1].text
    assert not versions(company)[1].extractor_change


def test_selectors_keep_the_policy_and_drop_the_rest(company, site, watch_url):
    site.routes["/privacy"] = page(SECTIONED_HTML)
    watched = watch_url(keep_selector="#policy", remove_selectors=".promo\n.does-not-exist")
    assert check(watched).outcome == Outcome.NEW_VERSION
    text = versions(company)[0].text
    assert "We collect your name" in text and "delivery companies" in text
    assert "newsletter" not in text
    assert "SAVE10" not in text
    with versions(company)[0].original.open("rb") as snapshot:
        assert b"SAVE10" in snapshot.read()  # the snapshot stays raw


def test_keep_selector_matching_nothing_fails_without_recording(company, site, watch_url):
    watched = watch_url(keep_selector="#gone")
    result = check(watched)
    assert result.outcome == Outcome.FAILED
    assert "#gone" in result.attempt.error
    assert versions(company) == []


def test_extractor_change_is_recorded_as_such(company, site, watch_url, monkeypatch):
    """v1 was extracted by an older extractor; the site did not change, only our extraction did."""
    watched = watch_url()
    real_run = checks.run_limited  # extraction runs in a child: wrap what comes back from it

    def old_extractor(func, *args, **kwargs):
        extracted = real_run(func, *args, **kwargs)
        return type(extracted)(extracted.text + "\n\nPage footer text the old extractor kept.", "text/html", "html")

    monkeypatch.setattr(checks, "run_limited", old_extractor)
    check(watched)
    monkeypatch.setattr(checks, "run_limited", real_run)
    result = check(watched)
    assert result.outcome == Outcome.EXTRACTOR_CHANGE
    old, new = versions(company)
    assert new.extractor_change and not old.extractor_change
    assert "extraction changed" in result.message
    # A real change of the site afterwards is a real change again.
    site.routes["/privacy"] = page(CHANGED_HTML)
    assert check(watched).outcome == Outcome.NEW_VERSION
    assert not versions(company)[2].extractor_change


def test_three_failures_make_it_inaccessible_until_a_success(company, site, watch_url):
    watched = watch_url()
    site.routes["/privacy"] = status(404)
    for expected_failures, expected_status in [(1, Status.PENDING), (2, Status.PENDING), (3, Status.INACCESSIBLE)]:
        result = check(watched)
        assert result.outcome == Outcome.FAILED
        assert "HTTP 404" in result.attempt.error
        watched.refresh_from_db()
        assert (watched.consecutive_failures, watched.status) == (expected_failures, expected_status)
    check(watched)
    watched.refresh_from_db()
    assert watched.status == Status.INACCESSIBLE and watched.consecutive_failures == 4
    site.routes["/privacy"] = page(POLICY_HTML)
    assert check(watched).outcome == Outcome.NEW_VERSION
    watched.refresh_from_db()
    assert (watched.status, watched.consecutive_failures, watched.last_error) == (Status.OK, 0, "")
    assert watched.attempts.count() == 5


def test_server_errors_are_retried_once_per_run(company, site, watch_url):
    watched = watch_url()
    site.routes["/privacy"] = status(503)
    result = check(watched)
    assert result.outcome == Outcome.FAILED
    assert site.hits("/privacy") == 2
    assert result.attempt.tries == 2 and result.attempt.http_status == 503


def test_a_timeout_then_success_is_one_successful_run(company, site, watch_url, settings):
    from dataclasses import replace

    watched = watch_url()
    first = [True]

    def flaky(handler):
        if first[0]:
            first[0] = False
            stall(1.5, page(POLICY_HTML))(handler)
        else:
            page(POLICY_HTML)(handler)

    site.routes["/privacy"] = flaky
    config = replace(checks.fetch_config(), read_timeout=0.5)
    result = check(watched, config=config)
    assert result.outcome == Outcome.NEW_VERSION
    assert result.attempt.tries == 2


def test_client_errors_are_not_retried(company, site, watch_url):
    site.routes["/privacy"] = status(404)
    check(watch_url())
    assert site.hits("/privacy") == 1


@pytest.mark.parametrize(
    "responder",
    [status(500), huge(64 * 1024 * 1024), gzip_bomb(), page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50), page(b"   ")],
    ids=["5xx", "64MB", "gzip-bomb", "lying-type", "no-words"],
)
def test_failed_fetch_leaves_versions_untouched(company, site, watch_url, responder):
    watched = watch_url()
    check(watched)
    site.routes["/privacy"] = page(CHANGED_HTML)
    check(watched)
    before = [(v.pk, v.sequence, v.sha256, v.text, v.original.name, v.original.read()) for v in versions(company)]
    site.routes["/privacy"] = responder
    result = check(watched)
    assert result.outcome == Outcome.FAILED and result.version is None
    after = [(v.pk, v.sequence, v.sha256, v.text, v.original.name, v.original.read()) for v in versions(company)]
    assert after == before


def test_robots_disallow_blocks_the_page_fetch(company, site, watch_url):
    site.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /privacy\n", "text/plain")
    watched = watch_url()
    result = check(watched)
    assert result.outcome == Outcome.ROBOTS
    assert site.hits("/privacy") == 0
    assert versions(company) == []
    assert "robots.txt" in result.message


def test_robots_5xx_is_retried_then_blocks(company, site, watch_url):
    site.routes["/robots.txt"] = status(503)
    result = check(watch_url())
    assert result.outcome == Outcome.ROBOTS
    assert site.hits("/robots.txt") == 2 and site.hits("/privacy") == 0


def test_robots_override_fetches_and_is_logged(company, site, watch_url, caplog):
    site.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /\n", "text/plain")
    watched = watch_url(ignore_robots=True)
    with caplog.at_level(logging.WARNING, logger="watch.checks"):
        result = check(watched)
    assert result.outcome == Outcome.NEW_VERSION
    assert result.attempt.robots_overridden
    assert any("robots.txt override used" in r.getMessage() and watched.url in r.getMessage() for r in caplog.records)


def test_robots_override_not_flagged_when_robots_allows(company, site, watch_url):
    result = check(watch_url(ignore_robots=True))
    assert result.outcome == Outcome.NEW_VERSION and not result.attempt.robots_overridden


def test_refused_target_fails_in_plain_words(company, settings):
    from watch.models import WatchedURL

    settings.FETCH_ALLOW_LOOPBACK_FOR_TESTS = False
    watched = WatchedURL.objects.create(company=company, url="http://127.0.0.1/privacy")
    result = check(watched)
    assert result.outcome == Outcome.FAILED
    assert "public web sites" in result.attempt.error


def test_two_urls_of_one_company_do_not_flip_flop(company, site, watch_url):
    site.routes["/cookies"] = page(POLICY_HTML.replace(b"Privacy policy", b"Cookie policy"))
    privacy, cookies = watch_url("/privacy"), watch_url("/cookies")
    for _ in range(3):
        check(privacy)
        check(cookies)
    assert [v.source_url for v in versions(company)] == [privacy.url, cookies.url]


def test_due_and_claim(company, site, watch_url):
    watched = watch_url()
    assert list(checks.due()) == [watched]
    assert claim(watched.pk) is True
    assert claim(watched.pk) is False  # the lease keeps other workers off it
    assert list(checks.due()) == []
    assert run_check(watched.pk) is None
    assert run_check(watched.pk, force=True, trigger=Trigger.ADMIN).outcome == Outcome.NEW_VERSION
    assert CheckAttempt.objects.get().trigger == Trigger.ADMIN


def test_paused_urls_are_not_due(company, site, watch_url):
    watched = watch_url(active=False)
    assert list(checks.due()) == []
    assert claim(watched.pk) is False


def test_a_crash_inside_a_check_is_recorded_not_raised(company, site, watch_url, monkeypatch):
    watched = watch_url()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "record_version", broken)
    result = check(watched)
    assert result.outcome == Outcome.FAILED
    assert "RuntimeError" in result.attempt.error
    assert versions(company) == []


def test_a_worker_killed_mid_check_loses_nothing(company, site, watch_url):
    """The claim only leases the URL: if the worker dies before finishing, it falls due again."""
    watched = watch_url()
    now = timezone.now()
    assert claim(watched.pk, now)
    assert list(checks.due(now + timedelta(minutes=1))) == []
    assert list(checks.due(now + checks.LEASE + timedelta(seconds=1))) == [watched]
    assert not CheckAttempt.objects.exists() and not versions(company)


def test_a_check_that_overran_its_lease_is_abandoned_and_recorded(company, site, watch_url, monkeypatch):
    """Another worker may hold the URL by then: nothing is recorded, the attempt says why."""
    watched = watch_url()
    monkeypatch.setattr(checks, "LEASE", timedelta(microseconds=1))
    result = check(watched)
    assert result.outcome == Outcome.FAILED
    assert result.attempt.error == checks.OVERRAN
    assert versions(company) == []


def test_the_lease_is_renewed_once_the_page_has_arrived(company, site, watch_url, monkeypatch):
    watched = watch_url()
    assert claim(watched.pk)
    renewed = []
    real = checks.renew_lease
    monkeypatch.setattr(checks, "renew_lease", lambda w: renewed.append(w.pk) or real(w))
    check(watched)
    assert renewed == [watched.pk]
