"""Report a problem: a visitor tells the team a fact (or the whole card) looks wrong.

No account needed. CSRF, a honeypot, length limits and a per-address rate limit keep it
usable; reports go to the admin review queue and nothing a visitor writes is ever shown on
a public page (this page echoes only the visitor's own unsent text back to them).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from pages.forms import ReportQueryForm
from pages.views.fact_names import fact_title
from pages.views.render import render_page
from policies.models import Company, PolicyVersion
from reviews.forms import ReportForm
from reviews.models import Report
from reviews.reviewed import reviewed_card

STATUS_TOO_MANY = 429


# The one public view that takes a POST: the report form itself (GET shows it, POST sends it).
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, slug: str) -> HttpResponse:
    company = get_object_or_404(Company, slug=slug)
    version = PolicyVersion.objects.filter(company=company).order_by("-sequence").first()
    card = reviewed_card(version)
    keys = frozenset(fact.key for fact in card.checkable()) if card else frozenset()
    query = ReportQueryForm(request.GET)
    query.is_valid()  # lenient: both fields always have a value
    fact, sent = query.cleaned_data["fact"], query.cleaned_data["sent"]
    context = {"page_title": f"Report a problem: {company.name}", "company": company, "sent": sent}
    if request.method != "POST":
        form = ReportForm(initial={"fact": fact if fact in keys else ""}, fact_keys=keys)
        return render_page(request, "pages/report.html", {**context, "form": form, "fact_title": fact_title(fact)})
    form = ReportForm(request.POST, fact_keys=keys)
    # Keyed on the visitor behind our proxy (config.client_ip), not on the proxy itself.
    limited = is_ratelimited(
        request, group="report", key="config.client_ip.ratelimit_key", rate=settings.REPORT_RATE, increment=True
    )
    if limited:
        context.update(form=form, limited=True, fact_title=fact_title(request.POST.get("fact", "")))
        return render_page(request, "pages/report.html", context, status=STATUS_TOO_MANY)
    if not form.is_valid():
        context.update(form=form, fact_title=fact_title(request.POST.get("fact", "")))
        return render_page(request, "pages/report.html", context, status=400)
    fact = form.cleaned_data["fact"]
    Report.objects.create(company=company, version=version, fact_key=fact, message=form.cleaned_data["message"])
    return redirect(f"{company.get_absolute_url()}report/?sent=1")
