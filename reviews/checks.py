"""Deployment check: the rate limits must be shared by every web process (CACHE_URL=redis://...)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

PROCESS_LOCAL = ("locmem.LocMemCache", "dummy.DummyCache")


@checks.register(checks.Tags.security, deploy=True)
def rate_limit_cache_is_shared(app_configs, **kwargs) -> list[checks.CheckMessage]:
    backend = settings.CACHES.get(settings.RATELIMIT_USE_CACHE, {}).get("BACKEND", "")
    if backend.endswith(PROCESS_LOCAL):
        return [
            checks.Warning(
                "Rate limits (reports, diff, search) are counted per process, so several web workers multiply them.",
                hint="Set CACHE_URL=redis://HOST:6379/DB so every worker shares one count.",
                id="reviews.W001",
            )
        ]
    return []
