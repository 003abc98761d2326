"""deploy/nginx.conf in front of a one-request-at-a-time upstream: slow clients never reach it.

gunicorn's sync workers serve one request each; a client dripping its headers would hold one
for as long as it likes. Behind the buffering proxy the upstream sees only complete requests,
so ordinary visitors keep being served while four clients drip. Skips where nginx is absent
(`.ci/run` installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.deploy.nginx_support import NGINX, start_nginx

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)"),
]


class _Upstream(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # the http.server API names it
        type(self).seen.append(self.path)
        body = b"ok " + self.headers.get("X-Real-IP", "").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def proxy(tmp_path):
    upstream = HTTPServer(("127.0.0.1", 0), _Upstream)  # one request at a time, like a sync worker
    _Upstream.seen = []
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    process, port = start_nginx(tmp_path, upstream.server_port)
    yield port
    process.terminate()
    process.wait(10)
    upstream.shutdown()
    upstream.server_close()


def get(port: int, path: str = "/", timeout: float = 5) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: fineprint.example\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _status(port: int, path: str, timeout: float) -> bytes:
    """The answer's status code, or b"held" when nginx is still holding the request."""
    try:
        return get(port, path, timeout).split(b" ", 2)[1]
    except TimeoutError:
        return b"held"


def test_visitors_are_served_while_four_clients_drip_their_headers(proxy):
    drippers = []
    for n in range(4):
        s = socket.create_connection(("127.0.0.1", proxy), timeout=5)
        s.sendall(f"GET /slow-{n} HTTP/1.1\r\nHost: fineprint.example\r\n".encode())
        drippers.append(s)
    try:
        started = time.monotonic()
        for second in range(3):
            for s in drippers:
                s.sendall(f"X-Drip-{second}: 1\r\n".encode())  # never the blank line that ends the headers
            answer = get(proxy, f"/visitor-{second}")
            assert answer.startswith(b"HTTP/1.1 200"), answer[:100]
            time.sleep(0.5)
        assert time.monotonic() - started < 10
        assert not any(path.startswith("/slow") for path in _Upstream.seen)  # the upstream never saw them
    finally:
        for s in drippers:
            s.close()


def test_the_client_address_is_passed_in_x_real_ip_and_cannot_be_forged(proxy):
    with socket.create_connection(("127.0.0.1", proxy), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: fineprint.example\r\nX-Real-IP: 6.6.6.6\r\nConnection: close\r\n\r\n")
        answer = s.recv(65536)
    assert answer.rstrip().endswith(b"ok 127.0.0.1")


def test_a_client_looping_on_the_diff_is_held_to_its_budget_not_spun_on_refusals(proxy):
    codes = [_status(proxy, "/c/shop/diff/", timeout=5) for _ in range(11)]
    assert codes == [b"200"] * 11  # one plus ten without delay
    started = time.monotonic()
    assert _status(proxy, "/c/shop/diff/", timeout=10) == b"200"
    assert time.monotonic() - started >= 1.5  # the twelfth waits for the zone's rate (one per 2 s)


def test_a_crowd_of_diff_requests_from_one_address_is_refused_at_the_proxy(proxy):
    with ThreadPoolExecutor(max_workers=40) as pool:
        codes = list(pool.map(lambda _: _status(proxy, "/c/shop/diff/", timeout=3), range(40)))
    assert codes.count(b"429") >= 10, codes  # beyond the held twenty, nginx refuses
    assert sum(path == "/c/shop/diff/" for path in _Upstream.seen) <= 21  # refusals never reached the app
