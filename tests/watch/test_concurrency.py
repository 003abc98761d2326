"""Eight worker processes checking the same URL at once, on SQLite and PostgreSQL alike.

Transactional tests, so the rows are committed and the other processes see them; each worker
is told the test database's name (and media root) through its environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from policies.models import PolicyVersion
from tests.fetch.server import counter_page
from watch.models import CheckAttempt

WORKERS = 8
SCRIPT = Path(__file__).with_name("concurrent_worker.py")

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def run_workers(watched_id: int, mode: str, tmp_path: Path, settings) -> list[str]:
    go = tmp_path / "go"
    env = {
        **os.environ,
        "WATCH_TEST_DB_NAME": str(connection.settings_dict["NAME"]),
        "WATCH_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WATCH_TEST_GO_FILE": str(go),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, str(SCRIPT), str(watched_id), mode],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        go.touch()
        outputs = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            outputs.append(out.strip())
        return outputs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def sequences(company) -> list[int]:
    return list(PolicyVersion.objects.filter(company=company).order_by("sequence").values_list("sequence", flat=True))


def test_same_page_checked_by_eight_workers_records_one_version(company, watch_url, tmp_path, settings):
    watched = watch_url()
    outcomes = run_workers(watched.pk, "force", tmp_path, settings)
    assert sequences(company) == [1]
    assert sorted(outcomes) == ["new_version 1"] + ["unchanged 1"] * (WORKERS - 1)
    assert CheckAttempt.objects.filter(watched_url=watched).count() == WORKERS


def test_eight_different_texts_at_once_keep_the_sequence_contiguous(company, site, watch_url, tmp_path, settings):
    site.routes["/privacy"] = counter_page()
    watched = watch_url()
    outcomes = run_workers(watched.pk, "force", tmp_path, settings)
    assert sequences(company) == list(range(1, WORKERS + 1))
    assert sorted(int(line.split()[1]) for line in outcomes) == list(range(1, WORKERS + 1))
    assert len(set(PolicyVersion.objects.filter(company=company).values_list("sha256", flat=True))) == WORKERS


def test_only_one_worker_claims_a_due_url(company, site, watch_url, tmp_path, settings):
    watched = watch_url()
    outcomes = run_workers(watched.pk, "claim", tmp_path, settings)
    assert sorted(outcomes) == ["new_version 1"] + ["skipped"] * (WORKERS - 1)
    assert site.hits("/privacy") == 1
    assert CheckAttempt.objects.count() == 1
