"""Company page: the card's sections, a fact's evidence opening, and "see it in the policy"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from summaries.models import Summary
from tests.browser.harness import expect, screenshot

pytestmark = pytest.mark.browser


def squash(text: str) -> str:
    return " ".join(text.split())


def first_evidence(slug: str) -> tuple[str, dict[str, Any]]:
    """A CSS selector for the card item whose evidence we open, and that evidence, from the stored card.

    Selling comes first (the question shoppers ask most); otherwise the first item with evidence,
    in page order. The page's element ids follow the card codes.
    """
    summary = Summary.objects.current().get(version__company__slug=slug)
    card = summary.card
    sells = card.get("sells_data") or {}
    candidates: list[tuple[str, list[dict[str, Any]]]] = [("#sells-data", sells.get("evidence"))]
    candidates += [(f"#collected-{i['type']}", i.get("evidence")) for i in card.get("collected") or []]
    candidates += [(f"#shared-{i['recipient']}", i.get("evidence")) for i in card.get("shared") or []]
    candidates += [(f"#choice-{i['type']}", i.get("evidence")) for i in card.get("choices") or []]
    candidates += [(f"#fact-{name}", f.get("evidence")) for name, f in (card.get("facts") or {}).items()]
    for selector, evidence in candidates:
        if evidence:
            return selector.replace("_", "-"), evidence[0]
    pytest.fail(f"the parser found no evidence at all in {slug}'s fixture policy: nothing to expand")


def test_company_page_shows_the_card_in_four_sections_and_the_facts(catalogue, browsing):
    page = browsing.page
    page.goto("/c/quiet-quill/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiet Quill Stationery")
    for title in ("What's collected", "Who it's shared with", "Your choices", "Contacts", "The facts"):
        expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
    expect(page.locator("#fact-updated")).to_contain_text("1 March 2025")
    expect(page.get_by_role("list", name="Key practices").get_by_role("listitem")).to_have_count(4)
    screenshot(page, f"company-{browsing.viewport}")


def test_evidence_expands_to_the_quote_and_leads_to_the_highlighted_passage(catalogue, browsing):
    selector, evidence = first_evidence("quiet-quill")
    page = browsing.page
    page.goto("/c/quiet-quill/")
    item = page.locator(selector)
    details = item.locator("details.evidence").first
    quote = details.locator("blockquote").first
    expect(quote).to_be_hidden()

    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    expect(quote).to_be_visible()
    assert squash(quote.inner_text()).rstrip("…") in squash(evidence["quote"])
    screenshot(page, f"company-evidence-open-{browsing.viewport}")

    details.get_by_role("link", name=re.compile("See it in the policy")).first.click()
    version = catalogue.quiet_quill.versions.get()
    expect(page).to_have_url(
        re.compile(rf"/c/quiet-quill/v/{version.sequence}/\?hl={evidence['start']}-{evidence['end']}#hl$")
    )
    mark = page.locator("mark#hl")
    expect(mark).to_have_count(1)
    assert squash(mark.inner_text()) == squash(evidence["quote"])
    expect(mark).to_be_in_viewport()
    expect(page.locator("#highlight-note")).to_be_visible()
    screenshot(page, f"version-highlighted-{browsing.viewport}")


def test_highlight_link_opened_directly_scrolls_to_the_passage(catalogue, browsing):
    """A shared "see it in the policy" address marks and shows the passage even deep in the text."""
    version = catalogue.lumen_versions[-1]
    start = version.text.index("Your Choices")
    end = start + len("Your Choices")
    page = browsing.page
    page.goto(f"/c/lumen-lamps/v/{version.sequence}/?hl={start}-{end}#hl")
    mark = page.locator("mark#hl")
    expect(mark).to_have_text("Your Choices")
    expect(mark).to_be_in_viewport()


def test_bad_highlight_is_explained_not_an_error(catalogue, browsing):
    page = browsing.page
    page.goto("/c/lumen-lamps/v/1/?hl=5-999999")
    expect(page.locator("#bad-highlight")).to_be_visible()
    expect(page.locator("mark")).to_have_count(0)


def test_company_page_links_to_its_policy_and_history(catalogue, browsing):
    page = browsing.page
    page.goto("/c/lumen-lamps/")
    page.get_by_role("link", name="Read the full policy").click()
    expect(page).to_have_url(re.compile(r"/c/lumen-lamps/v/3/$"))
    expect(page.locator("#policy-text")).to_contain_text("We may sell personal information")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/c/lumen-lamps/$"))
    page.get_by_role("link", name=re.compile(r"History \(3 versions\)")).click()
    expect(page).to_have_url(re.compile(r"/c/lumen-lamps/history/$"))


def test_evidence_opens_with_the_keyboard(catalogue, open_browsing):
    selector, _ = first_evidence("quiet-quill")
    page = open_browsing("desktop").page
    page.goto("/c/quiet-quill/")
    details = page.locator(selector).locator("details.evidence").first
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    page.keyboard.press("Space")
    expect(details).not_to_have_attribute("open", "")


def test_compare_link_on_the_company_page_starts_a_comparison(catalogue, browsing):
    page = browsing.page
    page.goto("/c/bargain-barn/")
    page.get_by_role("link", name="Compare with…").click()
    expect(page).to_have_url(re.compile(r"/compare/\?c=bargain-barn$"))
    expect(page.get_by_role("list", name="Companies being compared")).to_contain_text("Bargain Barn")
    expect(page.locator("#need-more")).to_be_visible()


def test_the_card_as_json_link_opens_the_json_rather_than_swapping_it_into_the_page(catalogue, open_browsing):
    # The page's links are boosted by htmx; this one sits in a container that opts out.
    page = open_browsing("desktop").page
    page.goto("/c/lumen-lamps/")
    with page.expect_response(re.compile(r"/api/c/lumen-lamps/card\.json$")) as response:
        page.get_by_role("link", name="This card as JSON").click()
    assert response.value.request.header_value("HX-Request") is None
    expect(page).to_have_url(re.compile(r"/api/c/lumen-lamps/card\.json$"))
    assert '"company"' in page.content() or '"card"' in page.content()
