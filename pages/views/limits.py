"""Per-visitor rate limits on the expensive public pages (the diff and search)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

RETRY_AFTER_SECONDS = 60


def over_limit(request: HttpRequest, group: str) -> bool:
    """Counts this request against the visitor's budget for `group`; True once it is spent."""
    rate = settings.PUBLIC_RATE_LIMITS.get(group)
    if not rate:
        return False
    return is_ratelimited(request, group=group, key="config.client_ip.ratelimit_key", rate=rate, increment=True)


def too_many(request: HttpRequest) -> HttpResponse:
    """429 with Retry-After; JSON for the API, the branded page for people."""
    if request.path.startswith("/api/"):
        response: HttpResponse = HttpResponse(
            b'{"error": "Too many requests; try again in a minute."}', status=429, content_type="application/json"
        )
    else:
        response = render(request, "429.html", {"retry_after": RETRY_AFTER_SECONDS}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
