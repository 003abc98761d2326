"""History and "what changed": every version listed, card-level changes first, then a readable text diff."""

from __future__ import annotations

import re

import pytest

from summaries.changes import card_changes
from summaries.models import Summary
from tests.browser.harness import expect, screenshot

pytestmark = pytest.mark.browser


def expected_changes(old, new) -> list[str]:
    cards = {s.version_id: s.card for s in Summary.objects.newest_per_version().filter(version__in=[old, new])}
    return [c.text for c in card_changes(cards[old.pk], cards[new.pk], old.text, new.text)]


def test_history_lists_every_version_and_leads_to_what_changed(catalogue, browsing):
    _, v2, v3 = catalogue.lumen_versions
    page = browsing.page
    page.goto("/c/lumen-lamps/history/")
    rows = page.locator("table.history-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.locator("th")).to_contain_text(["Version 3", "Version 2", "Version 1"])
    expect(page.locator("#version-3")).to_contain_text("1 Apr 2025")
    screenshot(page, f"history-{browsing.viewport}")

    page.locator("#version-3").get_by_role("link", name=re.compile("What changed")).click()
    expect(page).to_have_url(re.compile(r"/c/lumen-lamps/diff/\?a=2&b=3$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lumen Lamps")

    # Card-level changes come before the text diff, in the order the summariser gives them.
    card, text = page.locator("#card-changes"), page.locator("#text-changes")
    follows = "(a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"
    assert card.evaluate(follows, text.element_handle()), "the text diff comes before the card-level changes"
    changes = expected_changes(v2, v3)
    assert changes, "the parser saw no card-level change between Lumen Lamps v2 and v3 (it starts selling data)"
    expect(card.locator(".change-text")).to_have_text(changes)
    # Colour is never the only signal: each change says in words which way it goes.
    expect(card.locator(".change .change-tag")).to_have_count(len(changes))

    # The text diff is folded away until the shopper asks for it, and the page fits a phone either way.
    expect(text.locator("ins").filter(has_text="We may sell personal information")).to_be_hidden()
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    text.locator("summary").click()
    expect(text.locator("ins").filter(has_text="We may sell personal information")).to_have_count(1)
    expect(text.locator("ins").filter(has_text="We may sell personal information")).to_be_visible()
    expect(text.locator("del").filter(has_text="We do not sell your personal information")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"diff-{browsing.viewport}")


def test_pick_any_two_versions_from_history(catalogue, browsing):
    page = browsing.page
    page.goto("/c/lumen-lamps/history/")
    # The newest pair is picked by default; pick the first and the last instead.
    expect(page.get_by_label("Compare from version 2")).to_be_checked()
    expect(page.get_by_label("Compare to version 3")).to_be_checked()
    page.get_by_label("Compare from version 1").check()
    page.get_by_role("button", name=re.compile("Show what changed")).click()
    expect(page).to_have_url(re.compile(r"/c/lumen-lamps/diff/\?(?=.*\ba=1\b)(?=.*\bb=3\b)"))
    expect(page.locator(".diff-range")).to_contain_text("Version 1")
    expect(page.locator(".diff-range")).to_contain_text("version 3")
    # v2 added the advertisers paragraph and v3 kept it: between v1 and v3 it is an insertion.
    expect(page.locator("#text-changes ins").filter(has_text="advertising partners")).to_have_count(1)
    v1, _, v3 = catalogue.lumen_versions
    expect(page.locator("#card-changes .change-text")).to_have_text(expected_changes(v1, v3))


def test_diff_form_switches_versions(catalogue, browsing):
    page = browsing.page
    page.goto("/c/lumen-lamps/diff/")
    expect(page.get_by_label("From version")).to_have_value("2")
    expect(page.get_by_label("To version")).to_have_value("3")
    page.get_by_label("From version").select_option("1")
    page.get_by_label("To version").select_option("2")
    page.get_by_role("button", name="Compare versions").click()
    expect(page).to_have_url(re.compile(r"/diff/\?(?=.*\ba=1\b)(?=.*\bb=2\b)"))
    expect(page.locator("#text-changes ins").filter(has_text="advertising partners")).to_have_count(1)
    expect(page.locator("#text-changes del").filter(has_text="We may sell")).to_have_count(0)


def test_reversed_versions_are_put_in_order_with_a_note(catalogue, browsing):
    page = browsing.page
    page.goto("/c/lumen-lamps/diff/?a=3&b=1")
    expect(page.get_by_text("We put the older version first.")).to_be_visible()
    expect(page.get_by_label("From version")).to_have_value("1")
    expect(page.locator("#text-changes ins").filter(has_text="We may sell personal information")).to_have_count(1)


def test_single_version_has_nothing_to_compare(catalogue, browsing):
    page = browsing.page
    page.goto("/c/quiet-quill/diff/")
    expect(page.locator("#single-version")).to_contain_text("nothing to compare yet")
