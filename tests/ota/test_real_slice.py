"""Checks on the shared OTA slice (real policies, read from ../shared at run time; skipped without it)."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.core.management import call_command

from policies.models import Company
from summaries.models import Summary
from tests.conftest import shared_or_skip


@pytest.fixture(scope="module")
def slice_clone(tmp_path_factory):
    bundle = shared_or_skip("ota", "contrib-privacy-slice.bundle")
    target = tmp_path_factory.mktemp("ota") / "versions"
    subprocess.run(["git", "clone", "-q", str(bundle), str(target)], check=True)
    return target


def test_a_real_history_imports_markdown_free_with_exact_evidence(db, slice_clone):
    call_command("import_ota", str(slice_clone), "--service", "Deliveroo", "--jobs", "1", stdout=io.StringIO())
    company = Company.objects.get(name="Deliveroo")
    versions = list(company.versions.order_by("sequence"))
    assert len(versions) >= 5
    assert [v.captured_at for v in versions] == sorted(v.captured_at for v in versions)
    for version in versions:
        assert "**" not in version.text and "](" not in version.text
        card = Summary.objects.get(version=version).card
        for section in ("collected", "choices", "contacts"):
            for item in card[section]:
                for evidence in item["evidence"]:
                    assert version.text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_the_dataset_sample_imports(db):
    sample = shared_or_skip("ota", "dataset-sample.zip")
    out = io.StringIO()
    call_command("import_ota", str(sample), "--jobs", "1", stdout=out)
    assert "3 services" in out.getvalue() and " 0 failures" in out.getvalue()
    assert Company.objects.public().count() == 3
