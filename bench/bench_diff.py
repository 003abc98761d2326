"""The bounded text diff: `.venv/bin/python bench/bench_diff.py [--seconds 10] [--skip-server]`.

1. `text_diff` on two generated 400,000-character versions (30 % of sentences edited, and a
   complete rewrite), against the old `difflib` version's 33 s.
2. The diff page itself through gunicorn (3 sync workers, production settings, a scratch SQLite
   database): the first (uncached) answer and a cached one.
3. Visitors' throughput on a company page alone, then while 4 clients loop on that largest diff,
   with the per-visitor rate limit on (the default) and off (the cache alone protecting the site),
   beside a control flood of the company page itself; and, with wrk as the visitor, the same
   directly and through deploy/nginx.conf (its per-address diff limit) when wrk and nginx exist.

Not a test: timings depend on the machine and its load (printed); it prints figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summaries.textdiff import text_diff  # noqa: E402 - after the path set-up
from tests.deploy.nginx_support import NGINX, free_port, start_nginx  # noqa: E402
from tests.summaries.policy_pairs import pair, rewritten_pair  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")

SEED = """
from policies.models import Company, PolicyVersion
from tests.pages.factories import add_version
from tests.summaries.policy_pairs import pair
old, new = pair()
company = Company.objects.create(name="Big Policy", slug="big")
add_version(company, old)
add_version(company, new)
# The visitors' page: a company is public only once it has a version.
small = Company.objects.create(name="Small Shop", slug="small")
add_version(small, "Small Shop privacy policy. We collect your e-mail address to send your receipts.")
"""


def algorithm() -> None:
    for name, (old, new) in (("30% of sentences edited", pair()), ("complete rewrite", rewritten_pair())):
        times = []
        for _ in range(3):
            started = time.perf_counter()
            diff = text_diff(old, new)
            times.append(time.perf_counter() - started)
        print(
            f"text_diff, {len(old):,} vs {len(new):,} characters, {name}: best {min(times):.3f} s, "
            f"worst {max(times):.3f} s ({diff.insertions} added, {diff.deletions} removed, "
            f"{'truncated' if diff.truncated else 'whole'})"
        )


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _loop(url: str, stop: threading.Event, counts: list[int], codes: dict[int, int]) -> None:
    while not stop.is_set():
        code = _get(url)
        if code == 200:
            counts.append(1)
        codes[code] = codes.get(code, 0) + 1


def _throughput(
    base: str, seconds: float, diff_clients: int, flood: str = "/c/big/diff/?a=1&b=2"
) -> tuple[float, dict[int, int]]:
    stop = threading.Event()
    visits: list[int] = []
    diff_codes: dict[int, int] = {}
    threads = [threading.Thread(target=_loop, args=(f"{base}/c/small/", stop, visits, {}))]
    threads += [
        threading.Thread(target=_loop, args=(f"{base}{flood}", stop, [], diff_codes)) for _ in range(diff_clients)
    ]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    return len(visits) / seconds, diff_codes


def _wrk(url: str, seconds: float) -> float:
    """Requests per second one visitor program (wrk, 4 connections, C: no GIL shared with the flood) gets."""
    out = subprocess.run(
        ["wrk", "-t1", "-c4", f"-d{max(1, round(seconds))}s", url], capture_output=True, text=True, check=True
    ).stdout
    return float(next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec:")))


def _flooded(base: str, visitor_url: str, seconds: float, flood: str) -> tuple[float, dict[int, int]]:
    """wrk's rate on `visitor_url` while 4 Python clients loop on `base + flood`."""
    stop = threading.Event()
    codes: dict[int, int] = {}
    threads = [threading.Thread(target=_loop, args=(base + flood, stop, [], codes)) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        return _wrk(visitor_url, seconds), codes
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def through_nginx(tmp: Path, gunicorn_port: int, seconds: float) -> None:
    """Visitors measured by wrk, directly and through nginx, alone and while 4 clients loop on the diff."""
    if shutil.which("wrk") is None or NGINX is None:
        print("[through nginx] skipped: needs wrk and nginx (apt-get install wrk nginx-light)")
        return
    (tmp / "nginx").mkdir(exist_ok=True)
    process, port = start_nginx(tmp / "nginx", gunicorn_port, server_name="127.0.0.1")
    try:
        for label, base in (
            ("direct", f"http://127.0.0.1:{gunicorn_port}"),
            ("through nginx", f"http://127.0.0.1:{port}"),
        ):
            visitor = base + "/c/small/"
            alone = _wrk(visitor, seconds)
            diff, codes = _flooded(base, visitor, seconds, "/c/big/diff/?a=1&b=2")
            page, _ = _flooded(base, visitor, seconds, "/c/small/")
            print(
                f"[{label}, wrk visitor] alone {alone:.0f} req/s; 4 clients looping on the diff {diff:.0f} req/s "
                f"({diff / max(alone, 1e-9):.0%}), on the company page {page:.0f} req/s "
                f"({page / max(alone, 1e-9):.0%}); "
                f"diff answers {dict(sorted(codes.items()))}"
            )
    finally:
        process.terminate()
        process.wait(10)


def server(seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(DATABASE_URL=f"sqlite:///{db}", MEDIA_ROOT=str(Path(tmp) / "media"))
        env["STATIC_ROOT"] = str(Path(tmp) / "static")
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([PYTHON, "manage.py", "shell", "-c", SEED], cwd=ROOT, env=env, check=True)
        env.update(
            DEBUG="false", SECRET_KEY="bench-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false"
        )
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        for label, rate in (("rate limit on (30/m)", "30/m"), ("rate limit off", "1000000/m")):
            port = free_port()
            env["DIFF_RATE_LIMIT"] = rate
            gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
            process = subprocess.Popen(
                [gunicorn, "config.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(Path(tmp) / f"gunicorn-{port}.log", "w"),  # noqa: SIM115 - closed with the process
            )
            base = f"http://127.0.0.1:{port}"
            try:
                for _ in range(150):
                    try:
                        _get(base + "/about/")
                        break
                    except OSError:
                        time.sleep(0.2)
                started = time.perf_counter()
                first = _get(base + "/c/big/diff/?a=1&b=2")
                cold = time.perf_counter() - started
                started = time.perf_counter()
                _get(base + "/c/big/diff/?a=1&b=2")
                warm = time.perf_counter() - started
                print(f"[{label}] diff page: first answer {first} in {cold:.3f} s, next {warm:.3f} s")
                visits = {}
                _loop_once = _get(base + "/c/small/")
                print(f"[{label}] company page answers {_loop_once}")
                alone, _ = _throughput(base, seconds, 0)
                loaded, codes = _throughput(base, seconds, 4)
                # The control: the same 4 loops on the visitors' own cheap page. Whatever share the
                # visitor keeps here is what any 4 busy clients leave (the server's fair share, and
                # this one-process client's GIL), so the diff's own cost is the gap between the two.
                control, _ = _throughput(base, seconds, 4, flood="/c/small/")
                if rate == "30/m":
                    through_nginx(Path(tmp), port, seconds)
                print(
                    f"[{label}] visitors alone {alone:.1f} req/s; with 4 clients looping on the diff {loaded:.1f} "
                    f"req/s ({loaded / max(alone, 1e-9):.0%}); with 4 looping on the company page instead "
                    f"{control:.1f} req/s ({control / max(alone, 1e-9):.0%}); "
                    f"diff answers {dict(sorted(codes.items()))}"
                )
            finally:
                process.terminate()
                process.wait(60)
                del visits
                log = (Path(tmp) / f"gunicorn-{port}.log").read_text().splitlines()
                errors = [line for line in log if "Error" in line]
                if errors:
                    print(f"[{label}] gunicorn: {len(errors)} error lines, last: {errors[-1][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    algorithm()
    if not args.skip_server:
        server(args.seconds)


if __name__ == "__main__":
    main()
