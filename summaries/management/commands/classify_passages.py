"""`manage.py classify_passages`: JSON Lines in, one labelled JSON line out per input line."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from summaries.parser import classify_passage


class Command(BaseCommand):
    help = "Read {id, text} JSON Lines on stdin; write {id, practices, collected, shared, choices} per line."

    def handle(self, *args, **options) -> None:
        out = sys.stdout
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = str(row.get("text") or "")
                ident = row.get("id")
            except (json.JSONDecodeError, AttributeError):
                self.stderr.write(f"line {lineno}: not a JSON object; answered with no labels")
                row, text, ident = {}, "", None
            labels = classify_passage(text)
            out.write(json.dumps({"id": ident, **labels}, ensure_ascii=False) + "\n")
        out.flush()
