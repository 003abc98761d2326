"""Fixtures for the public pages: companies with hand-written cards, and an htmx-speaking client."""

from __future__ import annotations

import re

import pytest

from tests.pages.factories import make_company, make_many

MAX_HTML_BYTES = 100 * 1024


@pytest.fixture
def juniper(db):
    """Juniper Hardware: one version, a full card that shares with advertisers but does not sell."""
    return make_company()


@pytest.fixture
def fifty(db):
    return make_many(50)


def hx_get(client, url: str, target: str = "main", **extra):
    """A request as htmx sends it: HX-Request plus the id of the element it will swap."""
    return client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=target, **extra)


def assert_full_page(response) -> str:
    html = response.content.decode()
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<main id="main"' in html
    assert len(response.content) < MAX_HTML_BYTES
    return html


def assert_fragment(response) -> str:
    html = response.content.decode()
    assert "<!doctype" not in html.lower()
    assert 'class="site-header"' not in html
    assert "HX-Request" in response.headers.get("Vary", "")
    return html


def text_of(html: str) -> str:
    """Visible text, roughly: tags dropped and whitespace squeezed, for phrase assertions."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
