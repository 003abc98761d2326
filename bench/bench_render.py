"""In-process cost of each public page with no page cache: ms per request through the Django test client.

    .venv/bin/python bench/bench_render.py                      # 2,000 companies, SQLite, 200 requests a page
    .venv/bin/python bench/bench_render.py --companies 10000 --requests 500
    .venv/bin/python bench/bench_render.py --profile browse     # cProfile of one page, top 40 by own time

Production settings (DEBUG off, so the cached template loader; `CACHE_URL=dummy://`, so every
request renders), a SQLite database of its own filled by `seed_bench` (kept between runs), gzip
on (the client sends Accept-Encoding). Prints the median and mean wall-clock ms per request of
each page and its mean CPU time (this process's: steadier than wall-clock on a shared machine),
and the same for the trivial view (`bench/loadtest`), which issue 13 compares against.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_http import PAGES  # noqa: E402

PAGES = [*PAGES, ("about", "/about/")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--companies", type=int, default=2_000)
    parser.add_argument("--sqlite-path", default=str(ROOT / "bench-render.sqlite3"))
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (after 5 warm-up ones)")
    parser.add_argument("--pages", nargs="*", help="only the pages whose name contains one of these words")
    parser.add_argument("--profile", help="profile the first page whose name contains this word")
    parser.add_argument("--profile-out", help="also write the profile's stats to this file (pstats)")
    args = parser.parse_args()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.loadtest.settings",
            "DATABASE_URL": f"sqlite:///{args.sqlite_path}",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-not-secret",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "CACHE_URL": "dummy://",
            "LOG_LEVEL": "ERROR",
            "SEARCH_RATE_LIMIT": "1000000/m",
            "DIFF_RATE_LIMIT": "1000000/m",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from policies.models import Company

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    missing = args.companies - Company.objects.count()
    if missing > 0:
        with open(os.devnull, "w") as quiet:
            call_command("seed_bench", str(missing), "--force", stdout=quiet)

    # The bench's slugs, scaled to the companies there are (bench-050000 is the middle one).
    def scaled(path: str) -> str:
        return re.sub(r"bench-(\d{6})", lambda m: f"bench-{int(m[1]) * args.companies // 100_000:06d}", path)

    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    pages = [("trivial view", "/bench/trivial/"), *PAGES]
    pages = [(n, scaled(p)) for n, p in pages]
    if args.profile:
        import cProfile
        import pstats

        name, path = next((n, p) for n, p in pages if args.profile in n)
        for _ in range(5):
            client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(path)
        profiler.disable()
        print(f"{name} {path}: {args.requests} requests")
        if args.profile_out:
            profiler.dump_stats(args.profile_out)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
        return
    if args.pages:
        pages = [pages[0], *[(n, p) for n, p in pages[1:] if any(w in n for w in args.pages)]]
    print(f"{args.companies:,} companies (SQLite), {args.requests} requests a page, load {os.getloadavg()[0]:.1f}")
    for name, path in pages:
        for _ in range(5):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        times = []
        cpu_started = time.process_time()
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        cpu = (time.process_time() - cpu_started) * 1000 / args.requests
        print(
            f"  {name:38} median {statistics.median(times):6.2f} ms  mean {statistics.fmean(times):6.2f} ms"
            f"  CPU {cpu:6.2f} ms  {len(response.content):7,} bytes"
        )
    print(f"load at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
