"""Shared bits of the collected/shared/selling/choices tests: seed texts and gold (skipped when absent)."""

from __future__ import annotations

import json

from tests.conftest import shared_or_skip

SEEDS = [
    "000_9955c2445d7d38ad.txt",
    "001_97ce12980becac27.txt",
    "002_9e2cea38198d3aae.txt",
    "003_823019e3171256ea.txt",
    "004_f5f3567d2706880a.txt",
]


def seed_text(name: str) -> str:
    return shared_or_skip("seeds", name).read_text(encoding="utf-8")


def seed_gold(name: str) -> dict:
    return json.loads(shared_or_skip("gold", "seeds.json").read_text(encoding="utf-8"))["policies"][name]


def assert_evidence(text: str, items: list[dict]) -> None:
    """Every item carries evidence whose quote is exactly the text at its offsets."""
    for item in items:
        assert item["evidence"], item
        for ev in item["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]
            assert ev["quote"].strip()


# A small hand-written policy with headings and lists.
POLICY = """Privacy Notice

Information We Collect

We collect the following information when you register:
- Your name, e-mail address and phone number;
- A password and security questions;
- Your date of birth and gender.

We automatically collect your IP address, browser type and the pages you visit. We use cookies and pixel tags.
We will never request your password by e-mail. We do not knowingly collect information from children under 13.

How We Share Information

We share personal information with service providers who ship orders and process payments on our behalf.
We may disclose information to law enforcement when required by law.
We do not share your information with third parties for their own marketing purposes.

Your Choices

You can unsubscribe from marketing e-mails by clicking the unsubscribe link in any e-mail.
You may set your browser to refuse cookies. To ask for a copy of your data, e-mail privacy@example.com.

We do not sell your personal information.
"""
