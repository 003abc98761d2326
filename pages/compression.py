"""Compression for everything but the admin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    """GZip, except under /admin/: its pages hold session-bound forms next to echoed input,
    the shape BREACH attacks, and they are few and small enough not to need it."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path.startswith("/admin/"):
            return response
        return super().process_response(request, response)
