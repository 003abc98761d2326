"""The admin's "Add a policy" flow: who may use it, what it records, and every bad upload."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policies.models import PolicyVersion
from tests.policies.uploads import POLICY, docx_bytes, pdf_bytes, zip_bomb_docx


def add_url(company) -> str:
    return reverse("admin:policies_company_add_policy", args=[company.pk])


def upload(client, company, name: str, data: bytes):
    return client.post(add_url(company), {"file": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, company):
    response = client.get(add_url(company))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.django_db
def test_non_staff_user_is_sent_to_login(client, visitor, company):
    client.force_login(visitor)
    response = client.post(add_url(company), {"text": POLICY})
    assert response.status_code == 302
    assert not PolicyVersion.objects.exists()


@pytest.mark.django_db
def test_staff_without_permission_is_refused(client, staff_user, company):
    client.force_login(staff_user)
    response = client.post(add_url(company), {"text": POLICY})
    assert response.status_code == 403
    assert not PolicyVersion.objects.exists()


@pytest.mark.django_db
def test_admin_pastes_text_and_lands_on_card_preview(client, admin_user, company):
    client.force_login(admin_user)
    response = client.post(add_url(company), {"text": POLICY}, follow=True)
    version = PolicyVersion.objects.get(company=company)
    assert response.redirect_chain[-1][0] == reverse("admin:policies_company_preview", args=[company.pk, 1])
    assert version.source == "paste"
    assert b"Recorded version 1" in response.content
    assert b"What&#x27;s collected" in response.content or b"What's collected" in response.content


@pytest.mark.django_db
def test_same_text_again_reports_unchanged(client, admin_user, company):
    client.force_login(admin_user)
    client.post(add_url(company), {"text": POLICY})
    response = client.post(add_url(company), {"text": POLICY}, follow=True)
    assert b"Unchanged" in response.content
    assert PolicyVersion.objects.filter(company=company).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("policy.txt", POLICY.encode("utf-8")),
        ("policy.html", f"<html><body><h1>Privacy</h1><p>{POLICY}</p></body></html>".encode()),
        ("policy.pdf", pdf_bytes("Privacy policy. We collect your e-mail address and name.")),
        ("policy.docx", docx_bytes()),
    ],
)
def test_admin_uploads_each_accepted_format(client, admin_user, company, name, data):
    client.force_login(admin_user)
    response = upload(client, company, name, data)
    assert response.status_code == 302, response.content[:2000]
    version = PolicyVersion.objects.get(company=company)
    assert version.source == "upload"
    assert "e-mail" in version.text
    assert name not in version.original.name  # stored under a server-generated name
    assert version.original.read() == data


BAD_UPLOADS = [
    ("empty.txt", b"", "empty"),
    ("big.txt", b"a " * (5 * 1024 * 1024 + 1), "10 MB"),
    ("fake.pdf", b"This is plain text pretending to be a PDF.", "PDF"),
    ("fake.docx", b"%PDF-1.4 not a word document", "docx"),
    ("encrypted.pdf", pdf_bytes(password="s3cret"), "encrypted"),
    ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage" + b"\xff" * 200, "PDF"),
    ("bomb.docx", zip_bomb_docx(), ""),
    ("binary.txt", bytes(range(256)) * 40, ""),
    ("nowords.txt", b"1234 5678 ---- !!!! ....", "words"),
    ("policy.exe", b"MZ\x90\x00", ""),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "says"), BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_bad_upload_gets_form_error_and_stores_nothing(client, admin_user, company, name, data, says, settings):
    client.force_login(admin_user)
    response = upload(client, company, name, data)
    assert response.status_code == 200
    errors = " ".join(str(e) for errs in response.context["form"].errors.values() for e in errs)
    assert errors, "a bad upload must be reported on the form"
    assert says.lower() in errors.lower()
    assert not PolicyVersion.objects.exists()
    media = settings.MEDIA_ROOT
    assert not any(media.rglob("*")) if media.exists() else True


@pytest.mark.django_db
def test_file_and_text_together_are_refused(client, admin_user, company):
    client.force_login(admin_user)
    response = client.post(add_url(company), {"text": POLICY, "file": SimpleUploadedFile("p.txt", POLICY.encode())})
    assert "not both" in " ".join(response.context["form"].non_field_errors())


@pytest.mark.django_db
def test_nothing_given_is_refused(client, admin_user, company):
    client.force_login(admin_user)
    response = client.post(add_url(company), {"text": "   "})
    assert response.context["form"].non_field_errors()
    assert not PolicyVersion.objects.exists()


@pytest.mark.django_db
def test_unknown_company_is_404(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/policies/company/999/add-policy/").status_code == 404


@pytest.mark.django_db
def test_versions_are_read_only_in_admin(client, admin_user, company):
    client.force_login(admin_user)
    client.post(add_url(company), {"text": POLICY})
    version = PolicyVersion.objects.get()
    change = client.post(reverse("admin:policies_policyversion_change", args=[version.pk]), {"text": "tampered"})
    assert change.status_code in (200, 403)
    delete = client.post(reverse("admin:policies_policyversion_delete", args=[version.pk]), {"post": "yes"})
    assert delete.status_code == 403
    version.refresh_from_db()
    assert "tampered" not in version.text
    page = client.get(reverse("admin:policies_company_change", args=[company.pk]))
    assert page.status_code == 200
    assert b"Preview card" in page.content
    assert b"Add a policy" in page.content
