"""The browse page's queries (its count and its page) as the database runs them. Prints figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB .venv/bin/python bench/explain_browse.py
    DATABASE_URL=sqlite:////tmp/b100k.sqlite3 .venv/bin/python bench/explain_browse.py
    ... bench/explain_browse.py --show-plans              # and each plan in full

For each browse address (sorts, deep pages, filters, searches from broad to one match), builds
the queryset and its paginator exactly as the view does (`pages.views.browse.browse_companies`,
`browse_paginator`) and prints the median time of 5 runs of each query the page runs (the
tally's count, the page; a deep page's keys then rows; a search's page with its count), with the indexes the plan reads
(PostgreSQL: `EXPLAIN ANALYZE`'s execution time; SQLite: the query timed in Python and its
`EXPLAIN QUERY PLAN`). For a search it also runs the page ordered by the plain column, as every
browse sort is, beside the order the view uses for searches, in the same run: the pair is the
figure to compare on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

ADDRESSES = [
    "",
    "page=2500",
    "sort=recent&page=101",
    "sort=recent&page=2500",
    "sort=oldest&page=101",
    "sort=oldest&page=2500",
    "sort=name_desc&page=2500",
    "sort=grade&page=2500",
    "sells=no&no_ads=1&sort=recent&page=200",
    "sector=books&sort=oldest&page=300",
    "q=bench-012345",
    "q=juniper+works+0421",
    "q=juniper+works+0421&sort=recent",
    "q=amber+goods",
    "q=amber+goods&sort=oldest&page=20",
    "q=cobalt",
    "q=cobalt&page=200",
    "q=junipre",
    "q=zz",
    "q=nothing+like+this",
]


def timed_pg(sql: str, params, runs: int) -> tuple[float, str]:
    from django.db import connection

    took, plan = [], None
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
            plan = plan if isinstance(plan, list) else json.loads(plan)
            took.append(plan[0]["Execution Time"])
    return statistics.median(took), json.dumps(plan)


def timed_sqlite(sql: str, params, runs: int) -> tuple[float, str]:
    from django.db import connection

    took = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            took.append((time.perf_counter() - started) * 1000)
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    return statistics.median(took), plan


def indexes_in(plan: str) -> str:
    names = re.findall(r'"Index Name": "([^"]+)"|USING (?:COVERING )?INDEX (\w+)', plan)
    found = sorted({a or b for a, b in names})
    sort = "sort" if ('"Sort Key"' in plan or "TEMP B-TREE" in plan) else ""
    scan = "seq scan" if ('"Seq Scan"' in plan or re.search(r"SCAN policies_company(?! USING)", plan)) else ""
    return ", ".join([*found, *(s for s in (scan, sort) if s)]) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--show-plans", action="store_true")
    parser.add_argument("addresses", nargs="*", help="query strings (default: a fixed list)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict

    from pages.forms import BrowseFiltersForm
    from pages.views.browse import ORDERINGS, browse_companies
    from policies.models import Company, Sector

    timed = timed_pg if connection.vendor == "postgresql" else timed_sqlite
    total = Company.objects.public().count()
    print(
        f"explain_browse: {connection.vendor}, {total:,} public companies,"
        f" load average {os.getloadavg()[0]:.1f}, median of {args.runs} (ms)"
    )
    for address in args.addresses or ADDRESSES:
        params = BrowseFiltersForm(QueryDict(address), Sector.values).params()
        qs = browse_companies(params)
        line = f"  /?{address:<42}"
        for name, sql in page_sql(params, qs):
            ms, plan = timed(sql, None, args.runs)
            line += f"  {name} {ms:7.1f} [{indexes_in(plan)}]"
            if args.show_plans:
                print(f"    {address} {name}: {plan}")
        if params.q:  # the page ordered by the plain column, as every browse sort is, for comparison
            for name, sql in page_sql(params, qs.order_by(*ORDERINGS[params.sort])):
                ms, plan = timed(sql, None, args.runs)
                line += f"  plain order {name} {ms:7.1f} [{indexes_in(plan)}]"
        print(line, flush=True)
    return 0


def page_sql(params, queryset) -> list[tuple[str, str]]:
    """The queries the view's paginator runs for this page, each named by what it reads."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pages.views.browse import browse_paginator

    with CaptureQueriesContext(connection) as ran:
        list(browse_paginator(params, queryset).get_page(params.page).object_list)
    named = []
    for query in ran.captured_queries:
        sql = query["sql"]
        if "policies_companytally" in sql:
            name = "count"
        elif "OVER ()" in sql:
            name = "page+count"
        elif "COUNT(*)" in sql:
            name = "count"
        elif re.match(r'SELECT "policies_company"."id" FROM', sql.lstrip()):
            name = "keys"
        elif " IN (" in sql and "LIMIT" not in sql:
            name = "rows"
        else:
            name = "page"
        named.append((name, sql))
    return named


if __name__ == "__main__":
    sys.exit(main())
