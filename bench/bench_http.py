"""Public pages under load against a trivial Django view on the same server: p99 ratios from wrk.

    .venv/bin/python bench/bench_http.py                       # 100,000 companies, SQLite and PostgreSQL
    .venv/bin/python bench/bench_http.py --db sqlite --companies 10000 --duration 5
    .venv/bin/python bench/bench_http.py --cache dummy://      # every request rendered (no page cache)

For each database: migrate a database of its own, fill it with `seed_bench` up to N companies
(kept between runs), start gunicorn on 127.0.0.1 with `bench/loadtest/settings.py` (the app plus
`/bench/trivial/`, a view returning a constant through the same middleware), then run
`wrk -c32` for a bounded time against the trivial view and each public page, and print every
page's p99 latency, its ratio to the trivial view's, requests per second and errors (socket
errors, requests slower than `--timeout`, non-2xx). A run that completed no request, or had any
error, is marked FAILED and the script exits 1. Loopback only. Needs `wrk` (apt-get install wrk).
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


def wrk(url: str, duration: int, connections: int, timeout: float) -> dict[str, float]:
    """wrk's latencies, rate and errors for `url`; a request slower than `timeout` is an error.

    wrk leaves a timed-out request out of its latencies and counts it only under "Socket errors",
    and a request still waiting when the run ends is counted nowhere: a page every request of
    which takes longer than the run shows no latencies at all. So a run is failed when it
    completed no request, and timeouts are errors like non-2xx answers.
    """
    out = subprocess.run(
        ["wrk", f"-c{connections}", "-t2", f"-d{duration}s", "--timeout", f"{timeout:g}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return read_wrk(out)


def read_wrk(out: str) -> dict[str, float]:
    found = {p: float(v) * UNIT[u] for p, v, u in LATENCY.findall(out)}
    completed = re.search(r"^\s*(\d+) requests in ", out, re.M)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = sum(int(n) for n in sockets.groups()) if sockets else 0
    errors += int(non_2xx.group(1)) if non_2xx else 0
    requests = int(completed.group(1)) if completed else 0
    return {
        "p50": found.get("50", 0.0),
        "p99": found.get("99", 0.0),
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": requests,
        "errors": errors,
        "timeouts": int(sockets.group(4)) if sockets else 0,
        "failed": requests == 0 or errors > 0,
    }


def verdict(got: dict[str, float]) -> str:
    if got["requests"] == 0:
        return "  FAILED: no request completed"
    if got["failed"]:
        return f"  FAILED: {got['errors']} errors ({got['timeouts']} timeouts)"
    return ""


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
        # What autovacuum does within minutes of a bulk load: the visibility map lets PostgreSQL's
        # deep browse pages read their keys from the index alone.
        vacuum = (
            "from django.db import connection as c\nif c.vendor == 'postgresql': c.cursor().execute('VACUUM ANALYZE')"
        )
        subprocess.run([PYTHON, "manage.py", "shell", "-c", vacuum], cwd=ROOT, env=env, check=True)


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


def run(db: str, url: str, args: argparse.Namespace) -> int:
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
        failed = 0
        trivial = wrk(base + "/bench/trivial/", args.duration, args.connections, args.timeout)
        failed += trivial["failed"]
        print(
            f"  {'trivial view':38} p50 {trivial['p50']:7.2f} ms  p99 {trivial['p99']:7.2f} ms"
            f"  {trivial['rps']:7.0f} req/s  errors {trivial['errors']}{verdict(trivial)}"
        )
        for name, path in pages:
            got = wrk(base + path, args.duration, args.connections, args.timeout)
            failed += got["failed"]
            ratio = got["p99"] / trivial["p99"] if trivial["p99"] and got["requests"] else float("inf")
            print(
                f"  {name:38} p50 {got['p50']:7.2f} ms  p99 {got['p99']:7.2f} ms  ×{ratio:5.2f}"
                f"  {got['rps']:7.0f} req/s  errors {got['errors']}{verdict(got)}",
                flush=True,
            )
        print(f"  load average {os.getloadavg()[0]:.2f} at the end; {failed} failed run(s)")
        return failed
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
    parser.add_argument(
        "--timeout", type=float, default=5.0, help="seconds; a slower request counts as an error (wrk --timeout)"
    )
    parser.add_argument("--pages", nargs="*", help="only the pages whose name contains one of these words")
    parser.add_argument("--cache", default="locmem://", help="CACHE_URL for the server (dummy:// renders every time)")
    args = parser.parse_args()
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:
        raise SystemExit("wrk is missing: apt-get install wrk")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (a shared machine: figures swing with it)")
    failed = 0
    if args.db in ("sqlite", "both"):
        failed += run("SQLite", f"sqlite:///{args.sqlite_path}", args)
    if args.db in ("postgres", "both"):
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", args.postgres_url.rsplit("/", 1)[1]], capture_output=True
        )
        failed += run("PostgreSQL", args.postgres_url, args)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
