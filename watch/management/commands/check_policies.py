"""Run the due URL checks now (for cron), one line per URL as it goes."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policies.models import Company
from watch.checks import due, run_check
from watch.models import Trigger, WatchedURL
from watch.tasks import check_watched_url


class Command(BaseCommand):
    help = "Check watched policy URLs that are due and record new versions when their text changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Check every active URL now, due or not.")
        parser.add_argument("--company", metavar="SLUG", help="Only this company's URLs.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue one task per URL for the worker instead of checking here."
        )

    def handle(self, *args, **options) -> None:
        slug = options["company"]
        if slug and not Company.objects.filter(slug=slug).exists():
            raise CommandError(f"No company with slug {slug!r}.")
        if options["all"]:
            urls = WatchedURL.objects.filter(active=True).select_related("company").order_by("company__slug", "pk")
            if slug:
                urls = urls.filter(company__slug=slug)
        else:
            urls = due(company_slug=slug)
        force = options["all"]
        tally: Counter[str] = Counter()
        for watched in list(urls):
            label = f"{watched.company.slug}  {watched.url}"
            if options["enqueue"]:
                check_watched_url.enqueue(watched.pk, force=force)
                self._line(f"{label}  queued")
                tally["queued"] += 1
                continue
            result = run_check(watched.pk, trigger=Trigger.COMMAND, force=force)
            if result is None:
                self._line(f"{label}  skipped: another worker is checking it")
                tally["skipped"] += 1
                continue
            self._line(f"{label}  {result.outcome}: {result.message}")
            tally[result.outcome] += 1
        summary = ", ".join(f"{n} {what}" for what, n in sorted(tally.items())) or "nothing due"
        self._line(f"Done: {summary}.")

    def _line(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()  # cron logs and a watching admin see each URL as it finishes
