"""deploy/nginx.conf run by a throwaway nginx in front of a local upstream (the nginx test, bench_diff)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(folder: Path, upstream_port: int, server_name: str | None = None) -> tuple[subprocess.Popen, int]:
    """The repo's site config (its placeholders filled in) under a minimal nginx.conf in `folder`;
    returns the process, once it accepts connections, and its port. Raises if it exits instead."""
    port = free_port()
    site = CONFIG.read_text()
    site = site.replace("server 127.0.0.1:8000;  # @UPSTREAM@", f"server 127.0.0.1:{upstream_port};")
    site = site.replace("listen 80;  # @LISTEN@", f"listen 127.0.0.1:{port};")
    site = site.replace("/srv/fineprint/staticfiles/;  # @STATIC@", f"{folder}/;")
    if server_name:
        site = site.replace("server_name fineprint.example;", f"server_name {server_name};")
    (folder / "site.conf").write_text(site)
    temp = folder / "nginx-temp"
    temp.mkdir(exist_ok=True)
    temp.chmod(0o777)
    user = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}\ndaemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 256; }\n"
        f"http {{ access_log off; client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"fastcgi_temp_path {temp}/f; uwsgi_temp_path {temp}/u; scgi_temp_path {temp}/s;\n"
        f"include {folder}/site.conf; }}\n"
    )
    process = subprocess.Popen(
        [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {process.stderr.read().decode()}") from None
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("nginx did not accept connections within 10 s")
