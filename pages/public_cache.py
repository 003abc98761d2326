"""Conditional GET and a shared cache for the public, read-only pages, API responses and feeds.

Everything these URLs show comes from the archive, and every write to it moves some company's
`changed_at` (a version, a card, an edit). So the newest `changed_at` (one indexed query) is a
stamp for the whole site: a response is cached under its URL, the htmx headers that pick a
fragment, and that stamp, so any change invalidates it at once, in every process, whatever
cache backend is configured (local memory per process, or Redis shared by all). The same key
is the ETag, and the stamp is Last-Modified, so a client that has the page gets a 304 after
one query (none at all when the stamp was read less than PUBLIC_STAMP_SECONDS ago).

The only per-request values in a page are the CSP nonce and the masked CSRF token; a cached
page gets fresh ones on every response, so no two visitors share them.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from pages.views.limits import over_limit, too_many
from policies.models import Company

# URL names whose responses depend only on the archive, never on who asks.
PUBLIC_URL_NAMES = frozenset(
    {
        "browse",
        "about",
        "compare",
        "company",
        "history",
        "diff",
        "version",
        "api-companies",
        "api-card",
        "api-version",
        "feed-changes",
        "feed-company",
    }
)
VARY_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
KEPT_HEADERS = ("Content-Type", "Access-Control-Allow-Origin", "HX-Push-Url", "Vary", "Content-Language")
NONCE = re.compile(rb' nonce="[^"]*"')
CSRF = re.compile(rb'"X-CSRFToken": "[^"]*"')


_last_read: tuple[float, datetime | None] = (-1.0, None)


def site_stamp() -> datetime | None:
    """The newest `changed_at`, read from the database at most every PUBLIC_STAMP_SECONDS.

    A fraction of a second of staleness spares every cached response its only query; with 0
    (the tests) every request reads it.
    """
    global _last_read
    now = time.monotonic()
    if now - _last_read[0] >= settings.PUBLIC_STAMP_SECONDS:
        _last_read = (now, Company.objects.aggregate(stamp=Max("changed_at"))["stamp"])
    return _last_read[1]


def cache_key(request: HttpRequest, stamp: datetime | None) -> str:
    parts = [str(stamp), request.build_absolute_uri(), *(request.headers.get(h, "") for h in VARY_HEADERS)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


class PublicCacheMiddleware:
    """Runs the public views through the cache; place it after the CSP and CSRF middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or match is None or match.url_name not in PUBLIC_URL_NAMES:
            return None
        stamp = site_stamp()
        key = cache_key(request, stamp)
        etag = f'"{key}"'
        last_modified = int(stamp.timestamp()) if stamp else None  # HTTP dates have whole seconds
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        cache = caches[settings.PUBLIC_CACHE_ALIAS]
        stored = None if isinstance(not_modified, HttpResponseNotModified) else cache.get(key)
        if (not_modified or stored) and (group := _limited(request)) and over_limit(request, group):
            return too_many(request)  # the view, which counts the budget itself, is not run
        if isinstance(not_modified, HttpResponseNotModified):
            return _headers(not_modified, etag, stamp)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            stored = (response.content, [(k, v) for k, v in response.items() if k in KEPT_HEADERS])
            cache.set(key, stored, settings.PUBLIC_CACHE_SECONDS)
        else:
            response = HttpResponse(_refresh(request, stored[0]))
            for header, value in stored[1]:
                response[header] = value
        patch_vary_headers(response, VARY_HEADERS)
        return _headers(response, etag, stamp)


def _limited(request: HttpRequest) -> str | None:
    """The rate-limit group (pages/views/limits.py) this request counts against, if any."""
    name = request.resolver_match.url_name if request.resolver_match else None
    if name == "diff":
        return "diff"
    if name == "browse" and request.GET.get("q", "").strip():
        return "search"
    return None


def _refresh(request: HttpRequest, content: bytes) -> bytes:
    """A cached page with this request's own CSP nonce and masked CSRF token."""
    if NONCE.search(content):
        nonce = str(request._csp_nonce).encode()  # type: ignore[attr-defined]
        content = NONCE.sub(b' nonce="' + nonce + b'"', content)
    if CSRF.search(content):
        content = CSRF.sub(b'"X-CSRFToken": "' + get_token(request).encode() + b'"', content)
    return content


def _headers(response: HttpResponse, etag: str, stamp: datetime | None) -> HttpResponse:
    response["ETag"] = etag
    if stamp:
        response["Last-Modified"] = http_date(stamp.timestamp())
    # Shared caches may keep a copy but must ask again before using it: the ETag makes that cheap.
    response["Cache-Control"] = "public, no-cache"
    return response
