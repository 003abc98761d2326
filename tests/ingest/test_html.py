"""HTML pages: the policy without the page's chrome, with its structure kept."""

from __future__ import annotations

import pytest

from policies.ingest import IngestError, extract

SHOP_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy | Acme</title>
<style>p { color: red }</style><script>var tracking = "Privacy script text";</script></head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<div class="announcement-bar">Free shipping over $50</div>
<header class="site-header"><div class="logo">Acme Store</div>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop all</a></li></ul></nav>
  <div class="currency-selector"><select><option>USD</option><option>EUR</option></select></div>
  <div class="language-picker">English Deutsch Français</div>
  <a href="/cart" class="header-cart">Bag (0)</a>
</header>
<noscript>Please enable JavaScript</noscript>
<main id="main">
  <h1>Privacy Policy</h1>
  <p>Last updated: May 9, 2023</p>
  <p>At Acme Home, we   respect your <b>privacy</b>.</p>
  <h2>Cookies</h2>
  <p>We use cookies. You can accept or refuse cookies in your browser settings.</p>
  <form class="newsletter"><input type="email"><button>Subscribe now</button></form>
</main>
<aside>Related products you may like</aside>
<div id="cookie-banner" class="cookie-notice"><p>We use cookies to improve your experience.</p>
  <button>Accept all</button></div>
<div id="onetrust-consent-sdk"><div>Privacy Preference Center: manage consent</div></div>
<footer><p>© 2023 Acme Store</p><a href="/privacy">Privacy</a></footer>
<script>window.dataLayer = [];</script>
</body></html>"""


def html(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def text_of(body: str, head: str = "") -> str:
    return extract(html(body, head), "policy.html").text


def test_shop_page_keeps_only_the_policy():
    result = extract(SHOP_PAGE.encode(), "privacy.html")
    assert result.media_type == "text/html"
    assert result.extension == "html"
    assert result.text == (
        "Privacy Policy\n\nLast updated: May 9, 2023\n\nAt Acme Home, we respect your privacy.\n\n"
        "Cookies\n\nWe use cookies. You can accept or refuse cookies in your browser settings."
    )


def test_chrome_is_dropped_even_without_main():
    page = SHOP_PAGE.replace('<main id="main">', "<div>").replace("</main>", "</div>")
    text = extract(page.encode(), "privacy.html").text
    assert text.startswith("Privacy Policy\n\nLast updated: May 9, 2023")
    for chrome in (
        "Skip to",
        "Free shipping",
        "Acme Store",
        "Shop all",
        "USD",
        "Deutsch",
        "Bag (0)",
        "JavaScript",
        "Subscribe",
        "Related products",
        "improve your experience",
        "Preference Center",
        "©",
        "script",
    ):
        assert chrome not in text, chrome


def test_htm_extension_is_html():
    result = extract(SHOP_PAGE.encode(), "privacy.HTM")
    assert result.extension == "html"
    assert "Bag (0)" not in result.text


def test_article_is_preferred_to_the_rest_of_the_page():
    body = (
        "<div class='promo'><p>Summer sale on all sofas and chairs this week only</p></div>"
        "<article><h1>Privacy Notice</h1><p>We collect your name and address to deliver your order.</p>"
        "<p>We keep it for as long as your account is open.</p></article>"
    )
    assert text_of(body) == (
        "Privacy Notice\n\nWe collect your name and address to deliver your order.\n\n"
        "We keep it for as long as your account is open."
    )


def test_a_small_main_does_not_hide_the_policy_beside_it():
    body = "<main><p>Hi</p></main><div><p>" + "We collect your name and address. " * 20 + "</p></div>"
    assert "We collect your name" in text_of(body)


def test_an_articles_own_header_keeps_the_title_and_date():
    body = (
        "<header><nav><a href='/'>Home</a></nav><p>Acme shop header</p></header>"
        "<article><header><h1>Privacy Policy</h1><p>Effective January 1, 2024</p></header>"
        "<p>We collect data.</p><footer><p>Last reviewed March 2024</p></footer></article>"
    )
    assert text_of(body) == (
        "Privacy Policy\n\nEffective January 1, 2024\n\nWe collect data.\n\nLast reviewed March 2024"
    )


def test_a_page_header_carrying_the_title_keeps_the_title_but_not_its_nav():
    body = "<header><nav><a href='/'>Home</a></nav><h1>Privacy Policy</h1></header><p>We collect your name.</p>"
    assert text_of(body) == "Privacy Policy\n\nWe collect your name."


def test_the_policys_own_cookie_section_is_kept():
    body = (
        "<h1>Privacy Policy</h1><section id='cookies' class='cookie-policy'><h2>Cookies</h2>"
        "<p>We use cookies. You can accept or reject them in your browser.</p></section>"
    )
    assert text_of(body) == (
        "Privacy Policy\n\nCookies\n\nWe use cookies. You can accept or reject them in your browser."
    )


def test_cookie_banners_are_dropped():
    body = (
        "<p>We collect your name.</p>"
        "<div class='gdpr-popup'><h3>Cookie settings</h3><p>Choose which cookies we use.</p></div>"
        "<div id='consent'><p>This site uses cookies. <a href='#'>Got it</a></p></div>"
        "<div class='CookieConsentBar'><span>We use cookies</span><button>OK</button></div>"
    )
    assert text_of(body) == "We collect your name."


def test_a_whole_page_form_is_not_mistaken_for_a_newsletter_form():
    body = "<form id='aspnetForm'><div><h1>Privacy Policy</h1><p>" + "We collect data. " * 30 + "</p></div></form>"
    assert text_of(body).startswith("Privacy Policy\n\nWe collect data.")


def test_content_with_an_unlucky_class_name_is_kept_when_large():
    body = "<div class='header-offset'><p>" + "We share data with carriers. " * 80 + "</p></div>"
    assert text_of(body).startswith("We share data with carriers.")


def test_headings_paragraphs_and_line_breaks():
    body = "<h2>Contact   us</h2><p>Acme Inc.<br>1 Main St<br/>Springfield</p><div>Call us</div><hr><p>Bye</p>"
    assert text_of(body) == "Contact us\n\nAcme Inc.\n1 Main St\nSpringfield\n\nCall us\n\nBye"


def test_list_items_are_lines_with_markers():
    body = (
        "<p>We collect:</p><ul><li>Name</li><li>Email<ul><li>Work email</li></ul></li><li> </li></ul>"
        "<ol start='3'><li>Access</li><li>Deletion</li></ol><ol type='a'><li>One</li><li>Two</li></ol>"
        "<ol type='I' reversed><li>Last</li><li>First</li></ol><p>After the lists.</p>"
    )
    assert text_of(body) == (
        "We collect:\n\n• Name\n• Email\n• Work email\n\n3. Access\n4. Deletion\n\na. One\nb. Two\n\n"
        "II. Last\nI. First\n\nAfter the lists."
    )


def test_list_items_holding_paragraphs_stay_one_item_each():
    body = "<ul><li><p>Access your data.</p></li><li><p>Delete your data.</p><p>Within 45 days.</p></li></ul>"
    assert text_of(body) == "• Access your data.\n• Delete your data.\nWithin 45 days."


def test_data_table_rows_are_lines_with_cells_joined():
    body = (
        "<table><caption>Categories</caption><thead><tr><th>Category</th><th>Examples</th><th></th></tr></thead>"
        "<tbody><tr><td>Identifiers</td><td><p>name,</p><p>email</p></td></tr><tr><td></td></tr></tbody></table>"
    )
    assert text_of(body) == "Categories\nCategory | Examples\nIdentifiers | name, email"


def test_layout_tables_are_read_as_blocks():
    long_text = "We collect your name and address when you order from us. " * 20
    body = f"<table><tr><td><h1>Privacy</h1><p>{long_text}</p></td><td><p>Sidebar note</p></td></tr></table>"
    text = text_of(body)
    assert text.startswith("Privacy\n\nWe collect your name")
    assert " | " not in text


def test_pre_keeps_its_lines():
    assert text_of("<pre>Acme Inc.\n  1 Main St\nSpringfield</pre>") == "Acme Inc.\n1 Main St\nSpringfield"


def test_cloudflare_hidden_address_stays_literal():
    body = (
        '<p>Write to <a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
        'data-cfemail="c4a7abaab0a5a7b084a5a7a9a1eaa7aba9">[email&#160;protected]</a> today.</p>'
    )
    assert text_of(body) == "Write to [email protected] today."


def test_cart_link_inside_a_sentence_is_kept():
    body = '<p>Items in your <a href="/cart">shopping cart</a> are stored for 30 days.</p>'
    assert text_of(body) == "Items in your shopping cart are stored for 30 days."


def test_comments_and_entities():
    body = "<p>We &amp; our partners<!-- hidden note --> don&#8217;t sell&nbsp;data.</p>"
    assert text_of(body) == "We & our partners don’t sell data."


def test_declared_legacy_charset_is_used():
    page = '<html><head><meta charset="windows-1252"></head><body><p>We don’t sell — ever.</p></body></html>'
    assert extract(page.encode("cp1252"), "p.html").text == "We don’t sell — ever."


def test_iso_8859_1_label_decodes_as_windows_1252_like_browsers_do():
    page = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>It’s “ours”.</p>'
    assert extract(page.encode("cp1252"), "p.html").text == "It’s “ours”."


def test_wrong_declared_charset_falls_back_to_what_decodes():
    page = '<meta charset="us-ascii"><p>Café crème</p>'
    assert extract(page.encode("utf-8"), "p.html").text == "Café crème"


def test_utf16_html_with_bom():
    page = "<html><body><h1>Privacy</h1><p>Café</p></body></html>"
    assert extract(page.encode("utf-16"), "p.html").text == "Privacy\n\nCafé"


def test_html_file_without_markup_is_read_as_plain_text():
    assert extract(b"Privacy Policy\n\nWe collect data.\nLine two.", "p.html").text == (
        "Privacy Policy\n\nWe collect data.\nLine two."
    )


def test_deeply_nested_markup_does_not_crash():
    page = "<div>" * 20000 + "Privacy policy text" + "</div>" * 20000
    assert extract(page.encode(), "deep.html").text == "Privacy policy text"


def test_page_of_chrome_only_has_no_words():
    with pytest.raises(IngestError, match="no words"):
        extract(b"<html><body><nav>Home Shop</nav><script>var a = 'words';</script></body></html>", "p.html")


def test_binary_named_html_is_refused():
    with pytest.raises(IngestError, match=r"named \.html but is a PNG image"):
        extract(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "p.html")


SHOPIFY_LIKE = """<!doctype html><html><head><title>Privacy policy</title></head><body>
<a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
<div id="shopify-section-announcement-bar"><div class="announcement-bar" role="region" aria-label="Announcement">
  <p>Free delivery on orders over £40</p></div></div>
<div id="shopify-section-header" class="section-header"><sticky-header class="header-wrapper">
  <header class="header"><header-drawer><details><summary>Menu</summary>
    <nav class="menu-drawer__navigation"><ul><li><a href="/collections/all">Catalogue</a></li></ul></nav>
    </details></header-drawer>
    <a href="/" class="header__heading-link"><span class="h2">Kettle &amp; Co</span></a>
    <localization-form><form id="HeaderCountryForm"><h2 class="visually-hidden">Country/region</h2>
      <button>United Kingdom (GBP £)</button></form></localization-form>
    <predictive-search><input type="search" placeholder="Search"></predictive-search>
    <a href="/cart" class="header__icon header__icon--cart" id="cart-icon-bubble"><span>Cart</span>
      <div class="cart-count-bubble"><span>1 item</span></div></a>
  </header></sticky-header></div>
<cart-drawer class="drawer is-empty"><div class="drawer__inner"><p>Your cart is empty</p>
  <a href="/collections/all">Continue shopping</a></div></cart-drawer>
<main id="MainContent" class="content-for-layout" role="main">
  <div class="shopify-policy__container"><div class="shopify-policy__title"><h1>Privacy policy</h1></div>
  <div class="shopify-policy__body"><div class="rte">
    <p>Last updated: March 1, 2024</p>
    <p>Kettle &amp; Co operates this store and website to provide you with a curated shopping experience.</p>
    <h2>Personal information we collect</h2>
    <ul><li>Contact details including your name, address, billing address and email address.</li>
    <li>Financial information including credit card numbers.</li></ul>
  </div></div></div>
</main>
<div id="shopify-section-footer"><footer class="footer"><div class="footer-block">
  <h2 class="footer-block__heading">Newsletter</h2><form><input type="email"><button>Subscribe</button></form>
  </div><p>© 2024, Kettle &amp; Co</p></footer></div>
<div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="alertdialog"><p>This website uses cookies.</p>
  <button>Accept</button></div>
</body></html>"""


def test_shop_theme_page_yields_only_the_policy():
    assert extract(SHOPIFY_LIKE.encode(), "privacy.html").text == (
        "Privacy policy\n\nLast updated: March 1, 2024\n\n"
        "Kettle & Co operates this store and website to provide you with a curated shopping experience.\n\n"
        "Personal information we collect\n\n"
        "• Contact details including your name, address, billing address and email address.\n"
        "• Financial information including credit card numbers."
    )


def test_shop_theme_chrome_is_dropped_even_when_main_is_not_marked():
    page = SHOPIFY_LIKE.replace('<main id="MainContent" class="content-for-layout" role="main">', "<div>")
    text = extract(page.replace("</main>", "</div>").encode(), "privacy.html").text
    for chrome in (
        "Skip",
        "Free delivery",
        "Catalogue",
        "Kettle & Co\n",
        "United Kingdom",
        "Cart",
        "1 item",
        "cart is empty",
        "Continue shopping",
        "Newsletter",
        "©",
        "uses cookies",
    ):
        assert chrome not in text, chrome
    assert text.startswith("Privacy policy\n\nLast updated: March 1, 2024")


def test_a_cookie_notice_section_of_the_policy_is_kept():
    body = (
        "<h1>Privacy Policy</h1><p>We collect data.</p>"
        "<section id='cookie-notice' class='consent-notice'><h2>Cookie Notice</h2>"
        "<p>We use cookies. Click Accept in the banner or change your browser settings.</p></section>"
    )
    assert text_of(body).endswith(
        "Cookie Notice\n\nWe use cookies. Click Accept in the banner or change your browser settings."
    )


def test_forms_inside_the_content_are_dropped():
    body = (
        "<main><h1>Privacy</h1><p>We collect data.</p>"
        "<form class='signup'><label>Sign up for our emails</label><input type='email'></form></main>"
    )
    assert text_of(body) == "Privacy\n\nWe collect data."


def test_back_to_top_links_are_dropped():
    body = '<p>We collect data.</p><p><a href="#top">Back to top</a></p><a href="#">Top</a><p>More.</p>'
    assert text_of(body) == "We collect data.\n\nMore."
