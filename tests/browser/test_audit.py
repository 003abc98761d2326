"""Every public page, at both widths: no CSP violation, no console error, no serious axe finding."""

from __future__ import annotations

import pytest

from tests.browser.harness import assert_accessible, expect, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "browse": ("/", 200),
    "browse-empty": ("/?q=no+such+shop+anywhere", 200),
    "browse-filtered": ("/?deletion=1&sort=recent", 200),
    "company": ("/c/lumen-lamps/", 200),
    "company-no-policy-facts": ("/c/fresh-fig/", 200),
    "version": ("/c/lumen-lamps/v/3/", 200),
    "version-highlighted": ("/c/lumen-lamps/v/1/?hl=0-18#hl", 200),
    "history": ("/c/lumen-lamps/history/", 200),
    "diff": ("/c/lumen-lamps/diff/?a=1&b=3", 200),
    "compare-empty": ("/compare/", 200),
    "compare": ("/compare/?c=quiet-quill,bargain-barn,lumen-lamps", 200),
    "about": ("/about/", 200),
    "report": ("/c/lumen-lamps/report/?fact=sells_data", 200),
    "not-found": ("/c/no-such-company/", 404),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_clean_and_accessible(name, catalogue, browsing):
    path, status = PAGES[name]
    page = browsing.page
    if status == 404:
        # The document itself answering 404 is the point of this page; nothing else may fail.
        browsing.log.allow(r"status of 404")
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    assert page.locator("main").count() == 1, f"{path} has no single <main> landmark"
    assert page.title().strip(), f"{path} has no <title>"
    screenshot(page, f"audit-{name}-{browsing.viewport}")
    width = page.viewport_size["width"]
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    # Reflow: the page itself never scrolls sideways (wide tables scroll inside their own region).
    assert overflow <= width, f"{path} is {overflow}px wide in a {width}px window: the page scrolls sideways"
    browsing.log.assert_clean(path)
    assert_accessible(page, f"{path} at {browsing.viewport} width")


def test_server_error_page_fits_the_site(catalogue, browsing, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a deliberate failure for the 500 page")

    # The about view looks render_page up at call time, so this breaks just that page.
    monkeypatch.setattr("pages.views.about.render_page", broken)
    browsing.log.allow(r"status of 500")
    page = browsing.page
    response = page.goto("/about/")
    assert response is not None and response.status == 500
    expect(page.get_by_role("link", name="Fineprint").first).to_be_visible()
    assert page.title().strip(), "the 500 page has no <title>"
    screenshot(page, f"audit-server-error-{browsing.viewport}")
    browsing.log.assert_clean("the 500 page")
    assert_accessible(page, f"the 500 page at {browsing.viewport} width")


def test_site_icon_is_declared_and_served(catalogue, open_browsing):
    page = open_browsing("desktop").page
    page.goto("/")
    icon = page.locator("link[rel~=icon]")
    expect(icon).to_have_count(1)
    response = page.request.get(icon.get_attribute("href"))
    assert response.status == 200, f"the site icon answered {response.status}"
    assert response.headers["content-type"].startswith("image/")
