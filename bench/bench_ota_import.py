"""Import the shared OTA slice from its bundle; print versions/s and peak memory.

    .venv/bin/python bench/bench_ota_import.py [--jobs 2] [--bundle ../shared/ota/contrib-privacy-slice.bundle]

Goal on the 2-core development machine: at least 15 versions/s with `--jobs 2` and a peak RSS
of at most 500 MB. Not a test: figures vary with the machine and its load. The import runs
as `manage.py import_ota` in a child process against a fresh SQLite database and media folder
in a temporary directory; this script samples the resident memory of that process tree (the
command, its forkserver and the parsing workers) every 50 ms from /proc.
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
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        peak_main = peak_tree = 0
        while child.poll() is None:
            pids = _tree(child.pid)
            sizes = [_rss(pid) for pid in pids]
            peak_main = max(peak_main, sizes[0] if sizes else 0)
            peak_tree = max(peak_tree, sum(sizes))
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        output = child.stdout.read() if child.stdout else ""
        summary = output.strip().splitlines()[-1] if output.strip() else "(no output)"
        print(summary)
        created = _count(summary, "versions created") + _count(summary, "extractor changes")
        records = _count(output.splitlines()[0] if output else "", "importing")
        print(f"{records} records, {created} versions in {elapsed:.1f} s (including start-up) with --jobs {args.jobs}")
        print(f"  {created / elapsed:.1f} versions/s, {records / elapsed:.1f} records/s")
        print(f"  peak RSS: command {peak_main / 2**20:.0f} MB, whole process tree {peak_tree / 2**20:.0f} MB")
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
