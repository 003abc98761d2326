from __future__ import annotations

import pytest

from pages.views.company import card_facts
from policies.ingest import from_text
from policies.models import Company
from reviews.decide import Proposal, record
from reviews.reviewed import reviewed_card
from summaries.parser import codes
from summaries.recording import record_version
from tests.pages.conftest import assert_fragment, assert_full_page, hx_get, text_of
from tests.pages.factories import POLICY, add_card, add_version, card_for, ev, make_company, make_many
from tests.pages.htmx import is_boosted

pytestmark = pytest.mark.django_db


def test_four_sections_and_facts(client, juniper):
    html = assert_full_page(client.get("/c/juniper/"))
    for section in ("What's collected", "Who it's shared with", "Your choices", "Contacts", "The facts"):
        assert section.replace("'", "&#x27;") in html or section in html
    words = text_of(html)
    assert "Contact details" in words and "For example: name, email address" in words
    assert "Advertisers" in words and "Named: AdNet Co" in words
    assert "Says it does not sell your data" in words
    assert "Ignores Do Not Track" in words
    assert "13 or older" in words
    assert "As long as they need it: while your account is active" in words
    assert "US school grade 9" in words
    assert "about 2 minutes to read" in words


def test_choices_are_actions_with_real_links(client, juniper):
    html = client.get("/c/juniper/").content.decode()
    assert 'href="mailto:privacy@juniper.example"' in html
    assert 'href="tel:18005550199"' in html
    assert 'href="https://juniper.example/unsubscribe"' in html
    assert "Delete your data" in html


def test_every_fact_expands_to_its_quote_with_a_link_into_the_policy(client, juniper):
    html = client.get("/c/juniper/").content.decode()
    quote = "We do not respond to Do Not Track signals."
    start = POLICY.index(quote)
    assert '<details class="evidence">' in html
    assert quote in html
    # Relative to the company page, /c/juniper/.
    assert f'href="v/1/?hl={start}-{start + len(quote)}#hl"' in html


def test_evidence_quotes_are_escaped(client, db):
    text = "<script>alert('owned')</script> We do not sell your personal information."
    card = card_for(text, collected=[], shared=[], choices=[], contacts=[])
    card["sells_data"] = {"value": "no", "evidence": ev(text, "<script>alert('owned')</script>")}
    make_company("Script Shop", "script-shop", text=text, card=card)
    html = client.get("/c/script-shop/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in html


def test_unsafe_link_values_are_shown_as_text(client, db):
    card = card_for(POLICY)
    card["choices"][0]["how"] = [{"kind": "link", "value": "javascript:alert(1)"}]
    make_company("Sneaky", "sneaky", card=card)
    html = client.get("/c/sneaky/").content.decode()
    assert 'href="javascript:' not in html
    assert "javascript:alert(1)" in html


def test_card_warnings_are_shown(client, db):
    make_company("Not A Policy", "nap", card=card_for(POLICY, warnings=["not_a_privacy_policy"]))
    html = client.get("/c/nap/").content.decode()
    assert 'id="card-warnings"' in html
    assert "may not be a privacy policy" in html


def test_company_without_a_version_is_not_public(client, db):
    make_company("Empty", "empty", text=None)  # e.g. created for an import that then failed
    assert client.get("/c/empty/").status_code == 404


def test_version_without_card_says_so(client, db):
    company = Company.objects.create(name="Pending", slug="pending")
    add_version(company, POLICY)
    assert 'id="no-card"' in client.get("/c/pending/").content.decode()


def test_card_from_the_real_parser_renders(client, db):
    company = Company.objects.create(name="Parsed", slug="parsed")
    record_version(company, from_text(POLICY), original=POLICY.encode())
    response = client.get("/c/parsed/")
    assert response.status_code == 200
    assert "At a glance" in response.content.decode()


def test_latest_card_wins(client, juniper):
    text = POLICY.replace("We do not sell your personal information.", "We sell your personal information.")
    version = add_version(juniper, text)
    add_card(version, card_for(text, sells_data={"value": "yes", "evidence": ev(text, "We sell your personal")}))
    words = text_of(client.get("/c/juniper/").content.decode())
    assert "Sells or shares your data" in words
    assert "History (2 versions)" in words


def test_compare_with_form_works_without_js(client, juniper):
    html = client.get("/c/juniper/").content.decode()
    assert 'action="/compare/"' in html
    assert '<input type="hidden" name="c" value="juniper">' in html
    assert '<label for="compare-add">' in html


def test_htmx_returns_main_fragment(client, juniper):
    html = assert_fragment(hx_get(client, "/c/juniper/"))
    assert "<title>Juniper Hardware · Fineprint</title>" in html
    assert 'id="collected"' in html


def test_unknown_company_is_404_page(client, db, settings):
    settings.DEBUG = False
    response = client.get("/c/no-such-shop/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert "Traceback" not in html
    assert '<main id="main"' in html
    fragment = hx_get(client, "/c/no-such-shop/")
    assert fragment.status_code == 404
    assert "<!doctype" not in fragment.content.decode().lower()
    assert "We couldn't find that page" in fragment.content.decode()


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_many(count)
    # company, version, card, people's decisions on it; whatever the number of companies
    with django_assert_max_num_queries(5):
        response = client.get("/c/shop-000/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


def test_csp_header(client, juniper):
    csp = client.get("/c/juniper/").headers["Content-Security-Policy"]
    assert "'nonce-" in csp and "unsafe-inline" not in csp


def test_maximal_card_stays_under_100_kb(client, db):
    from summaries.parser import codes

    text = ("We collect and share a great deal of information about you for many reasons. " * 30).strip()
    evidence = [{"quote": text[:1000], "start": 0, "end": 1000}] * 4
    card = card_for(POLICY)
    card["collected"] = [
        {"type": code, "examples": ["one", "two", "three"], "sources": ["you", "automatic"], "evidence": evidence}
        for code in codes.COLLECTED
    ]
    card["shared"] = [
        {
            "recipient": code,
            "names": ["A", "B"],
            "purposes": ["advertising"],
            "data_types": ["contact"],
            "evidence": evidence,
        }
        for code in codes.RECIPIENTS
    ]
    card["choices"] = [
        {"type": code, "how": [{"kind": "link", "value": "https://x.example/" + code}], "evidence": evidence}
        for code in codes.CHOICES
    ]
    card["contacts"] = [
        {
            "kind": "email",
            "value": f"c{i}@x.example",
            "normalized": f"c{i}@x.example",
            "label": "",
            "evidence": evidence,
        }
        for i in range(10)
    ]
    for fact in card["facts"].values():
        fact["evidence"] = evidence
    make_company("Maximal", "maximal", text=text, card=card)
    response = client.get("/c/maximal/")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024, len(response.content)


def test_real_seed_policies_render_within_limits(client, db):
    from tests.conftest import shared_or_skip

    seeds = sorted(shared_or_skip("seeds").glob("*.txt"))
    for index, path in enumerate(seeds):
        company = Company.objects.create(name=f"Seed {index}", slug=f"seed-{index}")
        text = path.read_text(encoding="utf-8")
        record_version(company, from_text(text), original=text.encode())
        response = client.get(f"/c/seed-{index}/")
        assert response.status_code == 200
        assert len(response.content) < 100 * 1024, (path.name, len(response.content))
        assert "<script>alert" not in response.content.decode()
    response = client.get("/compare/?c=" + ",".join(f"seed-{i}" for i in range(min(4, len(seeds)))))
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


@pytest.mark.parametrize("url", ["/c/juniper/", "/c/juniper/history/"])
def test_company_pages_announce_and_link_the_company_feed(client, juniper, url):
    html = client.get(url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feeds/c/juniper.atom" type="application/atom+xml"' in html
    # A boosted link would swap the feed's XML into the page instead of opening it.
    assert not is_boosted(html, "/feeds/c/juniper.atom")
    assert 'href="/feeds/changes.atom"' in html


def test_contacts_show_the_few_that_matter_and_put_the_rest_and_regulators_apart(client, db):
    contacts = [
        {
            "kind": "url",
            "value": f"https://shop.example/page{n}",
            "normalized": f"shop.example/page{n}",
            "label": "privacy",
            "role": "privacy_team",
            "evidence": [],
        }
        for n in range(6)
    ]
    contacts.append(
        {
            "kind": "url",
            "value": "https://ico.org.uk/",
            "normalized": "ico.org.uk",
            "label": "regulator",
            "role": "regulator",
            "evidence": [],
        }
    )
    card = card_for(POLICY, contacts=contacts)
    make_company("Many Links", "many-links", card=card)
    html = client.get("/c/many-links/").content.decode()
    top, rest = html.split('<details class="more-contacts"', 1)
    assert "shop.example/page3" in top and "shop.example/page4" not in top
    assert "More contacts (2)" in rest and "shop.example/page5" in rest
    assert "Complain to a regulator" in html and "Regulator" in text_of(html)
    assert "Privacy team" in text_of(html)


def test_a_right_without_a_way_says_so_and_the_policy_date_is_its_own(client, db):
    card = card_for(POLICY)
    card["choices"] = [{"type": "deletion", "how": [], "evidence": ev(POLICY, POLICY.split(".")[0])}]
    card["effective_date"], card["effective_date_precision"] = "2026-08-01", "month"
    make_company("No Way", "no-way", card=card)
    words = text_of(client.get("/c/no-way/").content.decode())
    assert "gives no way to use it" in words
    assert "August 2026" in words and "1 August 2026" not in words
    assert "Checked on" in words


def test_the_facts_rows_come_from_the_typed_card_with_marks_on_the_two_a_person_checks(db, admin_user):
    version = make_company().versions.get()
    record(version, Proposal("do_not_track", "confirm", "Says so."), admin_user)
    rows = {row.name: row for row in card_facts(reviewed_card(version))}
    assert list(rows) == [fact.value for fact in codes.Fact]
    assert rows["do_not_track"].review == "confirmed" and rows["do_not_track"].checked_on
    assert rows["children_min_age"].checkable and rows["children_min_age"].review == "machine"
    assert rows["children_min_age"].value == "13 or older"
    assert not rows["retention"].checkable and rows["retention"].review is None
    assert rows["retention"].value == "As long as they need it: while your account is active"
    assert rows["security"].stated is False and rows["retention"].evidence[0].quote.startswith("We keep")
