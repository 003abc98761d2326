from __future__ import annotations

import pytest
from django.template import Context, Template

from pages.templatetags.fineprint import evidence_url, icon, safe_href
from summaries.parser.model import How


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("privacy@shop.example", "email", "mailto:privacy@shop.example"),
        ("not an email", "email", ""),
        ("(510) 603-7564", "phone", "tel:5106037564"),
        ("+1 510 603 7564", "phone", "tel:+15106037564"),
        ("call us", "phone", ""),
        ("1-800-FLOWERS", "phone", "tel:18003569377"),
        ("1-800-555-0199 ext. 12", "phone", "tel:18005550199"),
        ("https://shop.example/optout", "link", "https://shop.example/optout"),
        ("shop.example/privacy", "link", "https://shop.example/privacy"),
        ("javascript:alert(1)", "link", ""),
        ("data:text/html,hi", "web_form", ""),
        ("Settings > Privacy", "account_settings", ""),
    ],
)
def test_safe_href(value, kind, expected):
    assert safe_href(value, kind) == expected


def test_icon_is_decorative_and_only_known_names_reach_markup():
    svg = icon("cookies")
    assert 'aria-hidden="true"' in svg and "#i-cookies" in svg
    hostile = icon('"><script>')
    assert "<script>" not in hostile and "#i-other" in hostile


def test_evidence_url(db):
    assert evidence_url("shop", 2, 5, 9) == "/c/shop/v/2/?hl=5-9#hl"
    assert evidence_url("shop", 2, 5, 9, relative=True) == "v/2/?hl=5-9#hl"
    assert evidence_url("shop", 2, 9, 5) == ""
    assert evidence_url("shop", 2, "", "") == ""  # a template's missing quote (a grade point with none)


def test_how_text():
    from pages.templatetags.fineprint import how_text

    assert how_text(How(kind="phone", value="510 603 7564")) == "Call: 510 603 7564"
    assert how_text(How(kind="browser", value="your browser")) == "In your browser settings"
    assert how_text(How(kind="link", value="the link at the bottom of our emails")) == (
        "Use the link: the link at the bottom of our emails"
    )
    assert how_text(How(kind="link", value="https://x.example/")) == "Open the page: https://x.example/"
    assert how_text(How(kind="account_settings", value="")) == "In your account settings"


@pytest.mark.parametrize("sells", ["no", "yes", "unknown", "", None])
@pytest.mark.parametrize("ads", [True, False, None])
@pytest.mark.parametrize("deletion", [True, False, None])
@pytest.mark.parametrize("gpc", [True, False, None])
def test_badges_tag_gives_what_the_include_gives(sells, ads, deletion, gpc):
    values = {"sells": sells, "ads": ads, "deletion": deletion, "gpc": gpc}
    included = Template('{% include "pages/_badges.html" with sells=sells ads=ads deletion=deletion gpc=gpc %}').render(
        Context(values)
    )
    tagged = Template("{% load fineprint %}{% badges sells ads deletion gpc %}").render(Context(values))
    assert tagged == included


@pytest.mark.parametrize("prefix", ["/", "/fineprint/"])
@pytest.mark.parametrize(
    "args",
    ["'browse'", "'feed-changes'", "'company' slug", "'api-card' slug", "'version' slug 2", "'company' odd"],
)
def test_path_is_what_url_gives(args, prefix):
    """{% path %} writes what {% url %} writes, escaping included, under any script prefix; a slug the
    URL pattern does not take fails the same way."""
    from django.urls import NoReverseMatch, set_script_prefix

    context = Context({"slug": "acme-home", "odd": "a b&c"})
    set_script_prefix(prefix)
    try:
        try:
            want = Template("{% url " + args + " %}").render(context)
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                Template("{% load fineprint %}{% path " + args + " %}").render(context)
            return
        assert Template("{% load fineprint %}{% path " + args + " %}").render(context) == want
    finally:
        set_script_prefix("/")
