"""Public pages under load against a trivial Django view on the same server: p99 ratios from wrk.

    .venv/bin/python bench/bench_http.py                       # 100,000 companies, SQLite and PostgreSQL
    .venv/bin/python bench/bench_http.py --db sqlite --companies 10000 --duration 5
    .venv/bin/python bench/bench_http.py --cache dummy://      # every request rendered (no page cache)

For each database: migrate a database of its own, fill it with `seed_bench` up to N companies
(kept between runs), start gunicorn on 127.0.0.1 with `bench/loadtest/settings.py` (the app plus
`/bench/trivial/`, a view returning a constant through the same middleware), then run
`wrk -c32` for a bounded time against the trivial view and each public page, and print every
page's p99 latency, its ratio to the trivial view's, requests per second and errors (socket
errors and non-2xx). Loopback only. Needs `wrk` (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PAGES = [
    ("browse", "/"),
    ("browse filtered, sorted, deep page", "/?sells=no&no_ads=1&sort=recent&page=2000"),
    ("browse by sector, oldest first", "/?sector=books&sort=oldest&page=300"),
    ("search", "/?q=amber+goods"),
    ("company", "/c/bench-050000/"),
    ("history", "/c/bench-050000/history/"),
    ("diff", "/c/bench-050000/diff/"),
    ("version", "/c/bench-050000/v/1/"),
    ("compare of 4", "/compare/?c=bench-000001,bench-020002,bench-040003,bench-090004"),
    ("API list", "/api/companies.json"),
    ("API list, filtered", "/api/companies.json?sells=yes&limit=100"),
    ("API card", "/api/c/bench-050000/card.json"),
    ("feed, site-wide", "/feeds/changes.atom"),
    ("feed, company", "/feeds/c/bench-050000.atom"),
]
LATENCY = re.compile(r"^\s*(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", f"-c{connections}", "-t2", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {p: float(v) * UNIT[u] for p, v, u in LATENCY.findall(out)}
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return {
        "p50": found.get("50", 0.0),
        "p99": found.get("99", 0.0),
        "rps": float(rps.group(1)) if rps else 0.0,
        "errors": errors,
    }


def prepare(env: dict[str, str], companies: int) -> None:
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    have = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", "from policies.models import Company; print(Company.objects.count())"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    missing = companies - int(have)
    if missing > 0:
        started = time.monotonic()
        subprocess.run(
            [PYTHON, "manage.py", "seed_bench", str(missing), "--force"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  seed_bench {missing}: {time.monotonic() - started:.0f} s")


def serve(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "bench.loadtest.settings_wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/trivial/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def run(db: str, url: str, args: argparse.Namespace) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.loadtest.settings",
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "CACHE_URL": args.cache,
        "LOG_LEVEL": "ERROR",
        # wrk is one client at one address: the per-client search and diff limits (issue 14) would
        # answer it 429 after 120/30 requests a minute, which measures the limiter, not the page.
        "SEARCH_RATE_LIMIT": "1000000/m",
        "DIFF_RATE_LIMIT": "1000000/m",
    }
    print(
        f"\n== {db}: {args.companies:,} companies, gunicorn --workers {args.workers}, wrk -c{args.connections}"
        f" -d{args.duration}s, cache {args.cache}"
    )
    prepare(env, args.companies)
    server = serve(env, args.port, args.workers)
    try:
        base = f"http://127.0.0.1:{args.port}"
        pages = [(name, path) for name, path in PAGES if not args.pages or any(p in name for p in args.pages)]
        for _, path in [("trivial", "/bench/trivial/"), *pages]:  # warm every worker's caches once
            for _ in range(args.workers * 2):
                urllib.request.urlopen(base + path, timeout=30).read()
        trivial = wrk(base + "/bench/trivial/", args.duration, args.connections)
        print(
            f"  {'trivial view':38} p50 {trivial['p50']:7.2f} ms  p99 {trivial['p99']:7.2f} ms"
            f"  {trivial['rps']:7.0f} req/s  errors {trivial['errors']}"
        )
        for name, path in pages:
            got = wrk(base + path, args.duration, args.connections)
            ratio = got["p99"] / trivial["p99"] if trivial["p99"] else float("inf")
            print(
                f"  {name:38} p50 {got['p50']:7.2f} ms  p99 {got['p99']:7.2f} ms  ×{ratio:5.2f}"
                f"  {got['rps']:7.0f} req/s  errors {got['errors']}"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sqlite-path", default=str(ROOT / "bench-http.sqlite3"))
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/fineprint_bench_http")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8613)
    parser.add_argument("--pages", nargs="*", help="only the pages whose name contains one of these words")
    parser.add_argument("--cache", default="locmem://", help="CACHE_URL for the server (dummy:// renders every time)")
    args = parser.parse_args()
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:
        raise SystemExit("wrk is missing: apt-get install wrk")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (a shared machine: figures swing with it)")
    if args.db in ("sqlite", "both"):
        run("SQLite", f"sqlite:///{args.sqlite_path}", args)
    if args.db in ("postgres", "both"):
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", args.postgres_url.rsplit("/", 1)[1]], capture_output=True
        )
        run("PostgreSQL", args.postgres_url, args)


if __name__ == "__main__":
    sys.exit(main())
