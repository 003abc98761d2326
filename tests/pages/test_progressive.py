"""Rules every public page keeps: works without JS, labelled controls, CSP, size, landmarks."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.pages.factories import POLICY, add_card, add_version, card_for, make_company

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/?q=jun&deletion=1&sort=recent",
    "/about/",
    "/compare/",
    "/compare/?c=juniper,bramble",
    "/compare/?c=juniper&add=b",
    "/c/juniper/",
    "/c/juniper/v/1/?hl=0-20",
    "/c/juniper/history/",
    "/c/juniper/diff/",
]


@pytest.fixture
def site(juniper):
    add_card(add_version(juniper, POLICY + "\nA new sentence."), card_for(POLICY))
    make_company("Bramble Books", "bramble")
    make_company("Birch Goods", "birch")


@pytest.mark.parametrize("url", URLS)
def test_page_rules(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024
    csp = response.headers["Content-Security-Policy"]
    assert "'nonce-" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    soup = BeautifulSoup(response.content, "html.parser")

    # Landmarks and the skip link.
    assert soup.find("main", id="main") and soup.find("header") and soup.find("footer")
    assert soup.find("a", class_="skip-link", href="#main")
    assert len(soup.find_all("h1")) == 1

    # Every htmx link is a real link, every htmx control sits in a form that submits without JS.
    for element in soup.select("[hx-get], [hx-post]"):
        if element.name == "a":
            assert element.get("href"), element
        elif element.name in ("input", "select"):
            form = element.find_parent("form")
            assert form is not None and form.get("action"), element
        else:
            assert element.name == "form" and element.get("action"), element
    assert not soup.select("[hx-post], [hx-delete], [hx-put]")  # nothing changes state from these pages

    # Every visible control has a label.
    for control in soup.select("input, select, textarea"):
        if control.get("type") == "hidden":
            continue
        assert control.get("id"), control
        assert soup.find("label", attrs={"for": control["id"]}), control

    # No inline scripts, handlers or styles: the CSP would refuse them.
    for script in soup.find_all("script"):
        assert script.get("src"), script
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag.name
        assert "style" not in tag.attrs, tag.name


@pytest.mark.parametrize("url", URLS)
def test_htmx_fragment_of_every_page(client, site, url):
    response = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="main")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<!doctype" not in html.lower()
    assert html.lstrip().startswith("<title>")
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_full_page(client, site):
    response = client.get("/", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert response.content.decode().lstrip().lower().startswith("<!doctype html>")
