"""Model invariants of the archive: idempotent recording, immutability, contiguous sequence."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from policies.archive import text_sha256
from policies.ingest import from_text
from policies.models import Company, ImmutableVersionError, PolicyVersion
from summaries.models import Summary
from summaries.recording import record_version

A = "We collect your e-mail address when you order. We do not sell your personal information."
B = "We collect your e-mail address and phone number. We may share them with service providers."


def record(company: Company, text: str):
    return record_version(company, from_text(text), original=text.encode())


@pytest.mark.django_db
def test_first_recording_creates_version_one_with_hash_and_card(company):
    version, created = record(company, A)
    assert created
    assert version.sequence == 1
    assert version.sha256 == text_sha256(version.text)
    assert version.original.name.startswith(f"originals/{company.pk}/")
    assert version.size == len(A.encode())
    assert Summary.objects.filter(version=version).count() == 1


@pytest.mark.django_db
def test_same_text_twice_records_nothing_and_says_unchanged(company):
    first, _ = record(company, A)
    again, created = record(company, A)
    assert not created
    assert again.pk == first.pk
    assert PolicyVersion.objects.filter(company=company).count() == 1


@pytest.mark.django_db
def test_whitespace_only_difference_is_unchanged(company):
    record(company, A)
    _, created = record(company, "  " + A.replace(" ", "   ") + "\n\n")
    assert not created


@pytest.mark.django_db
def test_a_b_a_records_three_versions(company):
    results = [record(company, text) for text in (A, B, A)]
    assert [created for _, created in results] == [True, True, True]
    assert list(company.versions.values_list("sequence", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_companies_have_independent_sequences(company):
    other = Company.objects.create(name="Other", slug="other")
    record(company, A)
    record(company, B)
    version, _ = record(other, A)
    assert version.sequence == 1


@pytest.mark.django_db
def test_saving_an_existing_version_is_refused(company):
    version, _ = record(company, A)
    version.text = "tampered"
    with pytest.raises(ImmutableVersionError):
        version.save()
    version.refresh_from_db()
    assert version.text == from_text(A).text


@pytest.mark.django_db
def test_queryset_update_and_delete_are_refused(company):
    record(company, A)
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.filter(company=company).update(text="tampered")
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.filter(company=company).delete()
    with pytest.raises(ImmutableVersionError):
        PolicyVersion.objects.get(company=company).delete()


@pytest.mark.django_db(transaction=True)
def test_database_trigger_refuses_raw_update(company):
    record(company, A)
    with pytest.raises(Exception, match="immutable"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE policies_policyversion SET text = 'tampered'")
    assert PolicyVersion.objects.get(company=company).text == from_text(A).text


@pytest.mark.django_db
def test_company_with_versions_cannot_be_deleted(company):
    from django.db.models import ProtectedError

    record(company, A)
    with pytest.raises(ProtectedError):
        company.delete()


@pytest.mark.django_db
def test_duplicate_sequence_is_refused_by_named_constraint(company):
    version, _ = record(company, A)
    clone = PolicyVersion(
        company=company,
        sequence=version.sequence,
        source=version.source,
        media_type="text/plain",
        size=1,
        text="x",
        sha256="0" * 64,
        extractor_version="t",
    )
    with pytest.raises(IntegrityError, match=r"version_sequence_unique_per_company|UNIQUE"), transaction.atomic():
        clone.save()


@pytest.mark.django_db
def test_latest_per_company_returns_newest_version_of_each(company):
    other = Company.objects.create(name="Other", slug="other")
    record(company, A)
    newest, _ = record(company, B)
    only, _ = record(other, A)
    assert set(PolicyVersion.objects.current()) == {newest, only}


@pytest.mark.django_db
def test_captured_at_can_be_given_for_backfilled_history(company):
    import datetime

    when = datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC)
    version, _ = record_version(company, from_text(A), original=A.encode(), captured_at=when)
    version.refresh_from_db()
    assert version.captured_at == when


@pytest.mark.django_db
def test_a_failed_recording_leaves_no_row_and_no_file(company, settings, monkeypatch):
    import summaries.recording

    def broken_store(version, card):
        raise RuntimeError("the card store is down")

    monkeypatch.setattr(summaries.recording, "store_card", broken_store)
    with pytest.raises(RuntimeError, match="card store is down"):
        record(company, A)
    assert not PolicyVersion.objects.filter(company=company).exists()
    originals = settings.MEDIA_ROOT / "originals"
    assert not originals.exists() or not any(p.is_file() for p in originals.rglob("*"))
