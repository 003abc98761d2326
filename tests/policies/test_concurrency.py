"""Eight processes recording into one company at once: contiguous, no duplicates, nothing lost."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from policies.models import Company, PolicyVersion

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 8


@pytest.mark.slow
def test_eight_concurrent_importers_keep_the_sequence_contiguous(subprocess_env, tmp_path):
    company = Company.objects.create(name="Crowded Corner", slug="crowded-corner")
    common = tmp_path / "common.txt"
    common.write_text("Every worker also imports this same policy text. We collect your e-mail address.")
    procs = []
    for n in range(WORKERS):
        own = tmp_path / f"own-{n}.txt"
        own.write_text(f"Policy draft number {n}. We collect your name and address for order {n}.")
        procs.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "import_policy", company.slug, str(own), str(common), str(own)],
                cwd=ROOT,
                env=subprocess_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err

    versions = list(PolicyVersion.objects.filter(company=company).order_by("sequence"))
    assert [v.sequence for v in versions] == list(range(1, len(versions) + 1))
    assert all(a.sha256 != b.sha256 for a, b in itertools.pairwise(versions))
    texts = {v.text for v in versions}
    for n in range(WORKERS):
        assert any(f"Policy draft number {n}." in t for t in texts), f"worker {n}'s text was lost"
    assert Company.objects.count() == 1
