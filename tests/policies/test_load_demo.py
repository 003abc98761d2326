"""`manage.py load_demo`: the fictional demo archive loads once and only once."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from policies.models import Company, PolicyVersion, Sector
from summaries.management.commands.load_demo import DEMO_DIR, read_manifest
from summaries.models import Summary


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_manifest_lists_existing_files_of_realistic_length():
    companies = read_manifest(DEMO_DIR)
    assert len(companies) >= 9
    assert len({c.sector for c in companies}) >= 9
    for company in companies:
        for relative in company.policies:
            words = len(re.findall(r"[A-Za-z]+", (DEMO_DIR / relative).read_text(encoding="utf-8")))
            assert 600 <= words <= 3000, (relative, words)


def test_demo_uses_only_reserved_example_domains():
    # Demo contacts must never point at a real mailbox or website.
    for path in DEMO_DIR.rglob("*"):
        if path.is_file() and path.name != "manifest.json":
            text = path.read_text(encoding="utf-8")
            for domain in re.findall(r"[\w.-]+@([\w-]+(?:\.[\w-]+)+)", text):
                assert domain.endswith(".example"), (path.name, domain)
            for host in re.findall(r"https?://([\w.-]+)", text):
                assert host.endswith(".example"), (path.name, host)
    manifest = json.loads((DEMO_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert all(c["website"].endswith(".example") for c in manifest["companies"])


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_the_second_time():
    first = load_demo()
    versions = PolicyVersion.objects.count()
    files = sum(len(c.policies) for c in read_manifest(DEMO_DIR))
    assert versions == files
    assert first.count(": created (version") == files

    second = load_demo()
    assert PolicyVersion.objects.count() == versions
    assert Company.objects.count() == len(read_manifest(DEMO_DIR))
    assert ": created" not in second
    assert "created company" not in second
    assert second.count(": unchanged (version") == files


@pytest.mark.django_db
def test_every_demo_company_has_a_summarised_version():
    load_demo()
    for demo in read_manifest(DEMO_DIR):
        company = Company.objects.get(slug=demo.slug)
        assert company.name == demo.name
        assert company.sector == demo.sector
        assert company.alias_list == demo.aliases
        versions = list(company.versions.all())
        assert len(versions) == len(demo.policies)
        for version in versions:
            assert Summary.objects.filter(version=version).exists(), version


@pytest.mark.django_db
def test_three_version_company_is_recorded_in_manifest_order():
    load_demo()
    versions = list(PolicyVersion.objects.filter(company__slug="tidewater-linens").order_by("sequence"))
    assert [v.sequence for v in versions] == [1, 2, 3]
    # v3 moved privacy mail to a new address; v1 predates it.
    assert "dataprivacy@tidewater-linens.example" not in versions[0].text
    assert "dataprivacy@tidewater-linens.example" in versions[2].text
    assert [v.sequence for v in PolicyVersion.objects.filter(company__slug="brightline-optical")] == [1, 2]


@pytest.mark.django_db
def test_existing_company_keeps_its_admin_edits():
    Company.objects.create(name="Tidewater (edited)", slug="tidewater-linens", sector=Sector.OTHER)
    out = load_demo()
    company = Company.objects.get(slug="tidewater-linens")
    assert company.name == "Tidewater (edited)"
    assert "created company 'Tidewater Linens'" not in out
    assert company.versions.count() == 3


@pytest.mark.django_db
def test_html_policy_is_stored_without_the_shop_chrome():
    load_demo()
    text = PolicyVersion.objects.get(company__slug="loom-and-lantern").text
    assert "Do Not Sell or Share My Personal Information" in text
    assert "Find a Store" not in text  # header navigation
    assert "Sign up for 15% off" not in text  # footer newsletter form
