"""A per-account cap on failed admin log-ins, across every address.

django-axes locks one username from one address after a few failures, which stops a single
guesser without letting anyone lock the real admin out. A guesser spreading attempts over many
addresses would never hit it, so each account also gets an hourly budget of failures from all
addresses together; once spent, the account refuses every log-in until the hour is over.
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

HOUR = 3600


def _key(username: str) -> str:
    return f"login-failures:{int(time.time() // HOUR)}:{username.casefold()[:150]}"


def failures(username: str) -> int:
    return int(cache.get(_key(username), 0))


def capped(username: str) -> bool:
    return bool(username) and failures(username) >= settings.ACCOUNT_FAILURES_PER_HOUR


def minutes_left() -> int:
    """Minutes until the current hour's budget is renewed (the counter's key names the hour)."""
    return max(1, -(-(HOUR - int(time.time()) % HOUR) // 60))


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request=None, **kwargs) -> None:
    username = str(credentials.get("username") or "")
    if username:
        key = _key(username)
        if not cache.add(key, 1, HOUR):
            cache.incr(key)


class AccountCapBackend:
    """First in AUTHENTICATION_BACKENDS: refuses any log-in to an account past its hourly cap."""

    def authenticate(self, request, username: str | None = None, **credentials):
        if username and capped(username):
            raise PermissionDenied("too many failed log-ins for this account this hour")
        return None  # no get_user(): this backend never logs anyone in, and sessions never name it


class CappedLoginForm(AdminAuthenticationForm):
    """The admin log-in form, saying why a capped account is refused instead of "wrong
    password" (which would send its owner to reset a password that is fine). Any username
    string has a budget, so the message tells nobody whether an account exists."""

    def clean(self):
        username = str(self.cleaned_data.get("username") or "")
        if capped(username):
            raise forms.ValidationError(
                "This account has had too many failed log-ins this hour, from several addresses, "
                "so it is refused for now, even with the right password. Try again in %(minutes)d minutes.",
                code="account_capped",
                params={"minutes": minutes_left()},
            )
        return super().clean()
