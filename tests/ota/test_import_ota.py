"""`manage.py import_ota`: OTA histories become companies and versions, once, resumably."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from policies.models import Company, OTAService, PolicyVersion, Source
from summaries.models import Summary
from tests.ota.fixtures import dataset_folder, ota_repository, policy, zip_of


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_ota", *map(str, args), "--jobs", "1", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def repo(tmp_path):
    return ota_repository(tmp_path / "versions")


def test_each_service_becomes_a_company_with_its_versions_oldest_first(db, repo):
    summary = run(repo.path)
    assert "2 services · 5 versions created · 1 unchanged · 2 extractor changes · 1 deletions · 0 failures" in summary
    acme = Company.objects.get(name="Acme")
    versions = list(acme.versions.order_by("sequence"))
    assert [v.extractor_change for v in versions] == [False, False, True, False]
    assert [v.captured_at for v in versions] == sorted(v.captured_at for v in versions)
    assert all(v.source == Source.OTA and v.source_path == "Acme/Privacy Policy.md" for v in versions)
    assert all(len(v.source_commit) == 40 and v.source_repository == str(repo.path.resolve()) for v in versions)
    assert "revision 3" in versions[-1].text  # the document reappeared after its deletion
    assert Summary.objects.filter(version__company=acme).count() == 4  # every version has its card


def test_stored_text_is_markdown_free_and_evidence_is_exact(db, repo):
    run(repo.path)
    version = PolicyVersion.objects.filter(company__name="Acme").first()
    assert "**" not in version.text and "#" not in version.text and "](" not in version.text
    card = version.summaries.get().card
    for section in ("collected", "choices", "contacts"):
        for item in card[section]:
            for evidence in item["evidence"]:
                assert version.text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_renamed_service_keeps_one_company_with_the_old_name_as_alias(db, repo):
    run(repo.path)
    volt = Company.objects.get(name="Volt")
    assert volt.alias_list == ["Bolt"]
    assert not Company.objects.filter(name="Bolt").exists()
    assert [v.extractor_change for v in volt.versions.order_by("sequence")] == [False, False, True]
    assert OTAService.objects.get(company=volt).service == "Volt"


def test_second_run_imports_only_new_commits(db, repo):
    run(repo.path)
    assert "0 versions created · 0 unchanged · 0 extractor changes · 0 deletions" in run(repo.path)
    repo.commit("Record new changes of Acme Privacy Policy", {"Acme/Privacy Policy.md": policy("Acme", 4)})
    assert "2 services · 1 versions created · 0 unchanged" in run(repo.path)
    assert Company.objects.get(name="Acme").versions.count() == 5


def test_interrupted_run_resumes_without_duplicates_or_gaps(db, repo, monkeypatch):
    from summaries.ota import importer

    real = importer._write_one
    calls = {"n": 0}

    def crash_after_three(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "_write_one", crash_after_three)
    with pytest.raises(KeyboardInterrupt):
        run(repo.path)
    monkeypatch.setattr(importer, "_write_one", real)
    run(repo.path)
    for company in Company.objects.all():
        assert list(company.versions.values_list("sequence", flat=True)) == list(range(1, company.versions.count() + 1))
    assert PolicyVersion.objects.count() == 7


def test_service_and_since_filters(db, repo):
    run(repo.path, "--service", "acme")
    assert list(Company.objects.values_list("name", flat=True)) == ["Acme"]
    run(repo.path, "--service", "Volt", "--since", "2020-11-01")  # from the Bolt update on
    volt = Company.objects.get(name="Volt")
    assert [v.extractor_change for v in volt.versions.order_by("sequence")] == [False, True]
    assert volt.versions.first().captured_at.date().isoformat() == "2020-11-02"


def test_other_terms_type(db, repo):
    run(repo.path, "--terms", "Terms of Service")
    assert list(Company.objects.values_list("name", flat=True)) == ["Bolt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--terms", "Cookie Policy"), "no 'Cookie Policy' documents"),
        (("--service", "Nobody"), "no 'Privacy Policy' document for service 'Nobody'"),
    ],
)
def test_unknown_terms_type_or_service_is_one_clear_line(db, repo, args, message):
    with pytest.raises(CommandError, match=message):
        run(repo.path, *args)
    assert not Company.objects.exists()


def test_not_a_repository(db, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CommandError, match=r"is not a git repository, an OTA dataset folder or a dataset \.zip"):
        run(tmp_path)
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "missing")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("Données".encode("latin-1") + b" personnelles", "not UTF-8"),
        (b"", "empty"),
        (b"# Policy\n\n" + b"We collect data. " * (20 * 1024 * 1024 // 17), "MB (limit 10 MB)"),
    ],
)
def test_bad_first_file_leaves_nothing_visible(db, tmp_path, content, reason):
    folder = dataset_folder(tmp_path / "ds", {})
    (folder / "Bad" / "Privacy Policy").mkdir(parents=True)
    (folder / "Bad" / "Privacy Policy" / "2024-01-01T00-00-00Z.md").write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 recorded files could not be read"):
        call_command("import_ota", str(folder), "--jobs", "1", stdout=io.StringIO(), stderr=err)
    assert reason in err.getvalue()
    assert not Company.objects.public().exists()
    assert not PolicyVersion.objects.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [("Données".encode("latin-1"), "not UTF-8"), (b"", "empty"), (b"x" * (11 * 1024 * 1024), "MB (limit 10 MB)")],
)
def test_a_bad_file_is_reported_and_the_later_versions_are_imported(db, tmp_path, content, reason):
    folder = dataset_folder(
        tmp_path / "ds",
        {"Shop": [("2021-01-01T00-00-00Z", policy("Shop", 1)), ("2023-01-01T00-00-00Z", policy("Shop", 3))]},
    )
    (folder / "Shop" / "Privacy Policy" / "2022-01-01T00-00-00Z.md").write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 recorded files could not be read"):
        call_command("import_ota", str(folder), "--jobs", "1", stdout=io.StringIO(), stderr=err)
    assert "failed: Shop (2022-01-01 00:00): Shop/Privacy Policy/2022-01-01T00-00-00Z.md" in err.getvalue()
    assert reason in err.getvalue()
    shop = Company.objects.get(name="Shop")
    assert [v.captured_at.year for v in shop.versions.order_by("sequence")] == [2021, 2023]
    assert "revision 3" in shop.versions.get(sequence=2).text
    assert "0 versions created · 0 unchanged" in run(folder)  # a re-run adds nothing and stops nowhere


def test_a_second_source_older_than_the_recorded_history_adds_only_what_is_newer(db, tmp_path):
    from datetime import UTC, datetime

    from policies.ingest import from_text
    from summaries.recording import record_version

    shop = Company.objects.create(name="Shop", slug="shop")
    watched = "Our own capture of the Shop privacy policy, from its web site."
    record_version(shop, from_text(watched), original=watched.encode(), captured_at=datetime(2023, 6, 1, tzinfo=UTC))
    versions = [
        ("2021-01-01T00-00-00Z", policy("Shop", 1)),
        ("2022-01-01T00-00-00Z", policy("Shop", 2)),
        ("2024-01-01T00-00-00Z", policy("Shop", 3)),
    ]
    out = run(dataset_folder(tmp_path / "ds", {"Shop": versions}))
    assert "skipped: Shop: versions recorded before 2023-06-01 00:00 (the latest version Shop has" in out
    assert "1 versions created · 0 unchanged · 0 extractor changes · 0 deletions · 0 failures · 2 older" in out
    captured = [v.captured_at.year for v in shop.versions.order_by("sequence")]
    assert captured == [2023, 2024]  # in date order: nothing older is slotted after the watched version
    assert "revision 3" in shop.versions.get(sequence=2).text
    assert "0 versions created · 0 unchanged · 0 extractor changes · 0 deletions · 0 failures · 0 older" in run(
        tmp_path / "ds"
    )


def test_dataset_folder_and_zip_give_the_same_history(db, tmp_path):
    versions = [
        ("2023-05-01T10-00-00Z", policy("Shop", 1)),
        ("2021-01-01T00-00-00Z", policy("Shop", 0)),
        ("2024-02-02T02-02-02Z", policy("Shop", 2)),
    ]
    folder = dataset_folder(tmp_path / "ds", {"Shop": versions})
    run(folder)
    shop = Company.objects.get(name="Shop")
    assert [v.captured_at.year for v in shop.versions.order_by("sequence")] == [2021, 2023, 2024]
    assert shop.versions.first().source_path == "Shop/Privacy Policy/2021-01-01T00-00-00Z.md"
    archive = zip_of(folder, tmp_path / "dataset.zip")
    run(archive)
    assert Company.objects.filter(name="Shop").count() == 1
    assert shop.versions.count() == 3  # the same texts from a second source add nothing


@pytest.mark.parametrize("name", ["../evil/Privacy Policy/2024-01-01T00-00-00Z.md", "/abs/Privacy Policy/x.md"])
def test_zip_with_escaping_paths_is_refused_whole(db, tmp_path, name):
    target = tmp_path / "bad.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("Good/Privacy Policy/2024-01-01T00-00-00Z.md", policy("Good", 1))
        archive.writestr(name, policy("Evil", 1))
    with pytest.raises(CommandError, match="points outside the archive"):
        run(target)
    assert not Company.objects.exists()


def test_zip_bomb_is_refused_before_inflating(db, tmp_path):
    target = tmp_path / "bomb.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Bomb/Privacy Policy/2024-01-01T00-00-00Z.md", b"a" * (50 * 1024 * 1024))
    with pytest.raises(CommandError, match="zip bomb"):
        run(target)


def test_parallel_parsing_gives_the_same_versions(db, repo):
    call_command("import_ota", str(repo.path), "--jobs", "2", stdout=io.StringIO())
    acme = Company.objects.get(name="Acme")
    assert acme.versions.count() == 4 and Summary.objects.filter(version__company=acme).count() == 4


def test_plain_progress_lines_when_not_a_terminal(db, repo):
    out = run(repo.path)
    assert out.startswith("importing 9 records\n")
    assert "9/9 records" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_with_counts_and_time_left_on_a_terminal(db, repo):
    out = Terminal()
    call_command("import_ota", str(repo.path), "--jobs", "1", stdout=out)
    shown = out.getvalue()
    assert "\x1b[" in shown  # drawn with terminal control sequences, redrawn in place
    assert "9/9" in shown and "0:00:00" in shown  # counts and time left
    assert "\n\n" not in shown.split("9/9")[0]  # no stray newline after each redraw
    assert shown.rstrip().endswith("(skipped)")  # the summary line after the bar
    assert "importing 9 records" not in shown  # the plain lines are for pipes


def test_review_state_is_worked_out_once_per_document_and_ends_as_a_fresh_one(db, repo, monkeypatch):
    from reviews import signals
    from reviews.models import CardReview
    from reviews.state import refresh

    calls = []
    real = signals.refresh
    monkeypatch.setattr(signals, "refresh", lambda company_id: calls.append(company_id) or real(company_id))
    run(repo.path)
    assert sorted(calls) == sorted(Company.objects.values_list("pk", flat=True))  # once each, not per version
    for company in Company.objects.all():
        stored = CardReview.objects.values().get(company=company)
        fresh = CardReview.objects.values().get(pk=refresh(company.pk).pk)
        assert {k: v for k, v in stored.items() if k != "updated_at"} == {
            k: v for k, v in fresh.items() if k != "updated_at"
        }
        assert stored["version_captured_at"] == company.versions.order_by("-sequence").first().captured_at
