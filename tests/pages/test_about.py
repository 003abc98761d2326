from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from tests.pages.conftest import assert_fragment, assert_full_page, hx_get

pytestmark = pytest.mark.django_db


def test_method_page_explains_cards(client):
    html = assert_full_page(client.get("/about/"))
    assert "made by a computer program" in html
    assert "See it in the policy" in html
    assert 'aria-current="page">How we make cards' in html


def test_method_page_credits_the_data_the_classifier_and_archive_come_from(client):
    html = client.get("/about/").content.decode()
    assert 'href="https://opentermsarchive.org/"' in html and "ODC-BY 1.0" in html
    assert 'href="https://tosdr.org/"' in html and "CC BY-SA 3.0" in html


def test_method_page_fragment(client):
    html = assert_fragment(hx_get(client, "/about/"))
    assert "<title>How we make cards · Fineprint</title>" in html


def test_site_chrome_landmarks_and_skip_link(client):
    html = client.get("/about/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert '<footer class="site-footer">' in html
    assert '<main id="main"' in html
    assert '<html lang="en">' in html


def test_unknown_url_uses_the_site_404(client, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html and "Browse all companies" in html


def test_500_template_has_no_traceback_and_needs_no_context():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html
    assert "<script" not in html


def test_server_error_renders_500_page(client, settings, monkeypatch):
    settings.DEBUG = False
    from pages.views import about as about_module

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(about_module, "render_page", boom)
    client.raise_request_exception = False
    response = client.get("/about/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "kaboom" not in html


def test_static_js_has_no_eval(settings):
    from pathlib import Path

    js = (Path(settings.BASE_DIR) / "static" / "pages" / "site.js").read_text()
    assert "eval(" not in js and "innerHTML" not in js
