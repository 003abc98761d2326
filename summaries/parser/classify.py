"""One passage judged on its own text: the `classify_passages` contract."""

from __future__ import annotations

from summaries.parser.choices import detect_choices
from summaries.parser.collected import detect_types
from summaries.parser.practices import classify_practices
from summaries.parser.shared import detect_recipients


def classify_passage(text: str) -> dict[str, list[str]]:
    return {
        "practices": classify_practices(text),
        "collected": detect_types(text),
        "shared": detect_recipients(text),
        "choices": detect_choices(text),
    }
