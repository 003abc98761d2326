from __future__ import annotations

import pytest

from policies.models import Company
from tests.pages.conftest import assert_fragment, assert_full_page, hx_get
from tests.pages.factories import POLICY, add_version, make_company, make_many

pytestmark = pytest.mark.django_db


def test_full_text_is_shown(client, juniper):
    html = assert_full_page(client.get("/c/juniper/v/1/"))
    assert "We honor Global Privacy Control signals sent by your browser." in html
    assert 'id="hl"' not in html


def test_highlight_wraps_the_span_in_a_mark(client, juniper):
    quote = "We do not sell your personal information."
    start = POLICY.index(quote)
    html = client.get(f"/c/juniper/v/1/?hl={start}-{start + len(quote)}").content.decode()
    assert f'<mark id="hl" tabindex="-1">{quote}</mark>' in html
    assert 'id="highlight-note"' in html


@pytest.mark.parametrize("hl", ["abc", "10-5", "0-999999", "5", "-1-4", "1-2-3", "9" * 40])
def test_bad_highlight_is_ignored_with_a_note(client, juniper, hl):
    response = client.get(f"/c/juniper/v/1/?hl={hl}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark" not in html
    assert 'id="bad-highlight"' in html


def test_text_is_escaped_inside_and_outside_the_highlight(client, db):
    text = "Intro <script>alert(1)</script> and <b>bold</b> end."
    company = Company.objects.create(name="Esc", slug="esc")
    add_version(company, text)
    start = text.index("<b>")
    html = client.get(f"/c/esc/v/1/?hl={start}-{start + 11}").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark id="hl" tabindex="-1">&lt;b&gt;bold&lt;/b&gt;</mark>' in html


def test_unknown_version_is_404(client, juniper):
    assert client.get("/c/juniper/v/9/").status_code == 404
    assert client.get("/c/nobody/v/1/").status_code == 404


def test_extractor_change_is_explained(client, juniper):
    add_version(juniper, POLICY + "\n", extractor_change=True)
    html = client.get("/c/juniper/v/2/").content.decode()
    assert 'id="extractor-note"' in html
    assert "re-extracted" in html


def test_htmx_returns_main_fragment(client, juniper):
    html = assert_fragment(hx_get(client, "/c/juniper/v/1/"))
    assert 'id="policy-text"' in html and html.lstrip().startswith("<title>")


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_many(count)
    with django_assert_max_num_queries(3):
        response = client.get("/c/shop-000/v/1/?hl=0-10")
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024


def test_csp_header(client, juniper):
    csp = client.get("/c/juniper/v/1/").headers["Content-Security-Policy"]
    assert "'nonce-" in csp and "unsafe-inline" not in csp


def test_many_versions_list_is_capped(client, db):
    company = make_company("Busy", "busy")
    for i in range(60):
        add_version(company, POLICY + f"\nRevision {i}.")
    html = client.get("/c/busy/v/1/").content.decode()
    assert html.count('href="/c/busy/v/') <= 50
