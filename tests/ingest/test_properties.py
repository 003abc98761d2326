"""Whatever the bytes, extract() gives an Extracted or an IngestError: never anything else."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.ingest import UNREADABLE, Extracted, IngestError, extract, from_text, normalise
from tests.ingest.documents import pdf_bytes, zip_bytes

EXTENSIONS = ["txt", "html", "htm", "pdf", "docx", "", "doc"]
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<!DOCTYPE html><html>", b"<p>"]

# INGEST_FUZZ_EXAMPLES=5000 for a long hunt; the default keeps the suite quick.
FAST = settings(
    max_examples=int(os.environ.get("INGEST_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _outcome(data: bytes, name: str) -> Extracted | IngestError:
    try:
        result = extract(data, name)
    except IngestError as error:
        assert str(error)
        return error
    assert isinstance(result, Extracted)
    assert result.text and normalise(result.text) == result.text
    assert result.extension in ("txt", "html", "pdf", "docx")
    return result


@FAST
@given(st.sampled_from(PREFIXES), st.binary(max_size=2048), st.sampled_from(EXTENSIONS))
def test_random_bytes_with_every_extension(prefix, body, extension):
    outcome = _outcome(prefix + body, f"upload.{extension}" if extension else "upload")
    if extension in ("txt", "html", "htm") and isinstance(outcome, IngestError):
        assert str(outcome) != UNREADABLE  # our own text and HTML code must not hit the safety net


@FAST
@given(st.text(max_size=2000), st.sampled_from(["txt", "html", ""]), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_random_text_in_text_formats(text, extension, encoding):
    outcome = _outcome(text.encode(encoding, "surrogatepass"), f"upload.{extension}" if extension else "")
    assert not (isinstance(outcome, IngestError) and str(outcome) == UNREADABLE)


_TAGS = st.sampled_from(
    [
        "p",
        "div",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h3",
        "br",
        "pre",
        "nav",
        "header",
        "main",
        "article",
        "section",
        "span",
        "a",
        "script",
        "form",
        "button",
        "caption",
        "footer",
        "dl",
        "dt",
        "dd",
    ]
)


@st.composite
def html_soup(draw):
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(_TAGS)
        if kind == 0:
            attrs = draw(
                st.sampled_from(
                    [
                        "",
                        ' class="cookie-banner"',
                        ' id="nav"',
                        ' class="cart"',
                        ' start="x"',
                        ' type="i"',
                        ' value="-3"',
                        ' role="main"',
                        ' href="/cart"',
                        " reversed",
                    ]
                )
            )
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


@FAST
@given(html_soup())
def test_random_markup(markup):
    outcome = _outcome(markup.encode("utf-8", "surrogatepass"), "page.html")
    assert not (isinstance(outcome, IngestError) and str(outcome) == UNREADABLE)


@FAST
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=80), max_size=8),
        min_size=1,
        max_size=3,
    )
)
def test_generated_pdfs(pages):
    _outcome(pdf_bytes(pages), "generated.pdf")


@FAST
@given(st.binary(min_size=1, max_size=64), st.integers(0, 5000))
def test_damaged_pdfs(noise, at):
    data = bytearray(pdf_bytes([["Privacy policy", "We collect names."]]))
    at = at % len(data)
    data[at : at + len(noise)] = noise
    _outcome(bytes(data), "damaged.pdf")


@FAST
@given(
    st.dictionaries(
        st.sampled_from(["[Content_Types].xml", "word/document.xml", "_rels/.rels", "mimetype"]),
        st.binary(max_size=300),
        max_size=4,
    )
)
def test_random_zips_as_docx(entries):
    _outcome(zip_bytes(entries), "random.docx")


@FAST
@given(st.text())
def test_from_text_gives_extracted_or_ingest_error(text):
    try:
        result = from_text(text)
    except IngestError:
        return
    assert result.text == normalise(text)
