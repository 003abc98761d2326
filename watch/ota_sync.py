"""Keeping followed Open Terms Archive repositories current: pull, then import what is new.

A repository given as an https URL is mirrored under `settings.OTA_CHECKOUTS` (cloned once,
then fetched); one given as an absolute path is a clone (or bundle) on this machine, which is
pulled from its own configured remote. Other transports (ssh, git://, ext::…) are refused, so
an admin's typo cannot make git run a command. The import itself is `import_ota`'s, limited to
the followed services, so a sync is as idempotent and resumable as an import.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from policies.models import OTAService
from policies.ota.git import GitSource, git, is_repository
from policies.ota.records import SourceError
from summaries.ota.importer import Options, Outcome, import_source

FETCH_TIMEOUT = 900


def check_repository(repository: str) -> None:
    if repository.startswith("https://"):
        return
    if not Path(repository).is_absolute():
        raise SourceError(f"{repository!r}: give an https:// URL or an absolute path to a clone on this server")


def followed_repositories() -> list[str]:
    rows = OTAService.objects.filter(follow=True).order_by("repository")
    return list(rows.values_list("repository", flat=True).distinct())


def pull(repository: str) -> Path:
    """An up-to-date local clone of `repository`; raises SourceError saying why not."""
    check_repository(repository)
    if not repository.startswith("https://"):
        path = Path(repository)
        if not is_repository(path):
            raise SourceError(f"{repository} is not a git repository")
        if git(path, "remote", timeout=30).strip():
            branch = git(path, "rev-parse", "--abbrev-ref", "HEAD", timeout=30).strip()
            if git(path, "rev-parse", "--is-bare-repository", timeout=30).strip() == "true":
                git(path, "fetch", "-q", "--prune", "origin", timeout=FETCH_TIMEOUT)
            else:
                git(path, "pull", "-q", "--ff-only", "origin", branch, timeout=FETCH_TIMEOUT)
        return path
    root = Path(settings.OTA_CHECKOUTS)
    root.mkdir(parents=True, exist_ok=True)
    checkout = root / hashlib.sha256(repository.encode()).hexdigest()[:16]
    if is_repository(checkout):
        git(checkout, "fetch", "-q", "--prune", "origin", timeout=FETCH_TIMEOUT)
    else:
        git(root, "clone", "-q", "--mirror", repository, str(checkout), timeout=FETCH_TIMEOUT)
    return checkout


def sync_repository(repository: str) -> Outcome:
    """Pull `repository` and import the new versions of every service followed in it."""
    rows = list(OTAService.objects.filter(repository=repository, follow=True))
    outcome = Outcome()
    try:
        source = GitSource(pull(repository), location=repository)
    except SourceError as exc:
        _note(rows, str(exc))
        raise
    by_terms: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_terms[row.terms_type].append(row.service)
    try:
        for terms_type, services in by_terms.items():
            done = import_source(source, Options(terms_type=terms_type, services=tuple(services), jobs=1))
            for field in ("services", "created", "unchanged", "extractor_changes", "deletions", "older"):
                setattr(outcome, field, getattr(outcome, field) + getattr(done, field))
            outcome.failures += done.failures
    except SourceError as exc:
        _note(rows, str(exc))
        raise
    finally:
        source.close()
    _note(rows, "; ".join(outcome.failures))
    return outcome


def _note(rows: list[OTAService], error: str) -> None:
    OTAService.objects.filter(pk__in=[r.pk for r in rows]).update(synced_at=timezone.now(), last_error=error)
