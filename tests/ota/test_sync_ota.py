"""Following an OTA repository: `sync_ota` pulls it and imports only the followed services' news."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.core.management import CommandError, call_command

from policies.models import Company, OTAService, PolicyVersion, Source
from policies.ota.records import SourceError
from tests.ota.fixtures import ota_repository, policy
from watch.admin import OTAServiceForm
from watch.ota_sync import check_repository
from watch.tasks import sync_ota_repository


@pytest.fixture
def upstream(tmp_path):
    return ota_repository(tmp_path / "upstream")


@pytest.fixture
def clone(upstream, tmp_path):
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(upstream.path), str(target)], check=True)
    return target


def sync() -> str:
    out = io.StringIO()
    call_command("sync_ota", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_followed_service_is_pulled_and_imported(db, upstream, clone):
    acme = Company.objects.create(name="Acme Corporation", slug="acme-corp")
    OTAService.objects.create(company=acme, repository=str(clone), service="Acme")
    assert "3 versions created" in sync()
    assert acme.versions.count() == 4 and not Company.objects.filter(name="Volt").exists()
    upstream.commit("Record new changes of Acme Privacy Policy", {"Acme/Privacy Policy.md": policy("Acme", 9)})
    assert "1 versions created" in sync()  # fetched from the clone's remote, then imported
    assert "revision 9" in acme.versions.order_by("-sequence").first().text
    assert "0 versions created" in sync()


def test_sync_runs_as_a_task(db, clone):
    shop = Company.objects.create(name="Volt", slug="volt")
    OTAService.objects.create(company=shop, repository=str(clone), service="Volt")
    result = sync_ota_repository.enqueue(str(clone))  # the immediate backend runs it on the spot
    assert "2 versions created" in result.return_value
    assert shop.versions.count() == 3


def test_watched_url_and_ota_with_the_same_text_make_one_version(db, clone):
    from datetime import UTC, datetime

    from policies.ingest import extract
    from summaries.recording import record_version

    acme = Company.objects.create(name="Acme", slug="acme")
    first = policy("Acme", 1).encode()
    # Captured by our watcher before OTA's first record (older OTA records would be skipped, as
    # test_import_ota's second-source test shows).
    captured_at = datetime(2020, 9, 1, tzinfo=UTC)
    record_version(
        acme,
        extract(first, "p.md"),
        original=first,
        source=Source.URL,
        source_url="https://acme.example/p",
        captured_at=captured_at,
    )
    OTAService.objects.create(company=acme, repository=str(clone), service="Acme")
    sync()
    texts = list(acme.versions.values_list("sha256", flat=True))
    assert len(texts) == len(set(texts)) == 4  # OTA's first record is the watched text: not a second version
    assert acme.versions.get(sequence=1).source == Source.URL


def test_unreachable_repository_is_reported_on_its_rows(db, tmp_path):
    shop = Company.objects.create(name="Gone", slug="gone")
    OTAService.objects.create(company=shop, repository=str(tmp_path / "nowhere"), service="Gone")
    with pytest.raises(CommandError, match="1 repositories could not be synced"):
        sync()
    assert "is not a git repository" in OTAService.objects.get().last_error
    assert not PolicyVersion.objects.exists()


@pytest.mark.parametrize("repository", ["ext::sh -c touch% /tmp/pwned", "git@github.com:x/y.git", "relative/path"])
def test_only_https_or_absolute_paths_are_followed(repository):
    with pytest.raises(SourceError):
        check_repository(repository)
    form = OTAServiceForm(data={"repository": repository, "service": "X", "terms_type": "Privacy Policy"})
    assert not form.is_valid() and "repository" in form.errors
