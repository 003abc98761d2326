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


@pytest.mark.django_db
def test_lockout_message_states_the_configured_cool_off(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    locked = attempt(client, "alice", "correct-horse-battery")
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    assert f"Try again in {minutes} minutes" in " ".join(locked.content.decode().split())


@pytest.mark.django_db
def test_behind_the_proxy_the_lock_is_per_client_not_per_proxy(client, admin_user, settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_REAL_IP"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN, {"username": "alice", "password": "wrong"}, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7"
        )
    ok = client.post(
        LOGIN,
        {"username": "alice", "password": "correct-horse-battery"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="198.51.100.20",
    )
    assert ok.status_code == 302


@pytest.mark.django_db
def test_an_account_has_an_hourly_cap_across_addresses(client, admin_user, settings):
    settings.ACCOUNT_FAILURES_PER_HOUR = 6
    for n in range(6):
        attempt(client, "alice", "wrong", ip=f"203.0.113.{n + 1}")
    refused = attempt(client, "alice", "correct-horse-battery", ip="198.51.100.20")
    assert refused.status_code == 200  # the form again: even the right password is refused this hour
    text = " ".join(refused.content.decode().split())
    assert "too many failed log-ins this hour" in text and "Try again in" in text
    assert "correct username and password" not in text
    assert attempt(client, "bob", "wrong", ip="198.51.100.20").status_code == 200  # other accounts unaffected
