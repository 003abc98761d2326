"""One recorded file to text and card; runs in worker processes, so it is pure Python."""

from __future__ import annotations

from dataclasses import dataclass

from policies.ingest import Extracted, IngestError, extract
from summaries.parser import summarize


@dataclass(frozen=True)
class Parsed:
    extracted: Extracted | None
    card: dict | None
    error: str = ""


def parse_markdown(data: bytes, name: str) -> Parsed:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Parsed(None, None, f"{name} is not UTF-8 text (byte {exc.start})")
    try:
        extracted = extract(data, "version.md")
    except IngestError as exc:
        return Parsed(None, None, f"{name}: {exc}")
    return Parsed(extracted, summarize(extracted.text))
