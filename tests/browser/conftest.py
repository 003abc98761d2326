"""Fixtures for the Playwright tests: one Chromium for the whole folder, a fresh context per test.

Debian's Chromium is driven directly (never `playwright install`). Tests skip with a reason
when it or the playwright package is missing, unless FINEPRINT_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.catalogue import Catalogue, build_catalogue
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, BrowserLog, attach_log, expect, skip_or_fail

# Generous, as CI machines can be busy; a passing wait returns as soon as its condition holds.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package", autouse=True)
def chromium() -> Iterator[Any]:
    """The browser, started first for every test here so a missing Chromium skips before any data is built.

    Package-scoped so that the browser, and the relaxed async check below, end with this folder's tests.
    """
    if not CHROMIUM.exists():
        skip_or_fail(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("the playwright package is not installed: browser tests skipped")
    # Playwright's sync API keeps an event loop on the test thread; Django would then refuse
    # ORM calls from the tests ("async unsafe") although nothing here is concurrent.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        expect.set_options(timeout=TIMEOUT_MS)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def catalogue(transactional_db) -> Catalogue:
    return build_catalogue()


class Browsing:
    """A page in a fresh context, with what the browser reported about it."""

    def __init__(self, context: Any, page: Any, log: BrowserLog | None, viewport: str, base_url: str) -> None:
        self.context = context
        self.page = page
        self.log = log
        self.viewport = viewport
        self.base_url = base_url


@pytest.fixture
def open_browsing(chromium, live_server, transactional_db) -> Iterator[Callable[..., Browsing]]:
    """Factory: `open_browsing(viewport="desktop", javascript=True)` gives a new context and page."""
    opened: list[Browsing] = []

    def make(viewport: str = "desktop", *, javascript: bool = True) -> Browsing:
        context = chromium.new_context(
            viewport=VIEWPORTS[viewport], base_url=live_server.url, java_script_enabled=javascript
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        log = attach_log(context, page) if javascript else None
        browsing = Browsing(context, page, log, viewport, live_server.url)
        opened.append(browsing)
        return browsing

    yield make
    for browsing in opened:
        browsing.context.close()


@pytest.fixture(params=list(VIEWPORTS))
def browsing(request, open_browsing) -> Iterator[Browsing]:
    """A page at desktop (1280x900) and at phone (360x740) width; fails the test on CSP or console errors."""
    current = open_browsing(request.param)
    yield current
    if current.log is not None and not request.node.stash.get(_FAILED, False):
        current.log.assert_clean(f"{request.node.name} (checked after the test)")


_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # A test that already failed should not also report the after-test browser check.
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_FAILED] = True
    return report
