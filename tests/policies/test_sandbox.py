"""The sandboxed extractor: same answers as `extract`, and every limit ends in a plain refusal."""

from __future__ import annotations

import os
import signal
import time

import pytest

from policies.ingest import IngestError, extract
from policies.sandbox import CRASHED, Limits, extract_untrusted, run_limited
from watch.selectors import SelectorError

TIGHT = Limits(wall_seconds=2, cpu_seconds=1, memory_bytes=256 * 1024 * 1024)
# For the tests about memory and crashes: time enough that a loaded machine never turns them
# into "took too long" before the child reaches the allocation or the crash.
ROOMY = Limits(wall_seconds=60, cpu_seconds=30, memory_bytes=256 * 1024 * 1024)


def spin() -> None:
    while True:
        pass


def sleep_forever() -> None:
    time.sleep(3600)


def hoard() -> bytes:
    return b"x" * (1024 * 1024 * 1024)


def hoard_in_a_reader() -> bytes:
    try:
        return hoard()
    except MemoryError as exc:  # as a reader does when its library fails underneath it
        raise IngestError("The file could not be read.") from exc


def segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def key_error() -> None:
    raise KeyError("a parser bug")


def selector_refusal() -> None:
    raise SelectorError("The page has no element matching '#gone' any more.")


def test_same_text_as_the_extractor():
    data = b"<html><body><nav>Menu</nav><h1>Privacy</h1><p>We collect your e-mail address.</p></body></html>"
    assert extract_untrusted(data, "policy.html") == extract(data, "policy.html")


def test_small_files_are_quick_once_the_server_runs():
    extract_untrusted(b"Warm up the fork server.", "a.txt")
    started = time.monotonic()
    for _ in range(5):
        extract_untrusted(b"We collect your name.", "a.txt")
    assert time.monotonic() - started < 5  # a fork each, not a new interpreter (about 20 ms on a quiet machine)


def test_a_refusal_keeps_its_message():
    with pytest.raises(IngestError, match="damaged"):
        extract_untrusted(b"%PDF-1.4 nothing else", "policy.pdf")


def test_other_value_errors_come_back_as_themselves():
    with pytest.raises(SelectorError, match="#gone"):
        run_limited(selector_refusal)


def test_cpu_spin_is_refused_as_too_slow():
    started = time.monotonic()
    with pytest.raises(IngestError, match="took longer than 2 seconds"):
        run_limited(spin, limits=TIGHT)
    assert time.monotonic() - started < 10


def test_a_stalled_child_is_stopped_at_the_wall_deadline():
    started = time.monotonic()
    with pytest.raises(IngestError, match="took longer than 2 seconds"):
        run_limited(sleep_forever, limits=TIGHT)
    assert time.monotonic() - started < 10


def test_memory_past_the_limit_is_refused():
    with pytest.raises(IngestError, match="more than 256 MB of memory"):
        run_limited(hoard, limits=ROOMY)


def test_memory_past_the_limit_inside_a_reader_is_reported_as_the_limit():
    with pytest.raises(IngestError, match="more than 256 MB of memory"):
        run_limited(hoard_in_a_reader, limits=ROOMY)


@pytest.mark.parametrize("func", [segfault, key_error])
def test_crashes_and_bugs_are_plain_refusals(func):
    with pytest.raises(IngestError) as caught:
        run_limited(func, limits=ROOMY)
    assert str(caught.value) == CRASHED
