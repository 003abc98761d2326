"""How we make cards: the method page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from pages.views.render import render_page


def about(request: HttpRequest) -> HttpResponse:
    return render_page(request, "pages/about.html", {"page_title": "How we make cards"})
