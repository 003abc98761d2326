"""sweep_originals removes only old files that no version names."""

from __future__ import annotations

import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from policies.models import PolicyVersion
from tests.pages.factories import add_version

pytestmark = pytest.mark.django_db


def test_unreferenced_old_files_go_and_everything_else_stays(company):
    storage = PolicyVersion.original.field.storage
    add_version(company, "We collect your name.")
    kept = storage.save(f"originals/{company.pk}/kept.txt", ContentFile(b"kept"))
    named = PolicyVersion(
        company=company,
        sequence=2,
        source="paste",
        media_type="text/plain",
        size=4,
        text="We collect your e-mail.",
        sha256="0" * 64,
        extractor_version="test",
        original=kept,
    )
    named.save()
    orphan = storage.save(f"originals/{company.pk}/orphan.txt", ContentFile(b"orphan"))
    fresh = storage.save(f"originals/{company.pk}/fresh.txt", ContentFile(b"fresh"))
    old = time.time() - 7200
    for name in (kept, orphan):
        os.utime(storage.path(name), (old, old))
    out = StringIO()
    call_command("sweep_originals", stdout=out)
    assert storage.exists(kept) and storage.exists(fresh)  # named by a version / maybe still being recorded
    assert not storage.exists(orphan)
    assert "1 unreferenced original" in out.getvalue()
