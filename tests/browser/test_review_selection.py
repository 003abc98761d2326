"""The admin review page: a person selects a quote in the policy with the mouse, and the fact added carries it exactly.

The policy here has accented letters, curly quotes and characters outside the Basic
Multilingual Plane before the quote, where JavaScript's string offsets (UTF-16 units) and the
server's (code points) part ways.
"""

from __future__ import annotations

import pytest
from django.test import Client

from reviews.models import Action, Decision
from tests.browser.harness import expect, screenshot
from tests.pages.factories import POLICY, card_for, make_company

pytestmark = pytest.mark.browser
QUOTE = "We also record your approximate location from the IP address of your device"
TEXT = POLICY.replace("Effective date:", "Café Déjà-vu 🛒 — “Juniper” ✓ 𝒳 and 👍🏽 too.\nEffective date:", 1).replace(
    "Our services are not directed", f"{QUOTE}.\nOur services are not directed", 1
)

# The page coordinates of the quote's first and last characters, after scrolling the policy
# text (its own scrolling box) so that both are in view.
LOCATE = """
(quote) => {
  const pre = document.getElementById("policy-text");
  const node = pre.firstChild;
  const at = node.data.indexOf(quote);
  const range = document.createRange();
  const rectOf = (from, to) => {
    range.setStart(node, from);
    range.setEnd(node, to);
    return range.getBoundingClientRect();
  };
  pre.scrollIntoView({ block: "start" });
  pre.scrollTop += rectOf(at, at + 1).top - pre.getBoundingClientRect().top - 40;
  const first = rectOf(at, at + 1);
  const last = rectOf(at + quote.length - 1, at + quote.length);
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
}
"""


def test_selecting_a_quote_adds_a_fact_with_its_exact_offsets(open_browsing, admin_user):
    company = make_company(text=TEXT, card=card_for(TEXT))
    start = TEXT.index(QUOTE)
    end = start + len(QUOTE)
    staff = Client()
    staff.force_login(admin_user)
    browsing = open_browsing("desktop")
    page = browsing.page
    browsing.context.add_cookies(
        [{"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": browsing.base_url}]
    )
    page.goto(f"/admin/reviews/cardreview/{company.pk}/review/")
    expect(page.locator("#policy-text")).to_contain_text(QUOTE)

    spot = page.evaluate(LOCATE, QUOTE)
    page.mouse.move(spot["x1"], spot["y1"])
    page.mouse.down()
    page.mouse.move(spot["x2"], spot["y2"], steps=8)
    page.mouse.up()
    assert page.evaluate("() => window.getSelection().toString()") == QUOTE
    expect(page.locator("#selection")).to_contain_text(f"Selected {start}–{end}")

    form = page.locator("form", has=page.locator('input[name="prefix"][value="add"]'))
    form.get_by_role("button", name="Use the selected text").click()
    expect(form.locator(".sel-start")).to_have_value(str(start))
    expect(form.locator(".sel-end")).to_have_value(str(end))
    form.locator('select[name="add-section"]').select_option("collected")
    form.locator('input[name="add-code"]').fill("location")
    form.locator('textarea[name="add-reason"]').fill("The card missed the location sentence.")
    screenshot(page, "review-selection-desktop")
    form.get_by_role("button", name="Add").click()
    expect(page.locator(".messagelist")).to_contain_text("Recorded")

    decision = Decision.objects.get()
    assert decision.action == Action.ADD and decision.fact_key == "collected:location"
    assert decision.after["evidence"] == [{"quote": QUOTE, "start": start, "end": end}]
    assert TEXT[start:end] == QUOTE
    # The new fact is on the reviewed card, its quote shown with the same offsets.
    expect(page.locator("tr[class^=state-]", has=page.locator("code", has_text="collected:location"))).to_contain_text(
        f"{start}–{end}"
    )
    browsing.log.assert_clean("review page text selection")
