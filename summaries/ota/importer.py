"""Importing an OTA source into the archive: documents → companies, records → versions.

Files are read here and parsed (Markdown → text → card) in worker processes, a bounded window
ahead of the writer, so memory stays flat whatever the history's length; every version is
written here, in order, through `record_version`, each in its own short transaction together
with the document's resume point. A re-run reads the resume point and skips what is done, so
an interrupted import re-run gives no duplicates and no gaps. A company is created in the same
transaction as its first version: an import that fails before that leaves nothing visible.
A recorded file that cannot be read (not UTF-8, empty, too big) is reported as a failure and
skipped: the document's later versions are imported after it. A company that already has
versions (from its watched URL or another source) gets only the records newer than its latest
version; older ones are skipped and reported, never appended out of date order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from django.db import reset_queries, transaction
from django.utils.text import slugify

from policies import bulk
from policies.archive import Origin, text_sha256
from policies.ingest import MAX_BYTES
from policies.models import Company, OTAService, PolicyVersion, Source
from policies.ota.git import GitSource
from policies.ota.records import Document, Kind, Record, SourceError
from summaries.ota.parse import Parsed, parse_markdown
from summaries.recording import record_version

DEFAULT_TERMS = "Privacy Policy"
WORKER_FILES = 200


@dataclass(frozen=True)
class Options:
    terms_type: str = DEFAULT_TERMS
    services: tuple[str, ...] = ()
    since: datetime | None = None
    jobs: int = 0  # 0: one per core


@dataclass
class Outcome:
    services: int = 0
    created: int = 0
    unchanged: int = 0
    extractor_changes: int = 0
    deletions: int = 0
    older: int = 0
    failures: list[str] = field(default_factory=list)
    older_notes: dict[str, str] = field(default_factory=dict)  # per service, the first skipped record

    def line(self) -> str:
        return (
            f"{self.services} services · {self.created} versions created · {self.unchanged} unchanged · "
            f"{self.extractor_changes} extractor changes · {self.deletions} deletions · "
            f"{len(self.failures)} failures · {self.older} older than the company's history (skipped)"
        )


Progress = Callable[[str], None]  # called once per record handled, with the service's name


@dataclass
class _Pending:
    document: Document
    row: OTAService | None
    records: list[Record]
    # When the company's newest version from another source was captured (looked up once per run).
    elsewhere: datetime | None = None
    elsewhere_known: bool = False


def import_source(source: GitSource, options: Options, progress: Progress | None = None) -> Outcome:
    """Import `source`; raises SourceError (before writing anything) when it cannot be imported."""
    pending = plan(source, options)
    return write(source, pending, options, progress)


def plan(source: GitSource, options: Options) -> list[_Pending]:
    documents = source.documents(options.terms_type)
    if not documents:
        found = ", ".join(repr(t) for t in source.terms_types()) or "none"
        raise SourceError(f"no {options.terms_type!r} documents in {source.location} (terms types there: {found})")
    if options.services:
        wanted = {name.casefold() for name in options.services}
        documents = [d for d in documents if wanted & {n.casefold() for n in d.names}]
        known = {n.casefold() for d in documents for n in d.names}
        missing = [name for name in options.services if name.casefold() not in known]
        if missing:
            raise SourceError(f"no {options.terms_type!r} document for service {missing[0]!r} in {source.location}")
    rows = {
        name: row
        for row in OTAService.objects.filter(repository=source.location, terms_type=options.terms_type)
        for name in [row.service]
    }
    plans = []
    for document in documents:
        row = next((rows[name] for name in reversed(document.names) if name in rows), None)
        records = _after_resume_point(document.records, row)
        if options.since is not None:
            records = [r for r in records if r.recorded_at >= options.since]
        plans.append(_Pending(document, row, records))
    return plans


def _after_resume_point(records: list[Record], row: OTAService | None) -> list[Record]:
    if row is None or (not row.last_commit and row.last_recorded is None):
        return records
    if row.last_commit:
        for index, record in enumerate(records):
            if record.commit == row.last_commit:
                return records[index + 1 :]
    # A dataset (no commits), or a history rewritten under us: go by time.
    return [r for r in records if row.last_recorded is None or r.recorded_at > row.last_recorded]


def total(plans: list[_Pending]) -> int:
    return sum(len(p.records) for p in plans)


def write(source: GitSource, plans: list[_Pending], options: Options, progress: Progress | None) -> Outcome:
    outcome = Outcome(services=len(plans))
    # Review state (grade, queue flags) is worked out once per document, not once per version.
    with bulk.deferred():
        last = -1
        for index, plan_, record, data, parsed in _parsed(source, plans, options.jobs):
            if index != last:
                bulk.settle()  # the previous document's company is complete
                last = index
            if progress:
                progress(record.service)
            if parsed is not None and parsed.error:
                # A file that cannot be read (not UTF-8, empty, too big) is that recorded file's
                # fault, not its document's: it is reported and the next version is imported, so
                # one bad capture does not freeze a history. Nothing of it is written; the resume
                # point moves on with the next version written (a re-run would only fail again).
                outcome.failures.append(f"{record.service} ({record.recorded_at:%Y-%m-%d %H:%M}): {parsed.error}")
                continue
            _write_one(source, plan_, record, data, parsed, outcome)
            # With DEBUG on (the development default) Django keeps the last 9,000 queries with
            # their parameters, here whole policy texts: hundreds of MB over a long import.
            reset_queries()
    return outcome


def _parsed(
    source: GitSource, plans: list[_Pending], jobs: int
) -> Iterator[tuple[int, _Pending, Record, bytes, Parsed | None]]:
    """Each record with its parsed file, in order; files are parsed a bounded window ahead."""
    work = ((i, p, r) for i, p in enumerate(plans) for r in p.records)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for index, plan_, record in work:
            data, parsed = _read(source, record)
            if parsed is None and record.kind != Kind.DELETED:
                parsed = parse_markdown(data, record.path)
            yield index, plan_, record, data, parsed
        return
    # Workers are spawned, each importing the parser itself (about a second of CPU per worker),
    # not forked from a forkserver that preloads it: that server is one more process holding the
    # parser (~65 MB resident) for the whole import. Spawned workers import the caller's
    # `__main__` again, so a script calling this needs the usual `if __name__ == "__main__"`.
    context = multiprocessing.get_context("spawn")
    window: deque[tuple[int, _Pending, Record, bytes, Future[Parsed] | Parsed | None]] = deque()
    # A worker is replaced after a few hundred files: CPython keeps the arenas a long policy's
    # parse grew, so a worker's memory would otherwise creep up with the history's length.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, max_tasks_per_child=WORKER_FILES) as pool:
        for index, plan_, record in work:
            data, parsed = _read(source, record)
            if parsed is None and record.kind != Kind.DELETED:
                window.append((index, plan_, record, data, pool.submit(parse_markdown, data, record.path)))
            else:
                window.append((index, plan_, record, data, parsed))
            while len(window) > jobs * 4:
                yield _resolved(window.popleft())
        while window:
            yield _resolved(window.popleft())


def _resolved(item) -> tuple[int, _Pending, Record, bytes, Parsed | None]:
    index, plan_, record, data, parsed = item
    return index, plan_, record, data, parsed.result() if isinstance(parsed, Future) else parsed


def _read(source: GitSource, record: Record) -> tuple[bytes, Parsed | None]:
    if record.kind == Kind.DELETED:
        return b"", None
    try:
        return source.read(record, MAX_BYTES), None
    except (ValueError, OSError) as exc:
        return b"", Parsed(None, None, str(exc))


def _write_one(
    source: GitSource, plan_: _Pending, record: Record, data: bytes, parsed: Parsed | None, outcome: Outcome
) -> None:
    with transaction.atomic():
        if record.kind == Kind.DELETED or parsed is None or parsed.extracted is None:
            outcome.deletions += 1
            if plan_.row is not None:
                _advance(plan_.row, record)
            return
        row = _row_for(source, plan_, record)
        company = row.company
        has_versions = company.current_version_id is not None
        if has_versions and _known_from_elsewhere(company, parsed.extracted.text, source.location):
            _advance(row, record)
            outcome.unchanged += 1
            return
        if has_versions and not plan_.elsewhere_known:
            plan_.elsewhere, plan_.elsewhere_known = _latest_from_elsewhere(company, source.location), True
        latest = plan_.elsewhere if has_versions else None
        if latest is not None and record.recorded_at < latest:
            # A second source whose history starts before what is recorded: versions are
            # numbered in recording order and never renumbered (links, feeds, reviews point at
            # the numbers), so an older text cannot be put back in its place. Slotting it after
            # newer versions would show the company going back in time; it is skipped and said.
            _advance(row, record)
            outcome.older += 1
            outcome.older_notes.setdefault(
                record.service,
                f"{record.service}: versions recorded before {latest:%Y-%m-%d %H:%M} (the latest version "
                f"{company.name} has from elsewhere) were skipped; only later ones are added",
            )
            return
        version, created = record_version(
            company,
            parsed.extracted,
            original=data,
            source=Source.OTA,
            source_url=source.link(record),
            captured_at=record.recorded_at,
            extractor_change=record.kind == Kind.EXTRACTOR and has_versions,
            origin=Origin(source.location, record.commit, record.path),
            card=parsed.card,
        )
        _advance(row, record)
    if not created:
        outcome.unchanged += 1
    elif version.extractor_change:
        outcome.extractor_changes += 1
    else:
        outcome.created += 1


def _latest_from_elsewhere(company: Company, location: str) -> datetime | None:
    """When the company's newest version that did not come from this source was captured.

    Within one source its own order stands (a commit dated before its parent is still later).
    """
    versions = PolicyVersion.objects.filter(company=company).exclude(source_repository=location)
    return versions.order_by("-sequence").values_list("captured_at", flat=True).first()


def _known_from_elsewhere(company: Company, text: str, location: str) -> bool:
    """The same text already came in another way (a watched URL, another OTA source): one version.

    Within one source a text may come back (a change reverted) and is then a new version, as
    `record_version` decides against the latest one.
    """
    versions = PolicyVersion.objects.filter(company=company, sha256=text_sha256(text))
    return versions.exclude(source_repository=location).exists()


def _advance(row: OTAService, record: Record) -> None:
    row.last_commit, row.last_recorded = record.commit, record.recorded_at
    row.save(update_fields=["last_commit", "last_recorded", "service"])


def _row_for(source: GitSource, plan_: _Pending, record: Record) -> OTAService:
    """The document's tracking row (and company), created with its first version."""
    row = plan_.row
    if row is None:
        company = _company_named(record.service)
        row, _ = OTAService.objects.get_or_create(
            repository=source.location,
            service=record.service,
            terms_type=_terms_of(record),
            defaults={"company": company, "follow": False},
        )
        plan_.row = row
    elif row.service != record.service:  # the service directory was renamed in OTA
        company = row.company
        old = row.service
        row.service = record.service
        if company.name == old:
            company.name = record.service
        if old not in company.alias_list:
            company.aliases = "\n".join([*company.alias_list, old])
        company.save()
    row.company.refresh_from_db(fields=["current_version"])
    return row


def _terms_of(record: Record) -> str:
    # `SERVICE/TERMS TYPE.md` in repositories, `SERVICE/TERMS TYPE/DATE.md` in datasets.
    parts = record.path.split("/")
    return parts[1] if len(parts) == 3 else parts[1].removesuffix(".md")


def _company_named(name: str) -> Company:
    """The company an OTA service feeds: one of that name (or slug, or alias), or a new one."""
    slug = slugify(name) or "company"
    found = Company.objects.filter(slug=slug).first() or Company.objects.filter(name__iexact=name).first()
    if found is None:
        found = next((c for c in Company.objects.filter(aliases__icontains=name) if name in c.alias_list), None)
    if found is not None:
        return found
    unique, n = slug, 1
    while Company.objects.filter(slug=unique).exists():
        n += 1
        unique = f"{slug}-{n}"
    return Company.objects.create(name=name, slug=unique)
