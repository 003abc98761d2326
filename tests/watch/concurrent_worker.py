"""One worker process for test_concurrency: checks a watched URL against the *test* database.

Run as a script: `python concurrent_worker.py <watched_url_id> <force|claim>`, with the test
database name, media root and go-file passed in the environment. It says "ready" once Django is
set up, then waits for the go-file so all workers start their check at the same moment.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = os.environ["WATCH_TEST_DB_NAME"]
    settings.MEDIA_ROOT = os.environ["WATCH_TEST_MEDIA_ROOT"]
    settings.FETCH_ALLOW_LOOPBACK_FOR_TESTS = True  # this script only ever runs under the test suite

    import django

    django.setup()
    from summaries.parser import summarize
    from watch.checks import run_check

    summarize("Warm-up: we collect your email address.")  # load the parser before the race, not during it

    go = Path(os.environ["WATCH_TEST_GO_FILE"])
    print("ready", flush=True)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    result = run_check(int(sys.argv[1]), force=sys.argv[2] == "force")
    if result is None:
        print("skipped", flush=True)
    else:
        print(result.outcome, result.version.sequence if result.version else "-", flush=True)


if __name__ == "__main__":
    main()
