"""Browse: live search, filters, sorting, pagination, the empty state, and the same search without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from summaries.models import Summary
from tests.browser.catalogue import add_fillers
from tests.browser.harness import expect, screenshot, wait_for_htmx_idle

pytestmark = pytest.mark.browser

ROWS = "#results .company-row h3"


def names(page) -> list[str]:
    return [t.strip() for t in page.locator(ROWS).all_inner_texts()]


def address_query(page) -> dict[str, str]:
    """The address bar's query, blank values left out (htmx sends every form field)."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items() if v[-1]}


def open_filters(page) -> None:
    """The filters sit behind a "Filter and sort" disclosure; open it as a visitor would."""
    details = page.locator("details#filters")
    if details.count() and details.get_attribute("open") is None:
        details.locator("summary").click()
        expect(details).to_have_attribute("open", "")


def mark_document(page) -> None:
    """A flag on `window` that survives htmx swaps but not a full page load."""
    page.evaluate("() => { window.__sameDocument = true; }")


def same_document(page) -> bool:
    return page.evaluate("() => window.__sameDocument === true")


def test_live_search_updates_results_and_address_and_back_restores(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    expect(page.locator(ROWS)).to_have_text(catalogue.names_by_name)
    mark_document(page)

    # One input event: typing key by key on a slow machine could push an address per pause.
    page.get_by_label("Search companies").fill("quill")

    expect(page.locator(ROWS)).to_have_text(["Quiet Quill Stationery"])
    expect(page).to_have_url(re.compile(r"[?&]q=quill(&|$)"))
    assert address_query(page) == {"q": "quill", **_default_sort(page)}
    expect(page.get_by_role("status")).to_contain_text("1 company")
    assert same_document(page), "typing in the search box reloaded the whole page"
    screenshot(page, f"browse-live-search-{browsing.viewport}")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator(ROWS)).to_have_text(catalogue.names_by_name)
    expect(page.get_by_label("Search companies")).to_have_value("")


def _default_sort(page) -> dict[str, str]:
    # The sort box always has a value, so a live request may carry the default along.
    return {"sort": "name"} if "sort=name" in page.url else {}


def test_search_finds_a_company_by_alias(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    page.get_by_label("Search companies").fill("BB Discount")
    expect(page.locator(ROWS)).to_have_text(["Bargain Barn"])
    expect(page).to_have_url(re.compile(r"[?&]q=BB(\+|%20)Discount(&|$)"))


def test_search_loaded_from_the_address_fills_the_box(catalogue, browsing):
    page = browsing.page
    page.goto("/?q=lamps")
    expect(page.get_by_label("Search companies")).to_have_value("lamps")
    expect(page.locator(ROWS)).to_have_text(["Lumen Lamps"])


def test_sector_filter_narrows_results_and_stays_in_the_address(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    mark_document(page)
    open_filters(page)
    page.get_by_label("Sector").select_option(label="Food & drink")
    expect(page.locator(ROWS)).to_have_text(["Fresh Fig Grocers"])
    expect(page).to_have_url(re.compile(r"[?&]sector=food(&|$)"))
    assert same_document(page), "changing a filter reloaded the whole page"


def _current_flags() -> dict[str, dict[str, bool]]:
    """What the stored cards say, per company: the filters must agree with the data, whatever the parser found."""
    flags = {}
    for s in Summary.objects.current().select_related("version__company"):
        flags[s.version.company.name] = {
            "deletion": s.allows_deletion,
            "no_ads": not s.shares_with_advertisers,
            "gpc": s.honors_gpc,
            "sells_no": s.sells_data == "no",
        }
    return flags


@pytest.mark.parametrize(
    ("control", "flag"),
    [
        ("Lets you delete your data", "deletion"),
        ("Doesn't share with advertisers", "no_ads"),
        ("Honours Global Privacy Control", "gpc"),
    ],
)
def test_practice_filter_shows_only_companies_with_that_practice(catalogue, browsing, control, flag):
    flags = _current_flags()
    expected = sorted(name for name, f in flags.items() if f[flag])
    assert expected, f"no fixture policy was read as '{control}': the parser should find it in Quiet Quill's policy"
    assert len(expected) < len(flags), f"every fixture policy was read as '{control}': Bargain Barn's should not be"

    page = browsing.page
    page.goto("/")
    open_filters(page)
    page.get_by_label(control).check()
    expect(page.locator(ROWS)).to_have_text(expected)
    expect(page).to_have_url(re.compile(rf"[?&]{flag}=1(&|$)"))
    screenshot(page, f"browse-filter-{flag}-{browsing.viewport}")


def test_selling_filter(catalogue, browsing):
    flags = _current_flags()
    expected = sorted(name for name, f in flags.items() if f["sells_no"])
    assert expected, "no fixture policy was read as 'does not sell': Quiet Quill's says so plainly"

    page = browsing.page
    page.goto("/")
    open_filters(page)
    page.get_by_label("Selling your data").select_option("no")
    expect(page.locator(ROWS)).to_have_text(expected)
    expect(page).to_have_url(re.compile(r"[?&]sells=no(&|$)"))


def test_sorting(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    open_filters(page)
    page.get_by_label("Sort by").select_option(label="Recently updated first")
    # Captured dates are fixed by the catalogue: Lumen 2025-04, Quiet Quill 2025-03, Bargain 2025-01, Fresh Fig 2024-06.
    by_date = ["Lumen Lamps", "Quiet Quill Stationery", "Bargain Barn", "Fresh Fig Grocers"]
    expect(page.locator(ROWS)).to_have_text(by_date)
    expect(page).to_have_url(re.compile(r"[?&]sort=recent(&|$)"))
    page.get_by_label("Sort by").select_option(label="Name, Z to A")
    expect(page.locator(ROWS)).to_have_text(list(reversed(catalogue.names_by_name)))
    page.get_by_label("Sort by").select_option(label="Least recently updated first")
    expect(page.locator(ROWS)).to_have_text(list(reversed(by_date)))


def test_filters_combine_with_search(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    open_filters(page)
    page.get_by_label("Sector").select_option(label="Home goods")
    expect(page.locator(ROWS)).to_have_text(["Lumen Lamps"])
    page.get_by_label("Search companies").fill("quill")
    expect(page.locator("#no-results")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=quill"))
    expect(page).to_have_url(re.compile(r"sector=home_goods"))


def test_empty_result_says_so_and_offers_to_clear_filters(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    open_filters(page)
    page.get_by_label("Sector").select_option(label="Fashion & apparel")
    empty = page.locator("#no-results")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("No companies match")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"No companies found"))
    screenshot(page, f"browse-empty-{browsing.viewport}")

    empty.get_by_role("link", name="clear all filters").click()
    expect(page.locator(ROWS)).to_have_text(catalogue.names_by_name)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_label("Sector")).to_have_value("")


def test_pagination(catalogue, browsing):
    add_fillers(20)  # 24 companies: 20 on the first page, 4 on the second
    page = browsing.page
    page.goto("/")
    expect(page.locator(ROWS)).to_have_count(20)
    expect(page.get_by_role("status")).to_contain_text("page 1 of 2")
    pages = page.get_by_role("navigation", name="Pages")
    pages.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2$"))
    expect(page.locator(ROWS)).to_have_text([f"Zephyr Filler {n:02d}" for n in range(17, 21)])
    expect(pages.locator("[aria-current=page]")).to_have_text("2")
    screenshot(page, f"browse-page-2-{browsing.viewport}")


def test_search_works_without_javascript(catalogue, open_browsing):
    browsing = open_browsing("desktop", javascript=False)
    page = browsing.page
    page.goto("/")
    page.get_by_label("Search companies").fill("lamps")
    with page.expect_navigation():
        page.get_by_label("Search companies").press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=lamps"))
    expect(page.locator(ROWS)).to_have_text(["Lumen Lamps"])
    open_filters(page)

    page.get_by_label("Sector").select_option(label="Food & drink")
    page.get_by_label("Search companies").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Show companies").click()
    expect(page).to_have_url(re.compile(r"sector=food"))
    expect(page.locator(ROWS)).to_have_text(["Fresh Fig Grocers"])
    screenshot(page, "browse-no-javascript-desktop")


def test_keyboard_reaches_the_search_box_and_searches(catalogue, open_browsing):
    page = open_browsing("desktop").page
    page.goto("/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "q":
            break
    else:
        pytest.fail("15 presses of Tab never reached the search box")
    page.keyboard.type("barn")
    expect(page.locator(ROWS)).to_have_text(["Bargain Barn"])
    # The search is debounced: wait for the last keystroke's results, settled and wired up.
    expect(page).to_have_url(re.compile(r"[?&]q=barn(&|$)"))
    wait_for_htmx_idle(page)
    # The first result is then reachable from the keyboard too.
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Bargain Barn":
            break
    else:
        pytest.fail("Tab never reached the first result's link")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/c/bargain-barn/$"))
    # After the swap, focus lands on the new page's heading, so the next Tab starts there.
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_a_failed_live_search_says_so(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    # The deliberate failure is logged by the browser and by htmx itself; nothing else may be.
    browsing.log.allow(r"ERR_INTERNET_DISCONNECTED|htmx:(afterRequest|sendError), ")
    page.route(re.compile(r"/\?.*q=offline"), lambda route: route.abort("internetdisconnected"))
    page.get_by_label("Search companies").fill("offline")
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("couldn't reach Fineprint")
    # The results are left as they were rather than blanked.
    expect(page.locator(ROWS)).to_have_count(4)


SELLS_BADGE = {
    "yes": "Sells or shares your data",
    "no": "Doesn't sell your data",
    "not_stated": "Doesn't say if it sells data",
}


def test_badges_say_each_practice_in_words(catalogue, browsing):
    page = browsing.page
    page.goto("/")
    sells = {s.version.company.name: s.sells_data for s in Summary.objects.current().select_related("version__company")}
    rows = page.locator("#results .company-row")
    expect(rows).to_have_count(4)
    for i in range(4):
        row = rows.nth(i)
        name = row.locator("h3").inner_text().strip()
        badges = row.get_by_role("list", name="Key practices").get_by_role("listitem")
        expect(badges).to_have_count(4)
        # Colour is never the only signal: every badge carries its meaning as text.
        for text in badges.all_inner_texts():
            assert len(text.strip()) > 5, f"{name}: a badge without words: {text!r}"
        expect(badges.first).to_have_text(SELLS_BADGE[sells[name]])
    expect(rows.filter(has_text="Lumen Lamps").locator("time")).to_have_attribute("datetime", re.compile("^2025-04-01"))
