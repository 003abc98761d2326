"""An upload whose file name is not valid UTF-8: Django drops the file part, the admin says why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from policies.models import PolicyVersion

POLICY = b"Privacy policy. We collect your name and e-mail address when you buy from us.\n" * 100


def raw_upload(client, company, filename: bytes, data: bytes):
    boundary = b"fineprintboundary"
    body = (
        b"--" + boundary + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="' + filename + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n--" + boundary + b"--\r\n"
    )
    url = reverse("admin:policies_company_add_policy", args=[company.pk])
    return client.generic("POST", url, body, content_type=f"multipart/form-data; boundary={boundary.decode()}")


@pytest.mark.django_db
def test_a_latin1_file_name_gets_a_message_about_the_name(client, admin_user, company):
    client.force_login(admin_user)
    response = raw_upload(client, company, "politique-confidentialit\u00e9.txt".encode("latin-1"), POLICY)
    assert response.status_code == 200
    assert "its name is probably not valid UTF-8" in response.content.decode()
    assert not PolicyVersion.objects.filter(company=company).exists()


@pytest.mark.django_db
def test_a_utf8_file_name_is_read(client, admin_user, company):
    client.force_login(admin_user)
    response = raw_upload(client, company, "politique-confidentialit\u00e9.txt".encode(), POLICY)
    assert response.status_code == 302
    assert PolicyVersion.objects.filter(company=company).count() == 1
