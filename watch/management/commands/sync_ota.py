"""Pull every followed Open Terms Archive repository and import its new versions (for cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policies.ota.records import SourceError
from watch.ota_sync import followed_repositories, sync_repository
from watch.tasks import sync_ota_repository


class Command(BaseCommand):
    help = "git-fetch each followed OTA repository and import the new versions of its followed services."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue one task per repository for the worker instead."
        )

    def handle(self, *args, enqueue: bool, **options) -> None:
        repositories = followed_repositories()
        failed = 0
        for repository in repositories:
            if enqueue:
                sync_ota_repository.enqueue(repository)
                self.stdout.write(f"{repository}  queued")
                continue
            try:
                outcome = sync_repository(repository)
            except SourceError as exc:
                failed += 1
                self.stderr.write(f"{repository}  error: {exc}")
                continue
            self.stdout.write(f"{repository}  {outcome.line()}")
            for failure in outcome.failures:
                self.stderr.write(f"  failed: {failure}")
        self.stdout.write(f"Done: {len(repositories)} repositories followed.")
        if failed:
            raise CommandError(f"{failed} repositories could not be synced")
