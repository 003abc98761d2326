"""The checks themselves can fail: a CSP breach, a console error and an axe finding are all caught."""

from __future__ import annotations

import pytest

from tests.browser.harness import axe_violations

pytestmark = pytest.mark.browser


def test_csp_violation_and_console_error_are_caught(catalogue, open_browsing):
    browsing = open_browsing("desktop")
    page = browsing.page
    page.goto("/about/")
    assert browsing.log.problems() == []
    # An inline style attribute set by a page script is what the strict CSP must block.
    page.evaluate("() => document.body.setAttribute('style', 'color: red')")
    page.evaluate("() => console.error('something broke')")
    for _ in range(40):  # the violation event and the console message arrive asynchronously
        if browsing.log.csp and browsing.log.console:
            break
        page.wait_for_timeout(50)
    with pytest.raises(AssertionError, match="style-src"):
        browsing.log.assert_clean()
    assert any("something broke" in p for p in browsing.log.problems())
    browsing.log.csp.clear()
    browsing.log.console.clear()


def test_axe_reports_a_serious_violation(open_browsing):
    page = open_browsing("desktop").page
    page.set_content('<html lang="en"><body><main><img src="data:,"><input type="text"></main></body></html>')
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= ids
