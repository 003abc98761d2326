"""`manage.py import_policy "COMPANY NAME" FILE [FILE ...]`: bulk import under the admin's rules."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from policies.ingest import IngestError
from policies.models import Company, Source
from policies.sandbox import extract_untrusted
from summaries.recording import record_version


class Command(BaseCommand):
    help = "Import policy files for a company (created if needed); prints created/unchanged per file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("company", help="the company's name (or its slug, if it exists)")
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, company: str, files: list[Path], **options) -> None:
        if not company.strip():
            raise CommandError("the company name is empty")
        # Found or created at the first readable file: files that all fail leave no company.
        target: Company | None = None
        failed = 0
        for path in files:
            try:
                data = path.read_bytes()
                extracted = extract_untrusted(data, path.name)
            except OSError as exc:
                failed += 1
                self.stderr.write(f"{path}: error: {exc.strerror or exc}")
                continue
            except IngestError as exc:
                failed += 1
                self.stderr.write(f"{path}: error: {exc}")
                continue
            target = target or self.company(company)
            version, created = record_version(target, extracted, original=data, source=Source.IMPORT)
            state = "created" if created else "unchanged"
            self.stdout.write(f"{path}: {state} (version {version.sequence})")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be imported")

    def company(self, name: str) -> Company:
        name = name.strip()
        if not name:
            raise CommandError("the company name is empty")
        found = Company.objects.filter(slug=name).first() or Company.objects.filter(name__iexact=name).first()
        if found:
            return found
        # get_or_create so that several imports starting at once agree on one company.
        created_company, created = Company.objects.get_or_create(
            slug=slugify(name) or "company", defaults={"name": name}
        )
        if created:
            self.stdout.write(f"created company {name!r} ({created_company.slug})")
        return created_company
