"""Paragraphs of Open Terms Archive privacy policies, read from a clone of an OTA versions repository.

OTA stores each version as Markdown (`SERVICE/Privacy Policy.md`). A paragraph is a block between blank lines or
one list item; headings (`#`, or a line underlined with `=`/`-`) are not paragraphs but set the section every
following paragraph sits under. Offsets are into the Markdown file at its commit, so a label can point at a
paragraph without holding its text. The text handed to the model is the block with Markdown marks taken out.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PATH = "Privacy Policy.md"
# Services whose policy is not in English: the model is trained for English only.
NOT_ENGLISH = frozenset({"RueduCommerce.fr"})

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")


@dataclass(frozen=True)
class Paragraph:
    service: str
    commit: str
    date: str
    start: int  # offsets into the Markdown file at `commit`
    end: int
    heading: str  # the innermost heading above it, Markdown marks taken out
    text: str  # the block with Markdown marks taken out
    outer: tuple[str, ...] = ()  # the headings around `heading`, outermost first

    @property
    def key(self) -> str:
        """A reference that survives without the text: service, commit and offsets."""
        return f"{self.service}@{self.commit[:12]}:{self.start}-{self.end}"

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()[:16]


def plain(markdown: str) -> str:
    text = _LINK.sub(r"\1", markdown)
    text = _MARKS.sub("", text)
    text = re.sub(r"^\s*(?:[*+-]|>)\s+", "", text, flags=re.MULTILINE)
    text = text.replace("\\", "")
    return " ".join(text.split())


def paragraphs(markdown: str, service: str, commit: str, date: str) -> list[Paragraph]:
    lines = markdown.splitlines(keepends=True)
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line)
    found: list[Paragraph] = []
    stack: list[tuple[int, str]] = []  # (level, heading) of the open sections
    block: list[int] = []

    def flush() -> None:
        if not block:
            return
        start, last = starts[block[0]], block[-1]
        end = starts[last] + len(lines[last].rstrip("\r\n"))
        text = plain(markdown[start:end])
        if len(text) >= 20 and english(text):
            heads = tuple(h for _level, h in stack)
            found.append(Paragraph(service, commit, date, start, end, heads[-1] if heads else "", text, heads[:-1]))
        block.clear()

    for index, line in enumerate(lines):
        stripped = line.strip()
        atx = _ATX.match(stripped)
        underline = _SETEXT.match(stripped) and block and len(block) == 1 and index == block[0] + 1
        if atx or underline:
            title = atx.group(2) if atx else lines[block[0]].strip()
            level = len(atx.group(1)) if atx else (1 if stripped[0] == "=" else 2)
            if not atx:
                block.clear()
            flush()
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, plain(title)))
            continue
        if not stripped:
            flush()
            continue
        if _ITEM.match(line) and block and not line.startswith((" " * 4, "\t")):
            flush()
        block.append(index)
    flush()
    return found


_ENGLISH = frozenset(["the", "and", "of", "to", "we", "you", "your", "our", "is", "are", "for", "with", "that", "this"])
_FRENCH = frozenset(
    ["le", "la", "les", "des", "et", "nous", "vous", "votre", "vos", "est", "pour", "avec", "que", "une", "du", "sur"]
)


def english(text: str) -> bool:
    """Whether a paragraph reads as English rather than French (some policies quote both)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    return sum(w in _ENGLISH for w in words) >= sum(w in _FRENCH for w in words)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def versions(repo: Path, service: str, every: int) -> list[tuple[str, str]]:
    """(commit, date) of the newest version and of every `every`-th older one, newest first."""
    log = _git(repo, "log", "--format=%H %ad", "--date=short", "--", f"{service}/{PATH}").split("\n")
    rows = [tuple(line.split()) for line in log if line.strip()]
    return [rows[i] for i in range(0, len(rows), every)] if every else rows[:1]


def read(repo: Path, commit: str, service: str) -> str:
    return _git(repo, "show", f"{commit}:{service}/{PATH}")


def services(repo: Path) -> list[str]:
    names = _git(repo, "ls-tree", "--name-only", "HEAD").split()
    return sorted(n for n in names if n not in NOT_ENGLISH and not n.startswith("."))


def corpus(repo: Path, every: int = 0) -> list[Paragraph]:
    """Paragraphs of each English service's newest policy (and of older ones with `every`), deduplicated by text."""
    seen: set[str] = set()
    out: list[Paragraph] = []
    for service in services(repo):
        for commit, date in versions(repo, service, every):
            for paragraph in paragraphs(read(repo, commit, service), service, commit, date):
                if paragraph.text not in seen:
                    seen.add(paragraph.text)
                    out.append(paragraph)
    return out
