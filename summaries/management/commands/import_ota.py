"""`manage.py import_ota SOURCE`: Open Terms Archive histories into the archive, resumably."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dateutil import parser as dateparser
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from policies.ota.dataset import Dataset
from policies.ota.git import web_base
from policies.ota.progress import reporter
from policies.ota.records import SourceError
from policies.ota.sources import open_source
from summaries.ota.importer import DEFAULT_TERMS, Options, import_source, plan, total, write


class Command(BaseCommand):
    help = (
        "Import Open Terms Archive versions (a git clone of a versions repository, a dataset folder or a "
        "dataset .zip): one company per service, one version per distinct text, each with its card."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", type=Path)
        parser.add_argument("--terms", default=DEFAULT_TERMS, help=f'the terms type (default "{DEFAULT_TERMS}")')
        parser.add_argument("--service", action="append", default=[], help="only this service (repeatable)")
        parser.add_argument("--since", type=_date, help="only versions recorded on or after this date")
        parser.add_argument("--jobs", type=int, default=0, help="parsing processes (default: one per core)")
        parser.add_argument(
            "--repository",
            default="",
            help="for a dataset: the OTA versions repository it was published from "
            "(https://github.com/OpenTermsArchive/…-versions), so each version links its original there",
        )

    def handle(self, *args, source: Path, terms: str, service: list[str], since, jobs: int, **options) -> None:
        if jobs < 0:
            raise CommandError("--jobs must be 0 (one per core) or more")
        chosen = Options(terms_type=terms, services=tuple(service), since=since, jobs=jobs)
        try:
            opened = open_source(source)
        except SourceError as exc:
            raise CommandError(str(exc)) from None
        if options["repository"]:
            _link_dataset(opened, options["repository"])
        try:
            plans = plan(opened, chosen)
            with reporter(total(plans), self.stdout, self.stdout.isatty()) as progress:
                outcome = write(opened, plans, chosen, progress)
        except SourceError as exc:
            raise CommandError(str(exc)) from None
        finally:
            opened.close()
        for note in outcome.older_notes.values():
            self.stdout.write(f"skipped: {note}")
        self.stdout.write(outcome.line())
        for failure in outcome.failures:
            self.stderr.write(f"failed: {failure}")
        if outcome.failures:
            count = len(outcome.failures)
            raise CommandError(f"{count} recorded files could not be read (skipped; the rest was imported)")


def _link_dataset(opened, repository: str) -> None:
    if not isinstance(opened, Dataset):
        opened.close()
        raise CommandError("--repository is for datasets: a git clone links its versions through its own remote")
    opened.web_base = web_base(repository)
    if not opened.web_base:
        opened.close()
        raise CommandError(
            f"--repository must be a https://github.com/ or https://gitlab.com/ address, not {repository!r}"
        )


def _date(value: str) -> datetime:
    try:
        parsed = dateparser.isoparse(value)
    except ValueError:
        raise ValueError(f"not a date: {value!r}") from None
    return parsed if parsed.tzinfo else timezone.make_aware(parsed, timezone.UTC)


__all__ = ["Command", "import_source"]
