"""`manage.py reparse`: re-summarise every version whose newest card is from an older parser.

Each version is committed on its own, so an interrupted run keeps what it finished and the
next run picks up where it stopped.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from policies.models import PolicyVersion
from summaries.models import Summary
from summaries.parser import PARSER_VERSION
from summaries.store import summarize_version


class Command(BaseCommand):
    help = f"Re-summarise versions not yet summarised by parser {PARSER_VERSION}."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="re-summarise every version, even current ones")

    def handle(self, *args, all: bool, **options) -> None:
        current = Summary.objects.filter(version=OuterRef("pk"), parser_version=PARSER_VERSION)
        pending = PolicyVersion.objects.select_related("company").order_by("pk")
        if not all:
            pending = pending.filter(~Exists(current))
        ids = list(pending.values_list("pk", flat=True))
        total = len(ids)
        if not total:
            self.stdout.write(f"Every version is summarised by parser {PARSER_VERSION}.")
            return
        for n, pk in enumerate(ids, 1):
            version = PolicyVersion.objects.select_related("company").get(pk=pk)
            summarize_version(version)
            self.stdout.write(f"[{n}/{total}] {version.company} v{version.sequence}")
        self.stdout.write(self.style.SUCCESS(f"Re-summarised {total} version(s) with parser {PARSER_VERSION}."))
