"""History: every recorded version of a company's policy, newest first, each with what changed.

"What changed" is read from the changes stored with each card when it was recorded: one query
for the page's rows whatever the history's length, and no card is compared on a request.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from pages.views.render import render_page
from policies.models import Company, PolicyVersion
from summaries.models import Summary

PER_PAGE = 50


@require_safe
def history(request: HttpRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company.objects.public(), slug=slug)
    versions = (
        PolicyVersion.objects.filter(company=company)
        .order_by("-sequence")
        .only("sequence", "captured_at", "effective_date", "extractor_change", "size", "source", "company_id")
    )
    paginator = Paginator(versions, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    rows = list(page.object_list)
    changes = Summary.objects.changes_for([v.pk for v in rows])
    for row in rows:
        row.card_changes = changes.get(row.pk)
    context = {
        "page_title": f"{company.name}: policy history",
        "company": company,
        "page": page,
        "versions": rows,
        "total": paginator.count,
        "bad_page": request.GET.get("page") not in (None, "", str(page.number)),
    }
    return render_page(request, "pages/history.html", context)
