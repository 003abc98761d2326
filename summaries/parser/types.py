"""Shared shapes of the parser pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict


class Evidence(TypedDict):
    quote: str
    start: int
    end: int


@dataclass
class Passage:
    """A span of the policy text with the heading it sits under and its practice codes."""

    start: int
    end: int
    heading: str = ""
    practices: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "heading": self.heading, "practices": list(self.practices)}
