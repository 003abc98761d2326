"""`manage.py import_policy`: bulk import under the admin's rules."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from policies.models import Company, PolicyVersion
from tests.conftest import shared_or_skip


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_policy", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_creates_company_and_reports_created_then_unchanged(tmp_path):
    policy = tmp_path / "policy.txt"
    policy.write_text("We collect your e-mail address. We do not sell personal information.")
    first = run("Tidewater Linens", str(policy))
    second = run("Tidewater Linens", str(policy))
    assert "created company" in first
    assert f"{policy}: created (version 1)" in first
    assert f"{policy}: unchanged (version 1)" in second
    company = Company.objects.get()
    assert (company.name, company.slug) == ("Tidewater Linens", "tidewater-linens")
    assert company.versions.count() == 1


@pytest.mark.django_db
def test_existing_company_found_by_slug(company, tmp_path):
    policy = tmp_path / "p.txt"
    policy.write_text("We collect your name.")
    run(company.slug, str(policy))
    assert Company.objects.count() == 1
    assert company.versions.count() == 1


@pytest.mark.django_db
def test_bad_file_is_reported_and_others_still_imported(tmp_path):
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("We collect your name and address.")
    empty.write_bytes(b"")
    err = StringIO()
    with pytest.raises(CommandError, match="2 of 3"):
        call_command(
            "import_policy", "Acme", str(good), str(empty), str(tmp_path / "missing.txt"), stdout=StringIO(), stderr=err
        )
    assert "empty.txt: error" in err.getvalue()
    assert PolicyVersion.objects.count() == 1


@pytest.mark.django_db
def test_five_seeds_imported_twice_record_exactly_five_versions():
    seeds = sorted(shared_or_skip("seeds").glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds * 2:
        run(f"Seed {path.name[:3]}", str(path))
    assert PolicyVersion.objects.count() == 5
    assert Company.objects.count() == 5


@pytest.mark.django_db
def test_markdown_file_is_imported_as_markdown(tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("# Privacy\n\nWe **collect** your e-mail [address](https://shop.example/privacy).\n")
    call_command("import_policy", "Markdown Shop", str(policy), stdout=StringIO())
    version = Company.objects.get(name="Markdown Shop").versions.get()
    assert version.text == "Privacy\n\nWe collect your e-mail address (https://shop.example/privacy)."
    assert version.media_type == "text/markdown"


@pytest.mark.django_db
def test_only_unreadable_files_leave_no_company(tmp_path):
    bad = tmp_path / "policy.md"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    with pytest.raises(CommandError):
        call_command("import_policy", "Ghost Shop", str(bad), stdout=StringIO(), stderr=StringIO())
    assert not Company.objects.filter(name="Ghost Shop").exists()
