"""Every public page, byte for byte: what visitors get must not move when rendering is made cheaper.

Each page (full and, where htmx asks for one, its fragment) is rendered for fixed data and
compared (status line, then body) with a file under `data/pages/` written by the code before
the rendering work of issue 13 (commit 880d253). The per-response secrets (CSP nonce, CSRF
token) and the API's cursor (it holds a primary key) are replaced by a placeholder; the data
is made at one fixed instant, so its dates are the same in every run.

A page that is meant to change gets its file rewritten, and the diff is reviewed in the commit:

    FINEPRINT_WRITE_PAGES=1 .venv/bin/python -m pytest tests/pages/test_page_bytes.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from policies.models import Company
from tests.pages.factories import POLICY, add_card, add_version, card_for, make_company

pytestmark = pytest.mark.django_db

PINNED = Path(__file__).parent / "data" / "pages"
WRITE = os.environ.get("FINEPRINT_WRITE_PAGES") == "1"
START = dt.datetime(2025, 3, 4, 9, 30, tzinfo=dt.UTC)
SECRETS = re.compile(r'(nonce="|name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+"')
# The API's cursor holds a primary key, which depends on the tests run before in the database.
CURSOR = re.compile(r"cursor=[^\"&]+")

PAGES = [
    ("browse", "/", None),
    ("browse-page-2", "/?page=2", None),
    ("browse-page-3", "/?page=3", None),
    ("browse-page-3-recent", "/?sort=recent&page=3", None),
    ("browse-graded", "/?sort=grade", None),
    ("browse-search-quill", "/?q=quill", None),
    ("browse-filtered", "/?sells=no&no_ads=1&sort=oldest", None),
    ("browse-sector-grade", "/?sector=books&grade=C", None),
    ("browse-search", "/?q=amber", None),
    ("browse-search-none", "/?q=nothing+like+this", None),
    ("browse-bad-params", "/?page=zz&sort=nope&sells=maybe", None),
    ("browse-results-fragment", "/?q=goods&page=2", "results"),
    ("browse-main-fragment", "/?sort=name", "main"),
    ("company", "/c/juniper/", None),
    ("company-fragment", "/c/juniper/", "main"),
    ("company-bench", "/c/bench-000003/", None),
    ("company-no-card", "/c/no-card/", None),
    ("company-no-policy", "/c/no-policy/", None),
    ("history", "/c/juniper/history/", None),
    ("diff", "/c/juniper/diff/", None),
    ("diff-fragment", "/c/juniper/diff/?from=1&to=2", "main"),
    ("version", "/c/juniper/v/1/", None),
    ("version-highlight", "/c/juniper/v/2/?hl=40-60", None),
    ("compare", "/compare/?c=juniper,bench-000001,bench-000002,bench-000005", None),
    ("compare-no-card", "/compare/?c=juniper,no-card,fern", None),
    ("compare-same", "/compare/?c=bench-000001,bench-000009", None),
    ("compare-empty", "/compare/", None),
    ("about", "/about/", None),
    ("api-list", "/api/companies.json", None),
    ("api-list-filtered", "/api/companies.json?sells=yes&limit=5", None),
    ("api-card", "/api/c/juniper/card.json", None),
    ("api-version", "/api/c/juniper/v/1.json", None),
    ("feed-changes", "/feeds/changes.atom", None),
    ("feed-company", "/feeds/c/juniper.atom", None),
]


@pytest.fixture
def archive(db, monkeypatch):
    """45 synthetic companies (`seed_bench`: every mix of badges), Juniper with two versions,
    one company whose card is being prepared, one with no policy, one whose name needs escaping,
    a few with stored grades; made at one fixed instant."""

    def clock() -> dt.datetime:
        # One instant for everything: how many times the code asks for the time cannot matter.
        return START

    monkeypatch.setattr(timezone, "now", clock)
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and field.default is not models.NOT_PROVIDED:
                monkeypatch.setattr(field, "_get_default", clock)
    call_command("seed_bench", "45", "--force", stdout=StringIO())
    juniper = make_company()
    changed = POLICY.replace("We do not sell your personal information.", "We may sell your personal information.")
    add_card(add_version(juniper, changed), card_for(changed))
    add_version(make_company("Quill Paper", "no-card", text=None), POLICY.replace("Juniper", "Quill"))
    make_company("Nobody Home", "no-policy", text=None)
    make_company("Fern & <Sons> \"Ltd\" 'Ōsaka'", "fern")
    # Stored grades, as a card's grading leaves them (the synthetic cards are too thin for one).
    for slug, grade in [("bench-000002", "B"), ("bench-000011", "E"), ("fern", "A")]:
        Company.objects.filter(slug=slug).update(grade=grade)
    monkeypatch.undo()


def pinned(name: str, body: bytes) -> None:
    path = PINNED / name
    if WRITE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    assert path.exists(), f"{path} is missing: write it with FINEPRINT_WRITE_PAGES=1 from the reference code"
    want = path.read_bytes()
    if body != want:
        at = next(i for i, (x, y) in enumerate(zip(want + b"\0", body + b"\1", strict=False)) if x != y)
        start = max(at - 200, 0)
        shown = f"at byte {at}:\npinned: {want[start : at + 200]!r}\nnow:    {body[start : at + 200]!r}"
        pytest.fail(f"{name} differs from its pinned bytes:\n{shown}")


def test_every_public_page_is_byte_for_byte_the_pinned_one(client, archive):
    for name, url, target in PAGES:
        headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target} if target else {}
        response = client.get(url, **headers)
        body = SECRETS.sub(lambda m: m[1] + 'SECRET"', response.content.decode())
        body = CURSOR.sub("cursor=CURSOR", body).encode()
        body = f"{response.status_code} {response.headers['Content-Type']}\n".encode() + body
        suffix = ".json" if "json" in url else ".atom" if "atom" in url else ".html"
        pinned(name + suffix, body)
