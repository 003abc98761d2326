"""Bounded public pages: the diff is cached per pair, diff and search have per-visitor rate limits."""

from __future__ import annotations

import pytest

from pages.views import diff as diff_view
from tests.pages.factories import POLICY, add_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(juniper):
    add_version(juniper, POLICY + "\n\nWe now also sell your data.")
    return juniper


def test_the_diff_of_a_pair_is_computed_once(client, two_versions, monkeypatch):
    calls = []
    real = diff_view.text_diff
    monkeypatch.setattr(diff_view, "text_diff", lambda a, b: calls.append(1) or real(a, b))
    first = client.get("/c/juniper/diff/?a=1&b=2")
    second = client.get("/c/juniper/diff/?a=1&b=2")
    assert first.status_code == second.status_code == 200
    assert b"We now also sell your data." in second.content
    assert len(calls) == 1


def test_diff_is_rate_limited_per_visitor(client, two_versions, settings):
    settings.PUBLIC_RATE_LIMITS = {"diff": "3/m"}
    codes = [client.get("/c/juniper/diff/", REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/c/juniper/diff/", REMOTE_ADDR="203.0.113.9")
    assert refused["Retry-After"] == "60"
    assert b"Too many requests" in refused.content
    assert client.get("/c/juniper/diff/", REMOTE_ADDR="198.51.100.1").status_code == 200  # someone else


def test_search_is_rate_limited_but_plain_browsing_is_not(client, juniper, settings):
    settings.PUBLIC_RATE_LIMITS = {"search": "2/m"}
    assert [client.get("/?q=jun").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/").status_code == 200


def test_behind_the_proxy_each_client_has_its_own_budget(client, two_versions, settings):
    settings.PUBLIC_RATE_LIMITS = {"diff": "1/m"}
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_REAL_IP"
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert client.get("/c/juniper/diff/", HTTP_X_REAL_IP="203.0.113.1", **via_proxy).status_code == 200
    assert client.get("/c/juniper/diff/", HTTP_X_REAL_IP="203.0.113.2", **via_proxy).status_code == 200
    assert client.get("/c/juniper/diff/", HTTP_X_REAL_IP="203.0.113.1", **via_proxy).status_code == 429
