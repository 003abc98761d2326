"""deploy/nginx.conf in front of a one-request-at-a-time upstream: slow clients never reach it.

gunicorn's sync workers serve one request each; a client dripping its headers would hold one
for as long as it likes. Behind the buffering proxy the upstream sees only complete requests,
so ordinary visitors keep being served while four clients drip. Skips where nginx is absent
(`.ci/run` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def proxy(tmp_path):
    upstream = HTTPServer(("127.0.0.1", 0), _Upstream)  # one request at a time, like a sync worker
    _Upstream.seen = []
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    site = CONFIG.read_text()
    site = site.replace("server 127.0.0.1:8000;  # @UPSTREAM@", f"server 127.0.0.1:{upstream.server_port};")
    site = site.replace("listen 80;  # @LISTEN@", f"listen 127.0.0.1:{port};")
    site = site.replace("/srv/fineprint/staticfiles/;  # @STATIC@", f"{tmp_path}/;")
    (tmp_path / "site.conf").write_text(site)
    temp = tmp_path / "temp"
    temp.mkdir()
    temp.chmod(0o777)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}\ndaemon off;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"fastcgi_temp_path {temp}/f; uwsgi_temp_path {temp}/u; scgi_temp_path {temp}/s;\n"
        f"include {tmp_path}/site.conf; }}\n"
    )
    process = subprocess.Popen(
        [NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(10)
    upstream.shutdown()
    upstream.server_close()


def get(port: int, path: str = "/") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: fineprint.example\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


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


def test_the_diff_page_is_rate_limited_at_the_proxy(proxy):
    codes = [get(proxy, "/c/shop/diff/").split(b" ", 2)[1] for _ in range(15)]
    assert codes[:11] == [b"200"] * 11  # one plus a burst of ten
    assert codes[-1] == b"429"
    assert sum(path == "/c/shop/diff/" for path in _Upstream.seen) <= 12  # refusals never reached the app
