"""Version: the full text of one policy version, escaped, with an evidence passage highlighted."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from pages import lib
from pages.forms import HighlightForm
from pages.views.render import render_page
from policies.models import PolicyVersion


@require_safe
def version(request: HttpRequest, slug: str, sequence: int) -> HttpResponse:
    obj = get_object_or_404(PolicyVersion.objects.select_related("company"), company__slug=slug, sequence=sequence)
    form = HighlightForm(request.GET, len(obj.text))
    span = form.span()
    others = list(
        PolicyVersion.objects.filter(company_id=obj.company_id)
        .order_by("-sequence")
        .values("sequence", "captured_at", "extractor_change")[:50]
    )
    context = {
        "page_title": f"{obj.company.name}: policy version {obj.sequence}",
        "company": obj.company,
        "version": obj,
        "segments": lib.highlight(obj.text, span),
        "span": span,
        "bad_highlight": "hl" in form.errors,
        "others": others,
        "latest_sequence": others[0]["sequence"] if others else obj.sequence,
    }
    return render_page(request, "pages/version.html", context)
