"""Atom feeds of policy changes, site-wide and per company."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from django.urls import resolve, reverse

from policies.ingest import Extracted
from policies.models import Company
from summaries.changes import CHANGES_VERSION, Change, as_stored
from summaries.models import Summary
from summaries.recording import record_version

ATOM = "{http://www.w3.org/2005/Atom}"

V1 = "Privacy policy. We collect your email address to send your receipts."
V2 = "Privacy policy. We collect your email address. We sell your data to advertisers."
V3 = "Privacy policy.  We collect your email address.  We sell your data to advertisers."  # extractor only


def record(company, text: str, **kwargs):
    extracted = Extracted(text=text, media_type="text/plain", extension="txt")
    return record_version(company, extracted, original=text.encode(), **kwargs).version


@pytest.fixture
def history(company):
    return [record(company, V1), record(company, V2), record(company, V3, extractor_change=True)]


def entries(response) -> list[ElementTree.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text
    assert root.find(f"{ATOM}id").text and root.find(f"{ATOM}updated").text
    return root.findall(f"{ATOM}entry")


def test_company_feed_has_one_entry_per_real_version(client, company, history):
    found = entries(client.get("/feeds/c/acme-home.atom"))
    titles = [entry.find(f"{ATOM}title").text for entry in found]
    assert titles == ["Acme Home: privacy policy changed (version 2)", "Acme Home: first version recorded"]
    links = [entry.find(f"{ATOM}link").get("href") for entry in found]
    assert links[0] == "http://testserver/c/acme-home/diff/?a=1&b=2"
    assert links[1] == "http://testserver/c/acme-home/v/1/"
    for entry in found:
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text


def no_comparing(monkeypatch) -> None:
    """Any card comparison from here on fails the test: a feed reads the changes stored at record time."""

    def refuse(*args, **kwargs):
        raise AssertionError("card_changes was called on a request")

    monkeypatch.setattr("summaries.changes._Texts", refuse)


def stored(version, changes) -> None:
    Summary.objects.filter(version=version).update(changes=changes, changes_version=CHANGES_VERSION)


def test_entries_carry_the_card_level_changes_stored_at_record_time(client, company, history, monkeypatch):
    [first, second, _] = history
    assert Summary.objects.get(version=second).changes  # derived when version 2 was recorded
    stored(second, as_stored([Change("shared", "added", "Now shares your data with advertisers <and> others")]))
    no_comparing(monkeypatch)
    [changed, first] = entries(client.get("/feeds/c/acme-home.atom"))
    summary = changed.find(f"{ATOM}summary").text
    assert "<li>Now shares your data with advertisers &lt;and&gt; others</li>" in summary
    assert "first version" in first.find(f"{ATOM}summary").text


def test_no_card_change_says_only_the_wording_changed(client, company, history, monkeypatch):
    stored(history[1], [])
    no_comparing(monkeypatch)
    [changed, _] = entries(client.get("/feeds/c/acme-home.atom"))
    assert "wording changed" in changed.find(f"{ATOM}summary").text


def test_changes_not_derived_yet_are_said_so(client, company, history, monkeypatch):
    Summary.objects.filter(version=history[1]).update(changes=None, changes_version="")
    no_comparing(monkeypatch)
    [changed, _] = entries(client.get("/feeds/c/acme-home.atom"))
    assert "being worked out" in changed.find(f"{ATOM}summary").text


def test_site_feed_lists_every_company(client, company, history):
    other = Company.objects.create(name="Other Shop", slug="other-shop")
    record(other, V1)
    found = entries(client.get("/feeds/changes.atom"))
    titles = {entry.find(f"{ATOM}title").text for entry in found}
    assert titles == {
        "Acme Home: privacy policy changed (version 2)",
        "Acme Home: first version recorded",
        "Other Shop: first version recorded",
    }


def test_feeds_with_real_card_changes_render(client, company, history):
    assert len(entries(client.get("/feeds/changes.atom"))) == 2


def test_unknown_company_feed_is_404(client, db):
    assert client.get("/feeds/c/nobody.atom").status_code == 404
    assert client.get("/feeds/nobody.atom").status_code == 404  # the old address: no redirect to a 404


def test_feed_of_company_without_versions_is_not_public(client, company):
    assert client.get("/feeds/c/acme-home.atom").status_code == 404


def test_old_company_feed_address_redirects_permanently(client, company, history):
    response = client.get("/feeds/acme-home.atom")
    assert response.status_code == 301
    assert response["Location"] == "/feeds/c/acme-home.atom"
    assert len(entries(client.get(response["Location"]))) == 2


def test_a_company_called_changes_has_its_own_feed_and_the_site_feed_stays(client, company, history):
    changes = Company.objects.create(name="Changes Ltd", slug="changes")
    record(changes, V1)
    own = entries(client.get(reverse("feed-company", args=["changes"])))
    assert [e.find(f"{ATOM}title").text for e in own] == ["Changes Ltd: first version recorded"]
    site = entries(client.get("/feeds/changes.atom"))
    assert len(site) == 3  # both companies: still the site-wide feed
    root = ElementTree.fromstring(client.get("/feeds/changes.atom").content)  # noqa: S314 - our own feed
    assert root.find(f"{ATOM}title").text == "Fineprint: privacy policy changes"


@pytest.mark.parametrize("slug", ["changes", "c", "feeds", "admin", "changes-atom", "x"])
def test_no_slug_resolves_to_anything_but_its_company_feed(slug):
    address = reverse("feed-company", args=[slug])
    assert address == f"/feeds/c/{slug}.atom"
    assert resolve(address).url_name == "feed-company"
    assert resolve(address).kwargs == {"slug": slug}
