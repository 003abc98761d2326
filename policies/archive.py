"""Archiving policy versions: the one place that writes versions.

The archive knows nothing of cards: `summaries.recording.record_version` summarises the text
first (a layer above) and passes the effective date and a hook that stores the card in the
same transaction, so no version is ever public without its card.

Archiving is idempotent: the same normalised text as the company's latest version records
nothing and returns that version with `created=False`. Each call runs in one transaction that
first locks the company row (PostgreSQL) or takes SQLite's write lock (IMMEDIATE mode), so
concurrent writers queue and the per-company sequence stays contiguous.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from policies.ingest import EXTRACTOR_VERSION, Extracted
from policies.models import Company, PolicyVersion, Source


@dataclass(frozen=True)
class Recorded:
    version: PolicyVersion
    created: bool

    def __iter__(self):  # so callers may write `version, created = record_version(...)`
        return iter((self.version, self.created))


@dataclass(frozen=True)
class Origin:
    """Where an imported version was recorded first (an Open Terms Archive repository)."""

    repository: str
    commit: str
    path: str


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _latest(company: Company) -> PolicyVersion | None:
    # The hash decides whether a text is new; the text itself (often hundreds of kB) is read only if a
    # caller asks for it.
    return PolicyVersion.objects.filter(company=company).defer("text").order_by("-sequence").first()


def unchanged_latest(company: Company, text: str) -> PolicyVersion | None:
    """The company's latest version when it holds exactly `text` (then nothing is recorded)."""
    latest = _latest(company)
    return latest if latest is not None and latest.sha256 == text_sha256(text) else None


def archive_version(
    company: Company,
    extracted: Extracted,
    *,
    original: bytes,
    effective_date: date | str | None = None,
    on_created: Callable[[PolicyVersion], object] | None = None,
    source: str = Source.UPLOAD,
    source_url: str = "",
    extractor_version: str = EXTRACTOR_VERSION,
    extractor_change: bool = False,
    captured_at: datetime | None = None,
    origin: Origin | None = None,
) -> Recorded:
    """Archive `extracted` as the company's next version unless it equals the latest one.

    `on_created` runs inside the recording transaction with the new version (its failure
    rolls the version back); nothing runs when the text is unchanged.
    """
    sha = text_sha256(extracted.text)
    written: list[str] = []
    try:
        with transaction.atomic():
            # Serialises writers per company on PostgreSQL; on SQLite the IMMEDIATE transaction
            # already holds the database's write lock here.
            Company.objects.select_for_update().only("pk").get(pk=company.pk)
            latest = _latest(company)
            if latest is not None and latest.sha256 == sha:
                return Recorded(latest, False)
            version = PolicyVersion(
                company=company,
                sequence=(latest.sequence + 1) if latest else 1,
                source=source,
                source_url=source_url,
                media_type=extracted.media_type,
                size=len(original),
                text=extracted.text,
                sha256=sha,
                captured_at=captured_at or timezone.now(),
                effective_date=effective_date or None,
                extractor_version=extractor_version,
                extractor_change=extractor_change,
                source_repository=origin.repository if origin else "",
                source_commit=origin.commit if origin else "",
                source_path=origin.path if origin else "",
            )
            # A server-generated name: the uploader's filename never reaches the disk.
            version.original.save(f"{uuid.uuid4().hex}.{extracted.extension}", ContentFile(original), save=False)
            written.append(version.original.name)
            version.save()
            if on_created is not None:
                on_created(version)
    except BaseException:
        # The row that would name the file was rolled back: remove the file too, so a failed
        # recording leaves nothing behind.
        for name in written:
            PolicyVersion.original.field.storage.delete(name)
        raise
    return Recorded(version, True)
