"""How we make cards: the method page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from pages.views.render import render_page


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render_page(request, "pages/about.html", {"page_title": "How we make cards"})
