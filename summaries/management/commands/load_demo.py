"""`manage.py load_demo`: load the fictional demo retailers and their policies into the archive.

Idempotent: companies are found by slug, and a file whose normalised text any version of that
company already holds is reported as unchanged. Checking every version, not only the latest,
matters here: on a second run v1 of a three-version company differs from its latest (v3), and
`record_version` alone would record it again as v4. Each new file is parsed once: its card
gives the demo capture date and is the card stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies.archive import text_sha256
from policies.ingest import IngestError, extract
from policies.models import Company, PolicyVersion, Sector, Source
from summaries.parser import summarize
from summaries.recording import record_version

DEMO_DIR = Path(__file__).resolve().parents[3] / "policies" / "demo"


@dataclass(frozen=True)
class DemoCompany:
    name: str
    slug: str
    website: str
    sector: str
    aliases: list[str]
    policies: list[str]


def read_manifest(demo_dir: Path) -> list[DemoCompany]:
    try:
        raw = json.loads((demo_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"cannot read {demo_dir / 'manifest.json'}: {exc}") from exc
    companies = []
    for entry in raw.get("companies", []):
        company = DemoCompany(
            name=entry["name"],
            slug=entry["slug"],
            website=entry.get("website", ""),
            sector=entry.get("sector", Sector.OTHER),
            aliases=list(entry.get("aliases", [])),
            policies=list(entry["policies"]),
        )
        if company.sector not in Sector.values:
            raise CommandError(f"{company.slug}: unknown sector {company.sector!r}")
        companies.append(company)
    return companies


class Command(BaseCommand):
    help = "Load the fictional demo companies and policies (safe to run again: prints created/unchanged per file)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", dest="demo_dir", type=Path, default=DEMO_DIR, help="folder with manifest.json")

    def handle(self, *args, demo_dir: Path, **options) -> None:
        created_total = 0
        for demo in read_manifest(demo_dir):
            company = self.company(demo)
            for relative in demo.policies:
                created_total += self.load_file(company, demo_dir / relative, relative)
        self.stdout.write(f"done: {created_total} new version(s)")

    def company(self, demo: DemoCompany) -> Company:
        # Existing companies are left as they are: an admin may have edited them since.
        company, created = Company.objects.get_or_create(
            slug=demo.slug,
            defaults={
                "name": demo.name,
                "website": demo.website,
                "sector": demo.sector,
                "aliases": "\n".join(demo.aliases),
                "fictional": True,
            },
        )
        if not company.fictional:  # a demo database made before the flag existed
            Company.objects.filter(pk=company.pk).update(fictional=True)
            company.fictional = True
        if created:
            self.stdout.write(f"created company {demo.name!r} ({demo.slug})")
        return company

    def load_file(self, company: Company, path: Path, label: str) -> int:
        try:
            data = path.read_bytes()
            extracted = extract(data, path.name)
        except OSError as exc:
            raise CommandError(f"{label}: {exc.strerror or exc}") from exc
        except IngestError as exc:
            raise CommandError(f"{label}: {exc}") from exc
        held = (
            PolicyVersion.objects.filter(company=company, sha256=text_sha256(extracted.text))
            .order_by("sequence")
            .first()
        )
        if held is not None:
            self.stdout.write(f"{label}: unchanged (version {held.sequence})")
            return 0
        card = summarize(extracted.text)
        version, created = record_version(
            company, extracted, original=data, card=card, source=Source.IMPORT, captured_at=captured_on(card)
        )
        self.stdout.write(f"{label}: {'created' if created else 'unchanged'} (version {version.sequence})")
        return int(created)


def captured_on(card: dict) -> datetime | None:
    """Demo versions look captured on their effective date, so history shows a real timeline."""
    found = card.get("effective_date")
    if not found:
        return None
    return datetime.combine(date.fromisoformat(found), time(12), tzinfo=UTC)
