"""What visitors see: review labels that match the API, the grade, held cards, and reporting a problem."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.test import Client

from policies.models import PolicyVersion
from reviews import facts
from reviews.decide import Proposal, record
from reviews.forms import MAX_MESSAGE
from reviews.models import CardReview, Report
from tests.pages.conftest import text_of
from tests.pages.factories import POLICY, add_card, add_version, card_for, make_company

pytestmark = pytest.mark.django_db
SECRET = "ZQX-visitor-wrote-this-9431"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture
def juniper():
    return make_company()


def v1(company) -> PolicyVersion:
    return company.versions.get(sequence=1)


def item_html(html: str, item_id: str) -> str:
    """One card item's markup up to its review line (label and report link)."""
    rest = html.split(f'id="{item_id}"')[1]
    return rest[: rest.index('<p class="review">')] + re.search(r'<p class="review">.*?</p>', rest, re.S).group(0)


def api_states(client) -> dict[str, str]:
    card = client.get("/api/c/juniper/card.json").json()["card"]
    return {facts.entry_key(s, e): e["review"] for s in facts.LIST_SECTIONS for e in card[s]}


def test_every_entry_in_the_api_carries_a_review_state_and_the_card_a_grade(client, juniper):
    data = client.get("/api/c/juniper/card.json").json()
    assert set(api_states(client).values()) == {"machine"}
    grade = data["card"]["grade"]
    assert grade["value"] == "B" and {p["code"] for p in grade["points"]} >= {"honours_gpc", "shares_with_advertisers"}
    for point in grade["points"]:
        for item in point["evidence"]:
            assert POLICY[item["start"] : item["end"]] == item["quote"]


def test_public_label_and_api_state_match_the_decision(client, juniper, admin_user):
    record(v1(juniper), Proposal("shared:advertisers", "confirm", "ok"), admin_user)
    record(v1(juniper), Proposal("choices:deletion", "correct", "form", how=[{"kind": "web_form", "value": "x"}]))
    states = api_states(client)
    assert states["shared:advertisers"] == "confirmed"
    assert states["choices:deletion"] == "corrected"
    assert states["collected:contact"] == "machine"
    html = client.get("/c/juniper/").content.decode()
    item = item_html(html, "shared-advertisers")
    assert "Checked by our team on" in item
    assert "Read automatically" in item_html(html, "collected-contact")


def test_vanished_quote_shows_may_be_out_of_date_and_api_says_needs_review(client, juniper, admin_user):
    record(v1(juniper), Proposal("choices:deletion", "confirm", "ok"), admin_user)
    text = POLICY.replace("You may request deletion of your personal information", "Deletion requests are welcome")
    machine = card_for(text)
    machine["choices"][1]["evidence"] = [
        {
            "quote": "Deletion requests",
            "start": text.index("Deletion requests"),
            "end": text.index("Deletion requests") + 17,
        }
    ]
    add_card(add_version(juniper, text), machine)
    assert api_states(client)["choices:deletion"] == "needs_review"
    item = item_html(client.get("/c/juniper/").content.decode(), "choice-deletion")
    assert "May be out of date" in item


def test_company_page_shows_the_grade_with_links_to_quotes(client, juniper):
    html = client.get("/c/juniper/").content.decode()
    panel = html.split('id="grade"')[1].split("How the grade is worked out")[0]
    assert "Grade B" in panel
    assert 'data-point="honours_gpc"' in panel and "/c/juniper/v/1/?hl=" in panel


def test_thin_card_says_not_enough_information(client, db):
    make_company(card=card_for(collected=[], shared=[]))
    assert "Not enough information for a grade" in client.get("/c/juniper/").content.decode()
    assert client.get("/api/c/juniper/card.json").json()["card"]["grade"]["value"] is None


def test_held_card_is_off_public_pages_and_the_api(client, juniper):
    CardReview.objects.filter(company=juniper).update(held=True)
    html = client.get("/c/juniper/").content.decode()
    assert "Card being checked" in html and "AdNet Co" not in html
    data = client.get("/api/c/juniper/card.json").json()
    assert data["card"] is None and data["held"] is True
    assert client.get("/api/c/juniper/v/1.json").json()["card"] is None


# --- reporting a problem ---------------------------------------------------------------


def test_every_fact_and_the_card_have_a_report_link(client, juniper):
    html = client.get("/c/juniper/").content.decode()
    assert html.count('href="report/?fact=') == html.count('class="review"') >= 15
    assert 'id="report-card"' in html


def test_report_form_works_without_javascript_and_goes_to_the_queue(client, juniper):
    page = client.get("/c/juniper/report/?fact=shared:advertisers")
    assert page.status_code == 200 and "Shared with: Advertisers" in page.content.decode()
    response = client.post("/c/juniper/report/", {"fact": "shared:advertisers", "message": SECRET, "website": ""})
    assert response.status_code == 302 and response["Location"] == "/c/juniper/report/?sent=1"
    report = Report.objects.get()
    assert (report.fact_key, report.message, report.status) == ("shared:advertisers", SECRET, "open")
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_the_report_pages_query_string_goes_through_a_lenient_form(client, juniper):
    gone = client.get("/c/juniper/report/?fact=shared:aliens").content.decode()
    assert "Shared with: Aliens" in gone and '<input type="hidden" name="fact" id="id_fact">' in gone  # not on the card
    kept = client.get("/c/juniper/report/?fact=shared:advertisers").content.decode()
    assert 'name="fact" value="shared:advertisers"' in kept and 'id="report-sent"' not in kept
    assert 'id="report-sent"' in client.get("/c/juniper/report/?sent=1").content.decode()
    assert 'id="report-sent"' not in client.get("/c/juniper/report/?sent=no").content.decode()
    assert client.get("/c/juniper/report/?fact=" + "x" * 5000).status_code == 200


def test_nothing_a_visitor_writes_appears_on_public_pages(client, juniper):
    client.post("/c/juniper/report/", {"fact": "", "message": SECRET, "website": ""})
    assert Report.objects.count() == 1
    for url in [
        "/",
        "/c/juniper/",
        "/c/juniper/history/",
        "/c/juniper/v/1/",
        "/api/c/juniper/card.json",
        "/api/companies.json",
        "/feeds/changes.atom",
        "/feeds/c/juniper.atom",
        "/about/",
        "/c/juniper/report/?sent=1",
    ]:
        assert SECRET not in client.get(url).content.decode(), url


def test_honeypot_is_refused(client, juniper):
    response = client.post("/c/juniper/report/", {"message": "The card is wrong", "website": "http://spam.example"})
    assert response.status_code == 400 and "looks automated" in response.content.decode()
    assert not Report.objects.exists()


def test_oversize_message_is_refused(client, juniper):
    response = client.post("/c/juniper/report/", {"message": "x" * (MAX_MESSAGE + 1), "website": ""})
    assert response.status_code == 400 and f"at most {MAX_MESSAGE} characters" in text_of(response.content.decode())
    assert not Report.objects.exists()


def test_unknown_fact_is_refused_with_a_clear_message(client, juniper):
    response = client.post("/c/juniper/report/", {"fact": "shared:nobody", "message": "Wrong!", "website": ""})
    assert response.status_code == 400 and "not on this card" in response.content.decode()


def test_csrf_is_enforced(juniper):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/c/juniper/report/", {"message": "The card is wrong", "website": ""}).status_code == 403
    page = strict.get("/c/juniper/report/")
    token = page.cookies["csrftoken"].value
    ok = strict.post("/c/juniper/report/", {"message": "The card is wrong", "csrfmiddlewaretoken": token})
    assert ok.status_code == 302 and Report.objects.count() == 1


def test_rate_limit_refuses_the_next_report_with_a_clear_message(client, juniper, settings):
    settings.REPORT_RATE = "3/h"
    for n in range(3):
        assert client.post("/c/juniper/report/", {"message": f"Problem number {n}"}).status_code == 302
    refused = client.post("/c/juniper/report/", {"message": "Problem number 4"})
    assert refused.status_code == 429
    assert "can't take another one from your address" in text_of(refused.content.decode())
    assert Report.objects.count() == 3
    # Another address is not affected.
    assert client.post("/c/juniper/report/", {"message": "From elsewhere"}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_report_page_for_unknown_company_is_404(client, db):
    assert client.get("/c/nobody/report/").status_code == 404


def test_compare_reads_the_reviewed_card(client, juniper, admin_user):
    """Compare types the reviewed card (people's marks ride along as extra fields) and shows the decisions."""
    make_company("Grim Goods", "grim")
    record(v1(juniper), Proposal("shared:advertisers", "reject", "Only analytics."), admin_user)
    record(v1(juniper), Proposal("sells_data", "correct", "Sells lists.", value="yes"), admin_user)
    record(v1(juniper), Proposal("children_min_age", "correct", "Misread.", value="16"), admin_user)
    response = client.get("/compare/?c=juniper,grim")
    assert response.status_code == 200
    columns = response.context["columns"]
    card = columns[0]["card"]
    assert card.sells_data.value == "yes" and card.sells_data.review == "corrected"
    assert "advertisers" not in {item.recipient for item in card.shared}
    rows = {row["label"]: row for section in response.context["sections"] for row in section["rows"]}
    assert rows["Sells your data?"]["cells"][0]["text"] == "Sells or shares your data"
    assert card.facts.children_min_age.value == 16
    assert rows["Minimum age"]["cells"][0]["text"] == "16 or older"
