"""Fictional privacy policies written for the browser tests, with deliberately contrasting practices.

Paragraphs are wrapped here for reading; `unwrap` joins each back into one line, as a policy page would have it.
"""

from __future__ import annotations

import re


def unwrap(text: str) -> str:
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip()) + "\n"


QUIET_QUILL = unwrap("""
Quiet Quill Stationery Privacy Policy

Effective date: March 1, 2025

Quiet Quill Stationery ("we", "us") sells notebooks, pens and paper goods online. This policy explains what we
collect and what you can do about it.

Information We Collect

When you place an order you give us your name, email address, shipping address and phone number. When you pay,
your card number goes straight to our payment processor. Our website records your IP address and browser type.

How We Share Your Information

We do not sell your personal information. We do not share personal information with advertisers or ad networks,
and we do not use it for targeted advertising.

We share personal information only with service providers who work for us, such as our payment processor and
shipping carriers, and only so they can perform services for us.

Your Choices and Rights

You can ask us to delete your personal information at any time by emailing privacy@quietquill.example, and we
will delete your account and your data. You can also request access to the data we hold about you and correct
it.

We honour the Global Privacy Control (GPC) signal: if your browser sends it, we treat it as a valid request to
opt out of the sale or sharing of your personal information.

Every marketing email includes an unsubscribe link.

Children

We do not knowingly collect personal information from children under 16.

Security

We use encryption and access controls to protect personal information.

Contact Us

Email privacy@quietquill.example or write to Quiet Quill Stationery, 12 Ink Lane, Portland, OR 97201.
""")

BARGAIN_BARN = unwrap("""
Bargain Barn Privacy Notice

Effective date: January 15, 2025

Bargain Barn ("we") runs discount stores and the bargainbarn.example website.

Information We Collect

We collect your name, email address, postal address, phone number, purchase history, precise location from our
app, device identifiers, browsing history and the pages you visit. We use cookies, pixels and web beacons. We
buy demographic data such as age, gender and income from data brokers.

How We Share Your Information

We sell personal information to third parties, including data brokers and marketing partners, who may use it for
their own marketing purposes.

We share your browsing activity, device identifiers and purchase history with advertising networks and ad
partners so they can show you targeted advertising on other websites.

We also share information with our affiliates and with service providers.

Your Choices

You can unsubscribe from our marketing emails using the link in each email. You can opt out of the sale of your
personal information by visiting bargainbarn.example/do-not-sell.

Do Not Track

Our website does not respond to Do Not Track signals.

How Long We Keep Information

We keep personal information for as long as we need it for our business purposes.

Contact Us

Call us at (555) 010-2020 or email privacy@bargainbarn.example.
""")

FRESH_FIG = unwrap("""
Fresh Fig Grocers Privacy Statement

Fresh Fig Grocers delivers groceries to your door.

Information We Collect

We collect your name, delivery address, email address and the groceries you order. We use cookies to keep your
basket.

How We Use Information

We use your information to deliver your groceries and to answer your questions.

How We Share Information

Our delivery drivers and payment processor receive what they need to complete your order.

Contact Us

Email hello@freshfig.example.
""")

# Three versions of one company's policy: each change is visible on the card and in the text.
LUMEN_LAMPS = [
    unwrap("""
Lumen Lamps Privacy Policy

Effective date: February 1, 2024

Lumen Lamps ("we") sells lamps and lighting for the home.

Information We Collect

When you order, you give us your name, email address, shipping address and phone number.

How We Share Your Information

We do not sell your personal information. We share personal information only with service providers, such as our
payment processor and shipping carriers, who help us fill your orders.

Your Choices

You can ask us to delete your account and your personal information by emailing privacy@lumenlamps.example.

Every marketing email includes an unsubscribe link.

Contact Us

Email privacy@lumenlamps.example.
"""),
    unwrap("""
Lumen Lamps Privacy Policy

Effective date: September 1, 2024

Lumen Lamps ("we") sells lamps and lighting for the home.

Information We Collect

When you order, you give us your name, email address, shipping address and phone number. Our website uses
cookies and pixels to record the pages you visit, your IP address and device identifiers.

How We Share Your Information

We do not sell your personal information. We share personal information with service providers, such as our
payment processor and shipping carriers, who help us fill your orders.

We share device identifiers and browsing activity with advertising partners and ad networks so they can show you
targeted advertising for our lamps on other websites.

Your Choices

You can ask us to delete your account and your personal information by emailing privacy@lumenlamps.example.

Every marketing email includes an unsubscribe link.

Contact Us

Email privacy@lumenlamps.example.
"""),
    unwrap("""
Lumen Lamps Privacy Policy

Effective date: April 1, 2025

Lumen Lamps ("we") sells lamps and lighting for the home.

Information We Collect

When you order, you give us your name, email address, shipping address and phone number. Our website uses
cookies and pixels to record the pages you visit, your IP address and device identifiers.

How We Share Your Information

We may sell personal information, such as your contact details and purchase history, to marketing partners who
use it for their own marketing.

We share device identifiers and browsing activity with advertising partners and ad networks so they can show you
targeted advertising for our lamps on other websites.

We share personal information with service providers, such as our payment processor and shipping carriers, who
help us fill your orders.

Your Choices

You can opt out of the sale of your personal information by emailing privacy@lumenlamps.example.

Every marketing email includes an unsubscribe link.

Contact Us

Email privacy@lumenlamps.example.
"""),
]
