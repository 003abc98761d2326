"""Report a problem, as a visitor does it: from a fact's link, with and without JavaScript; nothing is published."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from reviews.models import Report
from tests.browser.harness import assert_accessible, expect, screenshot

pytestmark = pytest.mark.browser
SECRET = "QZX visitor words 7731 never shown"
PUBLIC = [
    "/",
    "/c/quiet-quill/",
    "/c/quiet-quill/history/",
    "/c/quiet-quill/v/1/",
    "/about/",
    "/compare/?c=quiet-quill,bargain-barn",
]


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    caches["ratelimit"].clear()


def test_report_a_fact_and_nothing_is_published(catalogue, browsing):
    page = browsing.page
    page.goto("/c/quiet-quill/")
    link = page.locator("#sells-data").get_by_role("link", name="Report a problem")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a problem")
    expect(page.locator("main")).to_contain_text("Selling your data")
    assert_accessible(page, f"report form at {browsing.viewport}")
    page.get_by_label("What is wrong?").fill(SECRET)
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("#report-sent")).to_contain_text("Thank you")
    screenshot(page, f"report-sent-{browsing.viewport}")
    assert_accessible(page, f"report sent at {browsing.viewport}")
    report = Report.objects.get()
    assert report.message == SECRET and report.fact_key == "sells_data"
    for path in PUBLIC:
        page.goto(path)
        assert SECRET not in page.content(), path
    browsing.log.assert_clean("report a problem")


def test_report_works_without_javascript_and_the_limit_is_explained(catalogue, open_browsing, settings):
    settings.REPORT_RATE = "1/h"
    browsing = open_browsing("phone", javascript=False)
    page = browsing.page
    for attempt in range(2):
        page.goto("/c/quiet-quill/report/")
        page.get_by_label("What is wrong?").fill(f"The whole card is wrong, try {attempt}")
        page.get_by_role("button", name="Send the report").click()
    expect(page.locator("#report-limited")).to_contain_text("can't take another one from your address")
    assert Report.objects.count() == 1
    # axe runs as page script, which a context without JavaScript never executes (the call would
    # wait forever), so the refusal's accessibility is checked from a second, scripted visitor
    # on the same address.
    scripted = open_browsing("phone").page
    scripted.goto("/c/quiet-quill/report/")
    scripted.get_by_label("What is wrong?").fill("Still wrong")
    scripted.get_by_role("button", name="Send the report").click()
    expect(scripted.locator("#report-limited")).to_contain_text("can't take another one from your address")
    assert_accessible(scripted, "report refused by the rate limit")
    assert Report.objects.count() == 1
