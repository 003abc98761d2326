"""Version: the full text of one policy version, escaped, with an evidence passage highlighted."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from pages import lib
from pages.views.render import render_page
from policies.models import PolicyVersion


def version(request: HttpRequest, slug: str, sequence: int) -> HttpResponse:
    obj = get_object_or_404(PolicyVersion.objects.select_related("company"), company__slug=slug, sequence=sequence)
    raw_hl = request.GET.get("hl")
    span = lib.parse_span(raw_hl, len(obj.text))
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
        "bad_highlight": bool(raw_hl) and span is None,
        "others": others,
        "latest_sequence": others[0]["sequence"] if others else obj.sequence,
    }
    return render_page(request, "pages/version.html", context)
