"""How we make cards: the method page, with the grading rubric printed from the table that grades."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from pages.views.render import render_page
from reviews import rubric


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    bands = [{"letter": letter, "from": bound} for bound, letter in rubric.GRADE_BANDS]
    context = {
        "page_title": "How we make cards",
        "rules": rubric.RULES,
        "bands": bands,
        "lowest": rubric.LOWEST,
        "lowest_below": rubric.GRADE_BANDS[-1][0],
    }
    return render_page(request, "pages/about.html", context)
