"""`manage.py summarize PATH... --json`: print one card per file; writes nothing to the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policies.ingest import IngestError, extract
from summaries.parser import summarize


class Command(BaseCommand):
    help = "Summarise policy files (.txt, .html, .pdf, .docx) into cards, printed as a JSON array."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="print the cards as a JSON array (the default)")
        parser.add_argument("--with-text", action="store_true", help="include the normalised text in each card")

    def handle(self, *args, paths: list[Path], with_text: bool, **options) -> None:
        cards = []
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"{path}: {exc.strerror or exc}") from None
            try:
                extracted = extract(data, path.name)
            except IngestError as exc:
                card = summarize("")
                card["warnings"] = [*card.get("warnings", []), f"{path.name}: {exc}"]
                text = ""
            else:
                text = extracted.text
                card = summarize(text)
            if with_text:
                card["text"] = text
            cards.append(card)
        json.dump(cards, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
