"""Progress for long imports: a rich bar (counts, time left) on a terminal, plain lines elsewhere."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from django.core.management.base import OutputWrapper
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

PLAIN_EVERY_SECONDS = 5.0


@contextmanager
def reporter(count: int, out: TextIO, terminal: bool) -> Iterator[Callable[[str], None]]:
    if terminal:
        with Progress(
            TextColumn("{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            # The caller has decided `out` is a terminal (force it: a pipe or test stream that
            # stands for one is not detected as such).
            console=Console(file=_Verbatim(out), force_terminal=True),
            transient=False,
        ) as bar:
            task = bar.add_task("importing", total=count)
            yield lambda service: bar.update(task, advance=1, description=service[:28])
        return
    done, last = 0, time.monotonic()
    out.write(f"importing {count} records\n")

    def step(service: str) -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if now - last >= PLAIN_EVERY_SECONDS or done == count:
            out.write(f"{done}/{count} records ({service})\n")
            out.flush()
            last = now

    yield step


class _Verbatim:
    """`out` for rich: a command's OutputWrapper would end each of rich's writes (a cursor move,
    part of a line) with a newline, so the bar would scroll instead of redrawing in place."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        if isinstance(self.out, OutputWrapper):
            self.out.write(text, ending="")
        else:
            self.out.write(text)
        return len(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return True
