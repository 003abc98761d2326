"""Markdown policies: read with a Markdown parser into the same text shape as HTML pages."""

from __future__ import annotations

import pytest

from policies.ingest import IngestError, extract, from_text
from summaries.parser import summarize

POLICY_MD = """\
# Privacy Policy

_Last updated: **March 3, 2024**_

We at **Acme Outdoor** respect your *privacy*.
This sentence continues the paragraph.

## What we collect

* your name and e-mail address
* your order history
  1. items you bought
  2. items you returned

## Your choices

You can [opt out of marketing](https://acme.example/preferences) at any time,
see [the section below](#contact) or e-mail [privacy@acme.example](mailto:privacy@acme.example).
Visit <https://acme.example/privacy-center> for more.

| Category | Shared with |
| --- | --- |
| **Identifiers** | Payment processors |
| Device data<br>*   cookies<br>*   IP address | Analytics providers |

---

```
Line one of a code block
Line two
```

![logo](https://acme.example/logo.png)

> Contact: write to us.
"""


def _text(source: str) -> str:
    return extract(source.encode("utf-8"), "policy.md").text


def test_markdown_file_becomes_text_without_markup():
    text = _text(POLICY_MD)
    for mark in ("#", "**", "_Last", "*privacy*", "](", "[opt", "<br>", "```", "---", "![", "> "):
        assert mark not in text, mark
    assert text.startswith("Privacy Policy\n\nLast updated: March 3, 2024\n\nWe at Acme Outdoor respect your privacy.")
    assert "privacy. This sentence continues the paragraph." in text  # a soft break is a space


def test_headings_start_blocks_and_lists_stay_lists():
    text = _text(POLICY_MD)
    listed = "• your name and e-mail address\n• your order history\n1. items you bought\n2. items"
    assert f"\n\nWhat we collect\n\n{listed}" in text
    assert "\n\nYour choices\n\n" in text


def test_links_keep_web_and_mail_addresses_but_not_anchors():
    text = _text(POLICY_MD)
    assert "opt out of marketing (https://acme.example/preferences) at any time" in text
    assert "see the section below or e-mail privacy@acme.example." in text  # no "(privacy@…)" twice
    assert "Visit https://acme.example/privacy-center for more." in text


def test_table_rows_are_lines_and_cell_lists_stay_on_the_row():
    text = _text(POLICY_MD)
    assert "Category | Shared with\nIdentifiers | Payment processors\n" in text
    assert "Device data • cookies • IP address | Analytics providers" in text


def test_code_blocks_keep_their_lines_and_images_are_dropped():
    text = _text(POLICY_MD)
    assert "Line one of a code block\nLine two" in text
    assert "logo" not in text


def test_markdown_media_type_and_aliases():
    extracted = extract(POLICY_MD.encode(), "policy.markdown")
    assert (extracted.media_type, extracted.extension) == ("text/markdown", "md")


def test_pasted_markdown_is_read_as_markdown_only_when_asked():
    assert "**" not in from_text(POLICY_MD, markdown=True).text
    assert "**" in from_text(POLICY_MD).text  # plain paste keeps the characters as typed


def test_card_evidence_points_into_the_stored_text():
    text = _text(POLICY_MD)
    card = summarize(text)
    quotes = [e for section in ("collected", "choices", "contacts") for item in card[section] for e in item["evidence"]]
    assert quotes
    for evidence in quotes:
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
        assert "*" not in evidence["quote"] and "](" not in evidence["quote"]


def test_opt_out_link_is_the_choice_how():
    card = summarize(_text(POLICY_MD))
    hows = [how for choice in card["choices"] for how in [choice.get("how")] if how]
    assert any("acme.example/preferences" in str(how) for how in hows), card["choices"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "PNG"),
        (b"<!DOCTYPE html><html><body><p>Hi there</p></body></html>", "HTML page"),
        (b"# \n\n**  **\n", "no words"),
    ],
)
def test_bad_markdown_files_are_refused(data, message):
    with pytest.raises(IngestError, match=message):
        extract(data, "policy.md")


def test_non_utf8_markdown_is_decoded_like_text():
    text = extract("# Politique\n\nDonnées personnelles collectées.".encode("cp1252"), "p.md").text
    assert text == "Politique\n\nDonnées personnelles collectées."


def test_bold_marks_commonmark_leaves_unmatched_are_dropped():
    # Converters write `the**"Sites"**` for `the <strong>"Sites"</strong>`; CommonMark keeps the marks.
    assert _text('together, the**"Sites"**). A footnote* stays.') == 'together, the"Sites"). A footnote* stays.'
