"""Every public page is read-only: GET and HEAD only, so nothing changes state behind a link."""

from __future__ import annotations

import pytest

from tests.pages.factories import make_company

PAGES = [
    "/",
    "/about/",
    "/compare/?c=juniper",
    "/c/juniper/",
    "/c/juniper/history/",
    "/c/juniper/diff/",
    "/c/juniper/v/1/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_refuse_post_and_answer_head(client, path):
    make_company()
    assert client.post(path).status_code == 405
    assert client.head(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/feeds/changes.atom", "/feeds/c/juniper.atom", "/feeds/juniper.atom"])
def test_feeds_refuse_post(client, path):
    make_company()
    assert client.post(path).status_code == 405
    assert client.head(path).status_code in (200, 301)


@pytest.mark.django_db
def test_the_report_form_takes_get_and_post_only(client):
    make_company()
    assert client.get("/c/juniper/report/").status_code == 200
    assert client.put("/c/juniper/report/").status_code == 405
    assert client.delete("/c/juniper/report/").status_code == 405
