"""Compare: reach it from a company page, add with the typeahead, remove, share the address, use the keyboard."""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import expect, screenshot

pytestmark = pytest.mark.browser

COLUMNS = "#compare-matrix thead th"


def compare_url(*slugs: str) -> re.Pattern[str]:
    return re.compile(r"/compare/\?c=" + "(,|%2C)".join(slugs) + "$")


def test_compare_from_a_company_page_with_the_typeahead(catalogue, browsing):
    page = browsing.page
    page.goto("/c/quiet-quill/")
    page.get_by_label("Compare with…").press_sequentially("barg", delay=20)
    suggestion = page.locator("#compare-suggestions").get_by_role("link", name="Bargain Barn")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page).to_have_url(compare_url("quiet-quill", "bargain-barn"))
    expect(page.locator(COLUMNS)).to_have_text([re.compile("Quiet Quill Stationery"), re.compile("Bargain Barn")])
    expect(page.locator("#compare-matrix caption")).to_have_text("How Quiet Quill Stationery and Bargain Barn compare")
    screenshot(page, f"compare-two-{browsing.viewport}")


def test_add_and_remove_companies_keeps_a_shareable_address(catalogue, browsing):
    page = browsing.page
    page.goto("/compare/?c=quiet-quill,bargain-barn")
    page.get_by_label("Add a company").press_sequentially("lum", delay=20)
    page.locator("#compare-suggestions").get_by_role("link", name="Lumen Lamps").click()
    expect(page).to_have_url(compare_url("quiet-quill", "bargain-barn", "lumen-lamps"))
    expect(page.locator(COLUMNS)).to_have_count(3)
    screenshot(page, f"compare-three-{browsing.viewport}")

    page.get_by_role("link", name="Remove Bargain Barn from the comparison").click()
    expect(page).to_have_url(compare_url("quiet-quill", "lumen-lamps"))
    expect(page.locator(COLUMNS)).to_have_text([re.compile("Quiet Quill Stationery"), re.compile("Lumen Lamps")])

    # The address alone rebuilds the same comparison in a fresh browser.
    shared = page.url
    other = browsing.context.browser.new_context(viewport=browsing.context.pages[0].viewport_size)
    try:
        fresh = other.new_page()
        fresh.goto(shared)
        expect(fresh.locator(COLUMNS)).to_have_text([re.compile("Quiet Quill Stationery"), re.compile("Lumen Lamps")])
    finally:
        other.close()

    page.get_by_role("link", name="Remove Quiet Quill Stationery from the comparison").click()
    expect(page).to_have_url(compare_url("lumen-lamps"))
    expect(page.locator("#need-more")).to_contain_text("Add at least one more company")


def test_matrix_rows_mark_differences_in_words(catalogue, browsing):
    page = browsing.page
    page.goto("/compare/?c=quiet-quill,bargain-barn,fresh-fig,lumen-lamps")
    expect(page.locator(COLUMNS)).to_have_count(4)
    sells_row = page.locator("#matrix-sells tr").nth(1)
    cells = sells_row.locator("td")
    expect(cells).to_have_count(4)
    for i in range(4):
        # Each cell states its value in text; the colour and icon only repeat it.
        assert cells.nth(i).inner_text().strip(), f"sells-data cell {i} has no text"
    differs = page.locator("tr.differs")
    for i in range(differs.count()):
        expect(differs.nth(i).locator(".differs-tag")).to_have_text("Differs")
    # Four is the most: the add box gives way to an explanation.
    expect(page.get_by_label("Add a company")).to_have_count(0)
    expect(page.get_by_text("That's the most we can show side by side")).to_be_visible()
    screenshot(page, f"compare-four-{browsing.viewport}")


def test_unknown_company_in_the_address_is_explained(catalogue, browsing):
    page = browsing.page
    page.goto("/compare/?c=quiet-quill,no-such-shop,bargain-barn")
    expect(page.get_by_text(re.compile(r"We don't know “no-such-shop”"))).to_be_visible()
    expect(page.locator(COLUMNS)).to_have_count(2)


def test_compare_add_works_without_javascript(catalogue, open_browsing):
    page = open_browsing("desktop", javascript=False).page
    page.goto("/compare/?c=quiet-quill")
    page.get_by_label("Add a company").fill("Lumen Lamps")
    with page.expect_navigation():
        page.get_by_role("button", name="Add").click()
    expect(page.locator(COLUMNS)).to_have_text([re.compile("Quiet Quill Stationery"), re.compile("Lumen Lamps")])
    with page.expect_navigation():
        page.get_by_role("link", name="Remove Lumen Lamps from the comparison").click()
    expect(page.locator("#need-more")).to_be_visible()


def focus_by_tab(page, predicate: str, limit: int = 40, *, backwards: bool = False) -> None:
    """Press Tab until `predicate(document.activeElement)` holds; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate}); }}"):
            return
    pytest.fail(f"{limit} presses of Tab never focused an element where {predicate}")


def test_compare_with_the_keyboard_only(catalogue, open_browsing):
    page = open_browsing("desktop").page
    page.goto("/compare/?c=quiet-quill")
    focus_by_tab(page, "el.id === 'compare-add-input'")
    page.keyboard.type("barg")
    expect(page.locator("#compare-suggestions").get_by_role("link", name="Bargain Barn")).to_be_visible()
    focus_by_tab(page, "el.textContent.trim() === 'Bargain Barn' && !!el.closest('#compare-suggestions')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(compare_url("quiet-quill", "bargain-barn"))
    expect(page.locator(COLUMNS)).to_have_count(2)

    # After the swap focus starts again from the page; walk to the remove control and press it.
    page.locator("h1").focus()
    focus_by_tab(page, "el.id === 'remove-bargain-barn'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(compare_url("quiet-quill"))
    expect(page.get_by_role("link", name="Remove Bargain Barn from the comparison")).to_have_count(0)
