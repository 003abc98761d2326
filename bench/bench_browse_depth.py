"""Browse pages far from the first, uncached, at N companies. Prints figures; it is not a test.

    DATABASE_URL=sqlite:////tmp/b100k.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/b100k.sqlite3 .venv/bin/python manage.py seed_bench 100000
    DATABASE_URL=sqlite:////tmp/b100k.sqlite3 .venv/bin/python bench/bench_browse_depth.py

Each URL is rendered through Django's test client with the page cache off (`CACHE_URL=dummy://`),
so every request pays its queries; the figure is the median of 5 after one warm-up, printed beside
the first page's, as a ratio (the machine's load moves both alike).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["CACHE_URL"] = "dummy://"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")  # the test client's host; nothing is served


def median_ms(client, url: str, runs: int = 5) -> float:
    client.get(url)
    took = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        took.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(took)


def main() -> int:
    import django

    django.setup()
    from django.test import Client

    from policies.models import Company

    total = Company.objects.public().count()
    last = max(1, -(-total // 20))
    client = Client()
    print(f"bench_browse_depth: {total} public companies, load average {os.getloadavg()[0]:.1f}")
    first = median_ms(client, "/")
    print(f"  {'/':<40} {first:7.1f} ms")
    for url in (
        f"/?page={last // 2}",
        f"/?page={last}",
        f"/?sort=recent&page={last // 2}",
        f"/?sort=name_desc&page={last // 2}",
        f"/?sells=no&page={max(1, last // 10)}",
        f"/?sort=grade&page={last // 2}",
    ):
        ms = median_ms(client, url)
        print(f"  {url:<40} {ms:7.1f} ms  ({ms / first:.1f}x the first page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
