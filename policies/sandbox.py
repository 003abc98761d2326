"""Reading untrusted files in a child process that cannot outgrow its limits.

A hostile file that passes every gate in `policies.ingest` (size, ZIP ratio, page count) can
still cost minutes of CPU and gigabytes of memory inside pypdf, lxml or python-docx. So every
file from outside (admin uploads, `import_policy`, scraped pages) is read by `extract_untrusted`,
which runs the pure extractor in a child process with an address-space limit, a CPU-time limit
and a wall-clock deadline. When a limit is hit the child is killed and the caller gets an
`IngestError` saying which limit, so nothing half-read is ever stored and the parent (a web or
task worker) never grows.

Children are forked from a `forkserver` that has already imported the extractor, so a call costs
a fork (a few milliseconds), not a fresh interpreter; the parent's own threads and database
connections are never inherited.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from policies.ingest import Extracted, IngestError, extract

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 20.0
    cpu_seconds: int = 20
    memory_bytes: int = 512 * MB


DEFAULT_LIMITS = Limits()

TOO_SLOW = "Reading the file took longer than {seconds:g} seconds, so it was refused. Nothing was stored."
TOO_BIG = "Reading the file needed more than {mb} MB of memory, so it was refused. Nothing was stored."
CRASHED = "The file could not be read (the reader stopped unexpectedly). Nothing was stored."

_context: Any = None


def _ctx():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        # Imported once in the server, shared by every child it forks.
        _context.set_forkserver_preload(["policies.sandbox"])
    return _context


def extract_untrusted(data: bytes, filename: str = "", *, limits: Limits | None = None) -> Extracted:
    """`policies.ingest.extract(data, filename)` in a limited child process.

    Raises `IngestError` for anything the extractor refuses and for any limit hit.
    """
    return run_limited(extract, bytes(data), filename, limits=limits)


def run_limited[T](func: Callable[..., T], *args: Any, limits: Limits | None = None) -> T:
    """`func(*args)` in a child under `limits`; `func` must be a module-level function.

    Exceptions that are `ValueError`s (IngestError, SelectorError...) come back as themselves;
    anything else becomes the plain `CRASHED` refusal.
    """
    limits = limits or DEFAULT_LIMITS  # looked up per call, so tests and settings may change it
    ctx = _ctx()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, limits, func, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.wall_seconds):
            raise IngestError(TOO_SLOW.format(seconds=limits.wall_seconds))
        try:
            status, payload = receiver.recv()
        except EOFError:  # the child died before answering: killed by a limit or a crash
            child.join(1)
            raise IngestError(_death_message(child.exitcode, limits)) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
        child.close()
    if status == "ok":
        return payload
    if status == "memory":
        raise IngestError(TOO_BIG.format(mb=limits.memory_bytes // MB))
    if isinstance(payload, ValueError):
        raise payload
    raise IngestError(CRASHED)


def _death_message(exitcode: int | None, limits: Limits) -> str:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return TOO_SLOW.format(seconds=limits.wall_seconds)
    return CRASHED


def _child(sender, limits: Limits, func: Callable[..., Any], args: tuple) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        result: tuple[str, Any] = ("ok", func(*args))
    except MemoryError:
        result = ("memory", None)
    except ValueError as exc:
        # Readers wrap their own failures in a refusal ("could not be read"); when the failure
        # underneath was running out of memory, the visitor is told the real reason: the limit.
        result = ("memory", None) if _caused_by_memory(exc) else ("refused", _plain(exc))
    except BaseException:  # whatever a parser raises, the parent gets a plain refusal
        result = ("crashed", None)
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("memory", None))
    sender.close()
    os._exit(0)  # skip interpreter teardown: nothing of the child's is worth cleaning up


def _caused_by_memory(exc: BaseException) -> bool:
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, MemoryError):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _plain(exc: ValueError) -> ValueError:
    """The exception without its chained causes (which may not pickle), type and message kept."""
    try:
        clean = type(exc)(*exc.args)
    except Exception:  # an exception class with an unusual constructor
        clean = IngestError(str(exc))
    return clean
