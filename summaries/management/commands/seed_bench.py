"""`manage.py seed_bench N`: N synthetic companies, each with one version and its card, for benchmarks.

Load tests and `bench/` only: the companies are fictional (slugs `bench-000001`, ...), their
policies are a handful of short texts written here, and each distinct text is parsed once.
Rows go in with bulk inserts in batches, so 100,000 companies take a minute or two; on PostgreSQL
the versions and cards go in with COPY, its bulk-load path (bulk_create sends them as arrays that
psycopg escapes value by value in Python: most of the time at 100,000).
Refuses to run with DEBUG off unless `--force`, so it never lands in a real archive by accident.
"""

from __future__ import annotations

import hashlib
import time
from itertools import islice

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from policies.models import Company, PolicyVersion, Sector, Source
from summaries.models import Summary
from summaries.parser import summarize

BATCH = 5000
FIRST = ["Amber", "Birch", "Cobalt", "Drift", "Ember", "Fable", "Granite", "Harbor", "Indigo", "Juniper"]
SECOND = ["Outfitters", "Goods", "Supply", "Market", "House", "Works", "Trading", "Store", "Co", "Provisions"]
OPENING = "Privacy Notice\n\nWe collect your name, email address and postal address when you place an order."
CLAUSES = [
    "We do not sell your personal information.",
    "We may sell or share your personal information with partners for their marketing.",
    "We share device identifiers with advertising partners to show you ads.",
    "You may ask us to delete your personal information by writing to privacy@example.com.",
    "We honour Global Privacy Control signals from your browser as a request to opt out.",
    "We keep your information for as long as your account is active.",
]


def policy_texts() -> list[str]:
    """Eight texts: every mix of selling, advertisers and deletion, so the badges vary."""
    texts = []
    for mask in range(8):
        chosen = [CLAUSES[1] if mask & 1 else CLAUSES[0]]
        if mask & 2:
            chosen.append(CLAUSES[2])
        if mask & 4:
            chosen += [CLAUSES[3], CLAUSES[4]]
        texts.append("\n\n".join([OPENING, *chosen, CLAUSES[5]]) + "\n")
    return texts


def batches(iterable, size: int):
    it = iter(iterable)
    while chunk := list(islice(it, size)):
        yield chunk


class Command(BaseCommand):
    help = "Add N synthetic companies with a version and a card each (benchmarks and load tests only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("count", type=int)
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args, count: int, force: bool, **options) -> None:
        if count < 1:
            raise CommandError("N must be at least 1.")
        if not settings.DEBUG and not force:
            raise CommandError("seed_bench fills the database with fictional companies; pass --force with DEBUG off.")
        started = time.monotonic()
        texts = policy_texts()
        cards = [summarize(text) for text in texts]
        templates = [Summary(card=card) for card in cards]
        for summary in templates:
            summary.refresh_derived()
        start = Company.objects.filter(slug__startswith="bench-").count()
        sectors = [value for value, _ in Sector.choices]
        now = timezone.now()
        made = 0
        for chunk in batches(range(start, start + count), BATCH):
            with transaction.atomic():
                self._insert(chunk, texts, cards, templates, sectors, now)
            made += len(chunk)
            self.stdout.write(f"{made}/{count}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load
        self.stdout.write(
            self.style.SUCCESS(f"Added {count} companies in {time.monotonic() - started:.1f} s (slugs bench-*).")
        )

    def _insert(self, chunk, texts, cards, templates, sectors, now) -> None:
        companies = []
        for i in chunk:
            name = f"{FIRST[i % 10]} {SECOND[i // 10 % 10]} {i:06d}"
            badges = templates[i % len(texts)]
            companies.append(
                Company(
                    name=name,
                    slug=f"bench-{i:06d}",
                    website=f"https://bench-{i:06d}.example",
                    sector=sectors[i % len(sectors)],
                    aliases=f"{FIRST[i % 10].lower()}{i:06d}.example",
                    version_count=1,
                    last_updated=now,
                    badge_sells=badges.sells_data,
                    badge_ads=badges.shares_with_advertisers,
                    badge_deletion=badges.allows_deletion,
                    badge_gpc=badges.honors_gpc,
                    changed_at=now,
                )
            )
        companies = Company.objects.bulk_create(companies)
        text_of = {company.pk: texts[i % len(texts)] for i, company in zip(chunk, companies, strict=True)}
        versions = [
            PolicyVersion(
                company_id=company_id,
                sequence=1,
                source=Source.IMPORT,
                media_type="text/plain",
                size=len(text.encode()),
                text=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                captured_at=now,
                extractor_version="bench",
            )
            for company_id, text in text_of.items()
        ]
        versions = _insert(PolicyVersion, versions, key="company_id")
        summaries = []
        for version in versions:
            k = texts.index(text_of[version.company_id])
            summary = Summary(version_id=version.pk, parser_version=cards[k]["parser_version"], card=cards[k])
            summary.refresh_derived()
            summary.created_at = now
            summaries.append(summary)
        _insert(Summary, summaries, key="version_id")
        # The companies were inserted before their versions existed; point them at them now.
        first = PolicyVersion.objects.filter(company=OuterRef("pk")).values("pk")[:1]
        Company.objects.filter(pk__in=[c.pk for c in companies]).update(current_version=Subquery(first))


def _insert[M: models.Model](model: type[M], rows: list[M], *, key: str) -> list[M]:
    """Insert `rows`, whose `key` values are unique among them; returns them with their primary keys."""
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(rows)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(row, add=True), connection) for f in fields])
    # COPY returns no keys: read them back by the column that tells these rows apart.
    found = dict(model.objects.filter(**{f"{key}__in": [getattr(r, key) for r in rows]}).values_list(key, "pk"))
    for row in rows:
        row.pk = found[getattr(row, key)]
    return rows
