"""Import the shared OTA slice from its bundle; print versions/s and peak memory.

    .venv/bin/python bench/bench_ota_import.py [--jobs 2] [--bundle ../shared/ota/contrib-privacy-slice.bundle]

Goal on the 2-core development machine: at least 15 versions/s with `--jobs 2` and a peak RSS
of at most 500 MB. Not a test: figures vary with the machine and its load. The import runs
as `manage.py import_ota` in a child process against a fresh SQLite database and media folder
in a temporary directory; this script samples the resident memory of that process tree (the
command, its forkserver and the parsing workers) every 50 ms from /proc (RSS summed, which
counts pages the forkserver's children share once per process, and PSS, which does not), and
prints the CPU time the tree used (the rate on a busy machine says little; CPU time per version
does not move much with the load).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT.parent / "shared" / "ota" / "contrib-privacy-slice.bundle"
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: each page shared by n processes counts 1/n (forkserver children share pages)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """User + system clock ticks `pid` has used so far (fields 14 and 15 of /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return found


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--bundle", type=Path, default=BUNDLE)
    args = options.parse_args()
    if not args.bundle.exists():
        print(f"{args.bundle} is absent: ../shared is not beside this checkout")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-ota-") as tmp:
        repo = Path(tmp) / "versions"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "MEDIA_ROOT": f"{tmp}/media"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        command = [*manage, "import_ota", str(repo), "--jobs", str(args.jobs)]
        started = time.perf_counter()
        ticks: dict[int, int] = {}  # per process of the tree, the CPU ticks it had used when last seen
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        peak_main = peak_tree = peak_pss = 0
        samples = 0
        while child.poll() is None:
            pids = _tree(child.pid)
            sizes = [_rss(pid) for pid in pids]
            peak_main = max(peak_main, sizes[0] if sizes else 0)
            peak_tree = max(peak_tree, sum(sizes))
            for pid in pids:
                ticks[pid] = max(ticks.get(pid, 0), _cpu_ticks(pid))
            if samples % 10 == 0:  # every 0.5 s: smaps_rollup costs more to read than statm
                peak_pss = max(peak_pss, sum(_pss(pid) for pid in pids))
            samples += 1
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")  # the last 50 ms of each process is missed
        output = child.stdout.read() if child.stdout else ""
        summary = output.strip().splitlines()[-1] if output.strip() else "(no output)"
        print(summary)
        created = _count(summary, "versions created") + _count(summary, "extractor changes")
        records = _count(output.splitlines()[0] if output else "", "importing")
        print(f"{records} records, {created} versions in {elapsed:.1f} s (including start-up) with --jobs {args.jobs}")
        print(f"  {created / elapsed:.1f} versions/s, {records / elapsed:.1f} records/s")
        print(f"  peak RSS: command {peak_main / 2**20:.0f} MB, whole process tree {peak_tree / 2**20:.0f} MB")
        print(f"  peak PSS of the process tree (shared pages counted once): {peak_pss / 2**20:.0f} MB")
        # CPU time hardly depends on the machine's load, unlike the wall-clock rate: on an idle
        # machine with N cores the rate is at most N / (CPU seconds per version).
        per = cpu / created if created else 0.0
        print(f"  CPU: {cpu:.0f} s user+sys over the process tree, {per * 1000:.0f} ms per version")
        # The command itself reads files and writes every version in order: it is the serial part.
        own = ticks.get(child.pid, 0) / os.sysconf("SC_CLK_TCK")
        own_per = own / max(created, 1) * 1000
        print(f"  of which the command (reading and writing, serial): {own:.0f} s, {own_per:.0f} ms per version")
        second = time.perf_counter()
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        last = rerun.stdout.strip().splitlines()[-1] if rerun.stdout.strip() else rerun.stderr.strip()
        print(f"second run (nothing new): {time.perf_counter() - second:.1f} s: {last}")
        return child.returncode


def _count(line: str, label: str) -> int:
    """The number before `label` in the summary line ("12 versions created"), or after "importing"."""
    words = line.replace("·", " ").split()
    if label == "importing":
        return int(words[1]) if len(words) > 1 and words[1].isdigit() else 0
    first = label.split()[0]
    for index, word in enumerate(words[1:], start=1):
        if word == first and words[index - 1].isdigit():
            return int(words[index - 1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
