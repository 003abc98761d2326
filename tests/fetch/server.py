"""A local HTTP server for fetch and watch tests: threaded, on 127.0.0.1, port 0.

Routes map a path (without query) to a responder `fn(handler)` that writes the whole response.
Every request is logged with its path and headers so tests can see what reached the "site".
"""

from __future__ import annotations

import gzip
import io
import ssl
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Responder = Callable[[BaseHTTPRequestHandler], None]

POLICY_HTML = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Privacy policy</title></head><body>"
    b"<nav>Home | Shop | Basket</nav>"
    b"<div class='cookie-banner'>We use cookies. Accept?</div>"
    b"<main><h1>Privacy policy</h1>"
    b"<p>We collect your name, email address and postal address when you place an order.</p>"
    b"<p>We share your data with delivery companies so they can bring your parcel.</p>"
    b"<p>You can ask us to delete your data by writing to privacy@example.com.</p>"
    b"</main><footer>Copyright Example Ltd</footer></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    server: PolicyServer  # type: ignore[assignment]

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.server.log.append((path, dict(self.headers.items())))
        responder = self.server.routes.get(path)
        try:
            if responder is None:
                send(self, 404, b"not found", "text/plain")
            else:
                responder(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size cap, deadline)

    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}


class PolicyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.routes: dict[str, Responder] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> PolicyServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for logged, _ in self.log if logged == path)


# --- responders -------------------------------------------------------------------------------


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
    handler.send_response(status)
    if content_type is not None:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes, content_type: str | None = "text/html; charset=utf-8", status: int = 200, **headers) -> Responder:
    return lambda h: send(h, status, body, content_type, **headers)


def status(code: int) -> Responder:
    return lambda h: send(h, code, f"status {code}".encode(), "text/plain")


def redirect(location: str, code: int = 302) -> Responder:
    return lambda h: send(h, code, b"", "text/plain", Location=location)


def redirect_to_query(code: int = 302) -> Responder:
    """Redirects to whatever ?to= says: one route serves every redirect target under test."""
    return lambda h: send(h, code, b"", "text/plain", Location=h.query()["to"])  # type: ignore[attr-defined]


def sequence(*responders: Responder) -> Responder:
    """Each request gets the next responder; the last one repeats."""
    lock = threading.Lock()
    calls = [0]

    def respond(h: BaseHTTPRequestHandler) -> None:
        with lock:
            index = min(calls[0], len(responders) - 1)
            calls[0] += 1
        responders[index](h)

    return respond


def counter_page() -> Responder:
    """A different policy text on every request: each one is a real change."""
    lock = threading.Lock()
    calls = [0]

    def respond(h: BaseHTTPRequestHandler) -> None:
        with lock:
            calls[0] += 1
            n = calls[0]
        body = POLICY_HTML.replace(b"</main>", f"<p>Revision number {n} of this policy.</p></main>".encode())
        send(h, 200, body, "text/html; charset=utf-8")

    return respond


def stall(seconds: float, then: Responder) -> Responder:
    def respond(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(h)

    return respond


def trickle(interval: float = 0.2, total: int = 600, headers_too: bool = False) -> Responder:
    """A byte every `interval` seconds for `total` bytes: far longer than any deadline under test."""

    def respond(h: BaseHTTPRequestHandler) -> None:
        if headers_too:
            h.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Slow: ")
        else:
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.end_headers()
        h.wfile.flush()
        for _ in range(total):
            h.wfile.write(b"a")
            h.wfile.flush()
            time.sleep(interval)

    return respond


def huge(size: int = 64 * 1024 * 1024, declare_length: bool = False) -> Responder:
    """A plain-text body of `size` bytes, streamed; without a length the cap must hold mid-stream."""

    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        if declare_length:
            h.send_header("Content-Length", str(size))
        h.end_headers()
        block = b"privacy policy text " * 3277  # ~64 KiB
        sent = 0
        while sent < size:
            piece = block[: size - sent]
            h.wfile.write(piece)
            sent += len(piece)

    return respond


_BOMB: dict[str, bytes] = {}


def gzip_bomb_bytes(expanded: int = 200 * 1024 * 1024) -> bytes:
    if "bomb" not in _BOMB:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b"a" * (1024 * 1024)
        parts = [compressor.compress(block) for _ in range(expanded // len(block))]
        parts.append(compressor.flush())
        _BOMB["bomb"] = b"".join(parts)
    return _BOMB["bomb"]


def gzip_bomb() -> Responder:
    body = gzip_bomb_bytes()
    return lambda h: send(h, 200, body, "text/plain", Content_Encoding="gzip")


def gzipped(body: bytes, content_type: str = "text/html; charset=utf-8") -> Responder:
    packed = gzip.compress(body)
    return lambda h: send(h, 200, packed, content_type, Content_Encoding="gzip")


def docx_bytes(text: str = "We collect your email address to send receipts.") -> bytes:
    """A minimal Word document: enough for the magic-byte check (a ZIP holding word/)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
