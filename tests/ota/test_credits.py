"""What visitors see of OTA-sourced text: the credit (ODC-BY 1.0) and a link to the original."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from policies.models import Company
from tests.ota.fixtures import ota_repository

CREDIT = "Open Terms Archive contributors"


@pytest.fixture
def imported(db, tmp_path):
    repo = ota_repository(tmp_path / "versions")
    # A remote on GitHub makes each version linkable to its file at its commit.
    repo.git("remote", "add", "origin", "https://github.com/OpenTermsArchive/demo-versions.git")
    call_command("import_ota", str(repo.path), "--jobs", "1", stdout=io.StringIO())
    return Company.objects.get(name="Acme")


def test_versions_link_their_original_in_the_archive(imported):
    version = imported.versions.get(sequence=1)
    assert version.source_url == (
        f"https://github.com/OpenTermsArchive/demo-versions/blob/{version.source_commit}/Acme/Privacy%20Policy.md"
    )
    assert version.source_repository == "https://github.com/OpenTermsArchive/demo-versions.git"


def test_company_and_version_pages_credit_ota(client, imported):
    version = imported.versions.order_by("-sequence").first()
    for url in (f"/c/{imported.slug}/", f"/c/{imported.slug}/v/{version.sequence}/"):
        html = client.get(url).content.decode()
        assert CREDIT in html and "ODC-BY 1.0" in html, url
        assert version.source_url in html, url


def test_api_carries_the_credit(client, imported):
    data = client.get(f"/api/c/{imported.slug}/v/1.json").json()
    credit = data["version"]["credit"]
    assert credit["text"] == CREDIT and credit["licence"] == "ODC-BY 1.0"
    assert credit["original"].startswith("https://github.com/OpenTermsArchive/demo-versions/blob/")
    history = client.get(f"/api/c/{imported.slug}/card.json").json()["versions"]
    assert all(v["credit"]["text"] == CREDIT for v in history)


def test_feed_entries_credit_ota(client, imported):
    feed = client.get(f"/feeds/c/{imported.slug}.atom").content.decode()
    assert CREDIT in feed and "github.com/OpenTermsArchive/demo-versions/blob/" in feed


def test_history_marks_ota_refilters_as_re_extractions(client, imported):
    html = client.get(f"/c/{imported.slug}/history/").content.decode()
    assert html.count("Re-extracted, not a policy change") == 1


def test_other_sources_carry_no_credit(client, db):
    from tests.pages.factories import make_company

    make_company("Plain Shop", "plain")
    assert CREDIT not in client.get("/c/plain/").content.decode()
    assert client.get("/api/c/plain/v/1.json").json()["version"]["credit"] is None


def test_about_explains_ota_and_the_fictional_demo(client, db):
    html = client.get("/about/").content.decode()
    assert "Open Terms Archive" in html and "ODC-BY 1.0" in html and "fictional" in html


def test_demo_retailers_say_they_are_fictional(client, db):
    call_command("load_demo", stdout=io.StringIO())
    company = Company.objects.filter(fictional=True).first()
    assert company is not None
    assert 'id="fictional-note"' in client.get(f"/c/{company.slug}/").content.decode()


def test_dataset_versions_link_their_file_and_the_repository_when_known(client, db, tmp_path):
    from tests.ota.fixtures import dataset_folder, policy

    folder = dataset_folder(tmp_path / "ds", {"Shop": [("2023-05-01T10-00-00Z", policy("Shop", 1))]})
    repository = "https://github.com/OpenTermsArchive/demo-versions"
    call_command("import_ota", str(folder), "--jobs", "1", "--repository", repository, stdout=io.StringIO())
    version = Company.objects.get(name="Shop").versions.get()
    assert version.source_path == "Shop/Privacy Policy/2023-05-01T10-00-00Z.md"
    assert version.source_url == f"{repository}/commits/HEAD/Shop/Privacy%20Policy.md?until=2023-05-01T10:00:00Z"
    html = client.get("/c/shop/v/1/").content.decode()
    assert CREDIT in html and "Shop/Privacy Policy/2023-05-01T10-00-00Z.md" in html
    assert version.source_url.replace("&", "&amp;") in html or version.source_url in html
    assert client.get("/api/c/shop/v/1.json").json()["version"]["credit"]["original"] == version.source_url


def test_a_dataset_without_a_known_repository_names_its_file(client, db, tmp_path):
    from tests.ota.fixtures import dataset_folder, policy

    folder = dataset_folder(tmp_path / "ds", {"Shop": [("2023-05-01T10-00-00Z", policy("Shop", 1))]})
    call_command("import_ota", str(folder), "--jobs", "1", stdout=io.StringIO())
    html = client.get("/c/shop/v/1/").content.decode()
    assert CREDIT in html and "(file <code>Shop/Privacy Policy/2023-05-01T10-00-00Z.md</code>)" in html


@pytest.mark.parametrize(
    ("repository", "message"),
    [("http://example.com/x", "must be a https://github.com/"), ("https://github.com/o/r", "is for datasets")],
)
def test_a_bad_repository_option_is_one_clear_line(db, tmp_path, repository, message):
    from django.core.management import CommandError

    from tests.ota.fixtures import dataset_folder, policy

    source = dataset_folder(tmp_path / "ds", {"Shop": [("2023-05-01T10-00-00Z", policy("Shop", 1))]})
    if message == "is for datasets":
        source = ota_repository(tmp_path / "versions").path
    with pytest.raises(CommandError, match=message):
        call_command("import_ota", str(source), "--repository", repository, stdout=io.StringIO())
    assert not Company.objects.exists()
