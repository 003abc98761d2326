"""`manage.py reparse`: re-summarise every version whose newest card is from an older parser.

It also derives again the stored card-level changes of current cards derived by an older
`summaries.changes` (`CHANGES_VERSION`), without re-parsing them. Each version is committed on
its own, so an interrupted run keeps what it finished and the next run picks up where it
stopped. Versions go oldest first, so a new card's changes compare it with its predecessor's
new card.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from policies.models import PolicyVersion
from summaries.changes import CHANGES_VERSION
from summaries.models import Summary
from summaries.parser import PARSER_VERSION
from summaries.store import summarize_version


class Command(BaseCommand):
    help = f"Re-summarise versions not yet summarised by parser {PARSER_VERSION}."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="re-summarise every version, even current ones")

    def handle(self, *args, all: bool, **options) -> None:
        current = Summary.objects.filter(version=OuterRef("pk"), parser_version=PARSER_VERSION)
        stale = current.exclude(changes_version=CHANGES_VERSION)
        pending = PolicyVersion.objects.order_by("company_id", "sequence")
        if not all:
            pending = pending.filter(~Exists(current) | Exists(stale))
        ids = list(pending.values_list("pk", flat=True))
        total = len(ids)
        if not total:
            self.stdout.write(f"Every version is summarised by parser {PARSER_VERSION}.")
            return
        parsed = 0
        for n, pk in enumerate(ids, 1):
            version = PolicyVersion.objects.select_related("company").get(pk=pk)
            card = None if all else Summary.objects.filter(version=version, parser_version=PARSER_VERSION).first()
            if card is None:
                summarize_version(version)
                parsed += 1
                self.stdout.write(f"[{n}/{total}] {version.company} v{version.sequence}")
            else:
                card.save(update_fields=["changes", "changes_version"])  # save() derives them again
                self.stdout.write(f"[{n}/{total}] {version.company} v{version.sequence}: changes derived again")
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-summarised {parsed} version(s) with parser {PARSER_VERSION}; "
                f"derived the changes of {total - parsed} again."
            )
        )
