"""`manage.py sweep_originals [--older-than SECONDS] [--dry-run]`: delete original files no version names.

`record_version` writes a version's original before the transaction that inserts its row
commits, and removes it if the recording fails; only a process killed between the two (kill -9,
power loss) can leave a file that no row names. Files younger than `--older-than` are left alone,
as they may belong to a recording still in progress. Safe to run from cron at any time.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from policies.models import PolicyVersion

ROOT = "originals"


class Command(BaseCommand):
    help = "Delete original files that no policy version refers to (left by a crash mid-recording)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--older-than", type=int, default=3600, help="seconds (default 3600)")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, older_than: int, dry_run: bool, **options) -> None:
        storage = PolicyVersion.original.field.storage
        cutoff = time.time() - older_than
        removed = 0
        for name in _files(storage, ROOT):
            if storage.get_modified_time(name).timestamp() > cutoff:
                continue
            # Looked up one by one, after the age check: a version committed meanwhile is seen.
            if PolicyVersion.objects.filter(original=name).exists():
                continue
            removed += 1
            self.stdout.write(f"{'would remove' if dry_run else 'removed'} {name}")
            if not dry_run:
                storage.delete(name)
        self.stdout.write(f"{removed} unreferenced original{'s' if removed != 1 else ''}")


def _files(storage, folder: str):
    if not storage.exists(folder):
        return
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _files(storage, f"{folder}/{directory}")
