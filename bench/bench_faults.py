"""Faults that must end cleanly: `.venv/bin/python bench/bench_faults.py [--kills 20] [--skip-postgres] [--skip-kills]`.

1. kill -9 during imports: runs `import_policy` on distinct files and kills each run at a random
   moment; prints how many original files no version names, before and after `sweep_originals`.
2. The database refusing connections: gunicorn (production settings) talks to PostgreSQL through
   a TCP forwarder this script controls; with the forwarder stopped, pages must answer 503 with
   Retry-After (JSON for the API), and the first request after it is back must succeed. The
   shared PostgreSQL server itself is never touched; the script uses its own database.

Not a test: it starts processes and takes a minute or two; it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG = "postgres://postgres@127.0.0.1:{port}/fp_issue14_bench"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MEDIA_ROOT")}
    env.update(extra)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def kills(count: int) -> None:
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        media = Path(tmp) / "media"
        env = _env(DATABASE_URL=f"sqlite:///{db}", MEDIA_ROOT=str(media))
        _manage("migrate", "-v0", env=env).check_returncode()
        killed = finished = 0
        span = 0.0
        for n in range(count + 1):
            policy = Path(tmp) / f"policy-{n}.txt"
            words = " ".join(rng.choice(["name", "e-mail", "address", "device", "cookies"]) for _ in range(4000))
            policy.write_text(f"Privacy policy {n}.\n\nWe collect your {words}.\n")
            started = time.monotonic()
            process = subprocess.Popen(
                [PYTHON, "manage.py", "import_policy", "Bench Co", str(policy)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if n == 0:  # the first run goes to the end: how long an import takes here, to aim the kills
                process.wait()
                span = time.monotonic() - started
                continue
            # Most of an import is start-up; the kills land in its last half, where the file is written.
            time.sleep(rng.uniform(0.5 * span, 1.05 * span))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            else:
                finished += 1
            process.wait()
        named = {row[0] for row in sqlite3.connect(db).execute("select original from policies_policyversion")}
        files = [p.relative_to(media).as_posix() for p in (media / "originals").rglob("*") if p.is_file()]
        orphans = [name for name in files if name not in named]
        print(f"kill -9: an import takes {span:.1f} s here; {count} more, {killed} killed mid-run, {finished} finished")
        print(f"  versions recorded {len(named)}, original files {len(files)}, orphans before sweep {len(orphans)}")
        swept = _manage("sweep_originals", "--older-than", "0", env=env)
        files = [p.relative_to(media).as_posix() for p in (media / "originals").rglob("*") if p.is_file()]
        left = [name for name in files if name not in named]
        missing = [name for name in named if name and not (media / name).exists()]
        print(f"  {swept.stdout.strip().splitlines()[-1]}; orphans after sweep {len(left)}")
        print(f"  versions whose original is missing: {len(missing)}")


class Forwarder:
    """127.0.0.1:port -> 127.0.0.1:5432, which this script can stop (refusing connections) and restart."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server: socket.socket | None = None
        self.links: list[socket.socket] = []

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self.server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        if self.server:
            # shutdown() wakes the thread blocked in accept(); close() alone would leave it accepting.
            with contextlib.suppress(OSError):
                self.server.shutdown(socket.SHUT_RDWR)
            self.server.close()
            self.server = None
        for link in self.links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
            link.close()
        self.links = []

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", 5432))
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Retry-After", ""), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After", ""), error.headers.get("Content-Type", "")


def outage() -> None:
    forwarder = Forwarder()
    forwarder.start()
    url = PG.format(port=forwarder.port)
    admin = _env(DATABASE_URL=PG.format(port=5432).replace("fp_issue14_bench", "postgres"))
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); "
            "c.execute('drop database if exists fp_issue14_bench'); c.execute('create database fp_issue14_bench')",
            admin["DATABASE_URL"],
        ],
        check=True,
    )
    static = tempfile.mkdtemp(prefix="fineprint-static-")
    env = _env(DATABASE_URL=url, STATIC_ROOT=static)
    _manage("migrate", "-v0", env=env).check_returncode()
    _manage("load_demo", env=env)
    secret = "bench-" + "x" * 50
    _manage("collectstatic", "--noinput", "-v0", env={**env, "DEBUG": "false", "SECRET_KEY": secret}).check_returncode()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    production = _env(
        DATABASE_URL=url,
        STATIC_ROOT=static,
        DEBUG="false",
        SECRET_KEY=secret,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
    )
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=production,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(static) / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(base + "/about/")
                break
            except OSError:
                time.sleep(0.2)
        page, api = base + "/", base + "/api/companies.json"
        print(f"database up:   page {_get(page)[0]}, API {_get(api)[0]}")
        forwarder.stop()
        down = [_get(page) for _ in range(4)] + [_get(api) for _ in range(4)]
        print(
            "database refusing connections: "
            + ", ".join(f"{s} (Retry-After {r}, {t.split(';')[0]})" for s, r, t in down)
        )
        forwarder.start()
        first = _get(page)
        print(f"database back: first request {first[0]}, then {[_get(page)[0] for _ in range(3)]}")
    finally:
        server.terminate()
        server.wait(10)
        forwarder.stop()
        errors = [line for line in (Path(static) / "gunicorn.log").read_text().splitlines() if "Error" in line]
        print(f"gunicorn log: {len(errors)} error lines" + (f", last: {errors[-1][:200]}" if errors else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-kills", action="store_true")
    args = parser.parse_args()
    if not args.skip_kills:
        kills(args.kills)
    if not args.skip_postgres:
        outage()


if __name__ == "__main__":
    sys.exit(main())
