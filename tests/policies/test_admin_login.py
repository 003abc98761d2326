"""Brute-force protection on the admin login: lock by username and IP, never permanently."""

from __future__ import annotations

import pytest
from django.urls import reverse

LOGIN = reverse("admin:login")


def attempt(client, username: str, password: str, ip: str = "203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_repeated_failures_lock_that_username_from_that_address(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    locked = attempt(client, "alice", "correct-horse-battery")
    assert locked.status_code == 429
    assert b"Too many failed" in locked.content


@pytest.mark.django_db
def test_real_admin_from_another_address_is_not_locked_out(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong", ip="203.0.113.7")
    ok = attempt(client, "alice", "correct-horse-battery", ip="198.51.100.20")
    assert ok.status_code == 302


@pytest.mark.django_db
def test_lock_expires(client, admin_user, settings):
    import datetime

    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - datetime.timedelta(days=1))
    assert attempt(client, "alice", "correct-horse-battery").status_code == 302


def test_lockout_is_temporary_by_configuration(settings):
    assert settings.AXES_COOLOFF_TIME and settings.AXES_COOLOFF_TIME > 0
