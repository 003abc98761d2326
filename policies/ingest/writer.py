"""Plain text built block by block, shared by the HTML and Markdown readers so both give the parser one shape."""

from __future__ import annotations


class BlockWriter:
    """Collects text with pending breaks: 1 = new line, 2 = blank line; breaks never stack up."""

    def __init__(self, flat: bool) -> None:
        self.parts: list[str] = []
        self.pending = 0
        self.prefix = ""
        self.flat = flat  # inside a table cell everything stays on one line
        self.line_depth = 0  # inside a list item or table row, blocks only start a new line

    def brk(self, level: int) -> None:
        if self.flat or self.line_depth:
            level = min(level, 1)
        self.pending = max(self.pending, level)

    def line_break(self) -> None:
        self.pending = min(self.pending + 1, 1 if self.flat or self.line_depth else 2)

    def text(self, text: str) -> None:
        if not text:
            return
        if text.isspace():
            if self.parts and not self.pending:
                self.parts.append(" ")
            return
        if self.pending and self.parts:
            self.parts.append(" " if self.flat else "\n" * self.pending)
        self.pending = 0
        if self.prefix:
            self.parts.append(self.prefix)
            self.prefix = ""
        self.parts.append(text)

    def result(self) -> str:
        return "".join(self.parts)
