"""Size cap, deadline, timeouts, content types and what the fetcher says about itself."""

from __future__ import annotations

import zlib
from dataclasses import replace

import pytest

from policies.fetch import (
    DOCX,
    HTML,
    MAX_BYTES,
    PDF,
    PLAIN,
    DeadlineExceeded,
    FetchConfig,
    FetchTimeout,
    HTTPStatusError,
    TooLarge,
    UnsupportedContent,
    fetch,
)
from tests.fetch.conftest import USER_AGENT
from tests.fetch.server import (
    PDF as PDF_BYTES,
)
from tests.fetch.server import (
    PNG,
    POLICY_HTML,
    docx_bytes,
    gzip_bomb,
    gzipped,
    huge,
    page,
    redirect,
    stall,
    status,
    trickle,
)


def test_honest_user_agent_and_accept_headers(server, loopback_config):
    server.routes["/privacy"] = page(POLICY_HTML)
    fetch(server.url("/privacy"), loopback_config)
    headers = server.log[-1][1]
    assert headers["User-Agent"] == USER_AGENT
    assert "text/html" in headers["Accept"]
    assert headers["Accept-Encoding"] == "gzip, deflate"


def test_user_agent_comes_from_settings():
    class Settings:
        FETCH_USER_AGENT = "ExampleBot/2.0 (+https://example.org/bot)"
        FETCH_ALLOW_LOOPBACK_FOR_TESTS = False

    config = FetchConfig.from_settings(Settings)
    assert config.user_agent == "ExampleBot/2.0 (+https://example.org/bot)"
    assert config.robots_token == "ExampleBot"
    assert config.allow_loopback is False


@pytest.mark.parametrize("declare_length", [False, True])
def test_64_mb_body_stops_at_the_cap(server, loopback_config, declare_length):
    server.routes["/huge"] = huge(64 * 1024 * 1024, declare_length=declare_length)
    with pytest.raises(TooLarge) as caught:
        fetch(server.url("/huge"), loopback_config)
    assert caught.value.bytes_received <= MAX_BYTES + 64 * 1024


def test_gzip_bomb_stops_at_the_decompressed_cap(server, loopback_config):
    server.routes["/bomb"] = gzip_bomb()
    with pytest.raises(TooLarge):
        fetch(server.url("/bomb"), loopback_config)


def test_cap_counts_decompressed_bytes_not_wire_bytes(server, loopback_config):
    body = b"We collect your email. " * 2000  # ~46 KB that gzips to well under 1 KB
    server.routes["/small"] = gzipped(body, "text/plain")
    with pytest.raises(TooLarge):
        fetch(server.url("/small"), replace(loopback_config, max_bytes=10_000))
    assert fetch(server.url("/small"), loopback_config).content == body


def test_gzip_and_deflate_bodies_are_decoded(server, loopback_config):
    server.routes["/gz"] = gzipped(POLICY_HTML)
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = raw_deflate.compress(POLICY_HTML) + raw_deflate.flush()
    server.routes["/deflate"] = page(zlib.compress(POLICY_HTML), Content_Encoding="deflate")
    server.routes["/raw-deflate"] = page(raw, Content_Encoding="deflate")
    for path in ("/gz", "/deflate", "/raw-deflate"):
        assert fetch(server.url(path), loopback_config).content == POLICY_HTML


def test_unknown_content_encoding_is_refused(server, loopback_config):
    server.routes["/br"] = page(b"\x0b\x02\x80hello", Content_Encoding="br")
    with pytest.raises(UnsupportedContent, match="compressed"):
        fetch(server.url("/br"), loopback_config)


def test_trickling_body_is_cut_at_the_total_deadline(server, loopback_config):
    """A byte every 0.2 s for two minutes: each read is quick, so only the deadline can stop it."""
    server.routes["/slow"] = trickle(interval=0.2, total=600)
    # 3 s, not 1: on a loaded machine the first byte alone can take a second, and the point is a cut mid-body.
    config = replace(loopback_config, deadline_seconds=3.0, read_timeout=5.0)
    with pytest.raises(DeadlineExceeded) as caught:
        fetch(server.url("/slow"), config)
    assert 0 < caught.value.bytes_received < 600
    assert "took longer than 3 seconds" in caught.value.message


def test_trickling_headers_are_cut_at_the_total_deadline(server, loopback_config):
    server.routes["/slow-headers"] = trickle(interval=0.2, total=600, headers_too=True)
    config = replace(loopback_config, deadline_seconds=1.0, read_timeout=5.0)
    with pytest.raises(DeadlineExceeded):
        fetch(server.url("/slow-headers"), config)


def test_silent_server_times_out_and_is_retryable(server, loopback_config):
    server.routes["/stall"] = stall(3, page(POLICY_HTML))
    with pytest.raises(FetchTimeout) as caught:
        fetch(server.url("/stall"), replace(loopback_config, read_timeout=0.3))
    assert caught.value.retryable


@pytest.mark.parametrize(("code", "retryable"), [(500, True), (503, True), (404, False), (403, False)])
def test_http_errors_say_so_and_only_5xx_is_retryable(server, loopback_config, code, retryable):
    server.routes["/err"] = status(code)
    with pytest.raises(HTTPStatusError) as caught:
        fetch(server.url("/err"), loopback_config)
    assert caught.value.status == code
    assert caught.value.retryable is retryable
    assert f"HTTP {code}" in caught.value.message


@pytest.mark.parametrize(
    ("body", "content_type", "media_type", "extension"),
    [
        (POLICY_HTML, "text/html; charset=utf-8", HTML, "html"),
        (b"Privacy policy\n\nWe collect your email.", "text/plain", PLAIN, "txt"),
        (b"Privacy policy\n\nWe collect your email.", "text/html", PLAIN, "txt"),
        (POLICY_HTML, "text/plain; charset=utf-8", HTML, "html"),
        (PDF_BYTES, "application/pdf", PDF, "pdf"),
        (docx_bytes(), DOCX, DOCX, "docx"),
    ],
)
def test_allowed_types_confirmed_by_their_bytes(server, loopback_config, body, content_type, media_type, extension):
    server.routes["/doc"] = page(body, content_type)
    result = fetch(server.url("/doc"), loopback_config)
    assert (result.media_type, result.extension, result.content) == (media_type, extension, body)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (PNG, "text/html"),  # lying: an image sent as a web page
        (PDF_BYTES, "text/html"),
        (POLICY_HTML, "application/pdf"),  # lying: a web page sent as a PDF
        (docx_bytes(), "application/pdf"),
        (b"PK\x03\x04" + b"\x00" * 100, DOCX),  # a ZIP that is no Word document
        (POLICY_HTML, DOCX),
        (b"binary\x00\x01\x02 data", "text/plain"),
        (PNG, "image/png"),  # honest, but not a policy format
        (PDF_BYTES, "application/octet-stream"),
        (POLICY_HTML, "application/json"),
        (POLICY_HTML, None),
    ],
)
def test_lying_or_unlisted_content_types_are_refused(server, loopback_config, body, content_type):
    server.routes["/doc"] = page(body, content_type)
    with pytest.raises(UnsupportedContent):
        fetch(server.url("/doc"), loopback_config)


def test_empty_page_is_refused(server, loopback_config):
    server.routes["/empty"] = page(b"")
    with pytest.raises(UnsupportedContent, match="empty"):
        fetch(server.url("/empty"), loopback_config)


def test_redirects_are_followed_and_reported(server, loopback_config):
    server.routes["/old"] = redirect("/moved", 301)
    server.routes["/moved"] = redirect(server.url("/privacy"), 308)
    server.routes["/privacy"] = page(POLICY_HTML)
    result = fetch(server.url("/old"), loopback_config)
    assert result.final_url == server.url("/privacy")
    assert result.redirects == (server.url("/moved"), server.url("/privacy"))
    assert result.status == 200
