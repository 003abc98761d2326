"""Rendering a page, or one of its fragments for htmx."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    fragments: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The full page, or for htmx the partial its target asks for (`main` when boosted).

    `fragments` maps an element id that htmx targets to the partial that fills it. A history
    restore is answered with the full page, as htmx puts it back into the whole document.
    """
    htmx = getattr(request, "htmx", None)
    name = template
    if htmx and not htmx.history_restore_request:
        partial = (fragments or {}).get(htmx.target or "", "main")
        name = f"{template}#{partial}"
    response = render(request, name, context, status=status)
    # The same URL answers with a page or a fragment: caches must keep them apart.
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response
