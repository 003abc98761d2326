"""The admin side: the review queue and its counts, checking a card fact by fact, reports and the audit log."""

from __future__ import annotations

import pytest

from reviews.models import CardReview, Decision, Report
from reviews.reviewed import reviewed_card
from tests.pages.factories import POLICY, make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def juniper():
    return make_company()


@pytest.fixture
def alice(client, admin_user):
    client.force_login(admin_user)
    return client


def review_url(company) -> str:
    return f"/admin/reviews/cardreview/{company.pk}/review/"


def post(client, company, prefix, **fields):
    data = {"prefix": prefix, **{f"{prefix}-{k}": v for k, v in fields.items()}}
    return client.post(review_url(company), data, follow=True)


def test_review_page_shows_every_fact_and_the_exact_text(alice, juniper):
    html = alice.get(review_url(juniper)).content.decode()
    assert "shared:advertisers" in html and "sells_data" in html and "effective_date" in html
    assert '<pre id="policy-text">\n' in html and "Juniper Hardware, 12 Elm Street" in html


def test_confirm_from_the_admin_records_who(alice, juniper, admin_user):
    response = post(alice, juniper, "shared:advertisers", fact_key="shared:advertisers", action="confirm", reason="ok")
    assert "Recorded" in response.content.decode()
    decision = Decision.objects.get()
    assert decision.decided_by == admin_user and decision.action == "confirm"


def test_correct_with_selected_offsets(alice, juniper):
    quote = "We share device identifiers and browsing data with advertising partners"
    start = POLICY.index(quote)
    post(
        alice,
        juniper,
        "shared:advertisers",
        fact_key="shared:advertisers",
        action="correct",
        code="marketing_partners",
        start=start,
        end=start + len(quote),
        reason="partners",
    )
    after = Decision.objects.get().after
    assert after["recipient"] == "marketing_partners"
    assert after["evidence"] == [{"quote": quote, "start": start, "end": start + len(quote)}]


def test_add_a_missed_fact_by_pasting_its_quote(alice, juniper):
    response = post(
        alice,
        juniper,
        "add",
        section="collected",
        action="add",
        code="online_activity",
        quote="the pages you visit",
        reason="missed",
    )
    assert "Recorded" in response.content.decode()
    juniper.refresh_from_db()
    card = reviewed_card(juniper.current_version)
    added = next(e for e in card.collected if e.type == "online_activity")
    ev = added.evidence[0]
    assert POLICY[ev.start : ev.end] == "the pages you visit" and added.review == "corrected"


def test_a_bad_decision_shows_the_error_and_records_nothing(alice, juniper):
    response = post(
        alice,
        juniper,
        "add",
        section="collected",
        action="add",
        code="online_activity",
        quote="not in the policy at all",
        reason="missed",
    )
    assert "not in the policy text" in response.content.decode()
    assert not Decision.objects.exists()


def test_confirm_all(alice, juniper):
    alice.post(review_url(juniper), {"confirm_all": "1", "reason": "read it"})
    assert Decision.objects.count() > 10
    assert CardReview.objects.get(company=juniper).unchecked == 0


def test_staff_without_permission_cannot_decide(client, staff_user, juniper):
    client.force_login(staff_user)
    assert client.get(review_url(juniper)).status_code == 403
    assert client.post(review_url(juniper), {"confirm_all": "1", "reason": "x"}).status_code == 403
    assert not Decision.objects.exists()


def test_audit_log_is_readable_but_never_editable(alice, juniper):
    post(alice, juniper, "sells_data", fact_key="sells_data", action="confirm", reason="ok")
    decision = Decision.objects.get()
    assert alice.get("/admin/reviews/decision/").status_code == 200
    page = alice.get(f"/admin/reviews/decision/{decision.pk}/change/").content.decode()
    assert "ok" in page and 'name="reason"' not in page
    assert alice.post(f"/admin/reviews/decision/{decision.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Decision.objects.count() == 1


def test_queue_and_index_counts(alice, client, juniper):
    other = make_company("Other Shop", "other")
    Report.objects.create(company=juniper, message="The ads point is wrong")
    index = alice.get("/admin/").content.decode()
    assert 'id="review-queue-counts"' in index and "Open reports from visitors" in index
    queue = alice.get("/admin/reviews/cardreview/").content.decode()
    assert "Juniper Hardware" in queue and "Other Shop" not in queue  # only what needs attention
    assert "Other Shop" in alice.get("/admin/reviews/cardreview/?queue=all").content.decode()
    assert other


def test_holding_a_card_from_the_queue(alice, client, juniper):
    alice.post(f"/admin/reviews/cardreview/{juniper.pk}/change/", {"held": "on"})
    assert CardReview.objects.get(company=juniper).held
    alice.logout()
    assert "Card being checked" in client.get("/c/juniper/").content.decode()


def test_add_a_policy_preview_links_to_the_review(alice, juniper):
    html = alice.get(f"/admin/policies/company/{juniper.pk}/versions/1/").content.decode()
    assert review_url(juniper) in html
