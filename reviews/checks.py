"""Deployment check: the report rate limit must be shared by every web process."""

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
                "The report rate limit is counted per process, so several web workers multiply it.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1) so every worker shares one count.",
                id="reviews.W001",
            )
        ]
    return []
