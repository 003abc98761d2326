"""Shared fixtures: named personas and paths to the shared material beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is not beside this checkout")
    return path


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Rate-limit and view counters, failed-log-in counts, cached diffs and cached pages start empty in every test.

    And every request reads the archive's newest change, so a page changes as soon as the data does.
    """
    from django.core.cache import caches

    from reviews import popularity

    settings.PUBLIC_STAMP_SECONDS = 0
    for cache in caches.all():
        cache.clear()
    # Counted views move to the database only when a test flushes them: never inside another
    # test's query count.
    settings.VIEW_FLUSH_SECONDS = 10**9
    popularity._pending.clear()


@pytest.fixture
def admin_user(django_user_model):
    """Alice, a staff superuser who runs the archive."""
    return django_user_model.objects.create_superuser("alice", "alice@fineprint.example", "correct-horse-battery")


@pytest.fixture
def staff_user(django_user_model):
    """Sam, staff without any model permissions."""
    return django_user_model.objects.create_user("sam", "sam@fineprint.example", "correct-horse-battery", is_staff=True)


@pytest.fixture
def visitor(django_user_model):
    """Vera, a logged-in shopper with no staff rights."""
    return django_user_model.objects.create_user("vera", "vera@example.com", "correct-horse-battery")


@pytest.fixture
def company(db):
    from policies.models import Company, Sector

    return Company.objects.create(name="Acme Home", slug="acme-home", sector=Sector.HOME_GOODS)


@pytest.fixture
def subprocess_env(transactional_db, settings, tmp_path):
    """Environment for child processes so that they use this test's database and media."""
    import os

    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(settings.MEDIA_ROOT), "DEBUG": "true"}
