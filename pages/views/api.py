"""The read-only JSON API: companies, and each version's card with the text its evidence points into.

Cards go out in the contract's JSON form (../shared/spec/cards.md: the reviewed card's `as_json()`,
key for key as the parser stored them) with people's review decisions applied: every entry of
collected, shared, choices and contacts carries `"review"` (machine | confirmed | corrected |
needs_review) and the card carries its `"grade"`.
Each is wrapped with the version it describes, so a client can check every quote:
`text[start:end] == quote`. A card an admin holds for checking goes out as null with `"held": true`.
Anyone may read it, from any origin; nothing here changes state.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from pages.forms import API_PAGE, CompanyListForm, make_cursor
from policies.links import slug_path
from policies.models import Company, PolicyVersion
from policies.ota.records import OTA_CREDIT, OTA_LICENCE, OTA_LICENCE_URL
from reviews.models import CardReview
from reviews.reviewed import reviewed_card
from summaries.models import Summary

API_VERSION = "api/1"


def _json(request: HttpRequest, data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse({"api": API_VERSION, **data}, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only data: other sites and notebooks may fetch it directly.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _site(request: HttpRequest) -> str:
    """The scheme and host before our paths ("https://fineprint.example"): what `build_absolute_uri`
    puts before a path that `reverse()` made (already quoted, no dot segments), worked out once."""
    return request.build_absolute_uri("/").removesuffix("/")


def _company(company: Company, site: str) -> dict[str, Any]:
    return {
        "name": company.name,
        "slug": company.slug,
        "website": company.website,
        "sector": company.sector,
        "page": site + company.get_absolute_url(),
        "card": site + slug_path("api-card", company.slug),
    }


def ota_credit(version: PolicyVersion) -> dict[str, Any]:
    """Open Terms Archive's text is shared under ODC-BY 1.0: attribution and the original, always."""
    return {
        "text": OTA_CREDIT,
        "licence": OTA_LICENCE,
        "licence_url": OTA_LICENCE_URL,
        "original": version.source_url or None,
        "repository": version.source_repository,
        "commit": version.source_commit or None,
        "path": version.source_path,
    }


def _version(version: PolicyVersion, company: Company, request: HttpRequest) -> dict[str, Any]:
    return {
        "sequence": version.sequence,
        "captured_at": version.captured_at.isoformat(),
        "effective_date": version.effective_date.isoformat() if version.effective_date else None,
        "sha256": version.sha256,
        "source": version.source,
        "extractor_change": version.extractor_change,
        "url": request.build_absolute_uri(reverse("api-version", args=[company.slug, version.sequence])),
        "credit": ota_credit(version) if version.from_ota else None,
    }


@require_safe
def companies(request: HttpRequest) -> JsonResponse:
    """Companies by name, a page at a time: follow `next` until it is null."""
    form = CompanyListForm(request.GET)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return _json(request, {"error": "Some query parameters were not understood.", "fields": errors}, status=400)
    params = form.cleaned_data
    limit = params["limit"] or API_PAGE
    found = filter_companies(Company.objects.public(), params).order_by("name", "pk")
    if cursor := params["cursor"]:
        # (name, pk) after the cursor's, written so the name index can seek to it.
        found = found.filter(name__gte=cursor[0]).filter(Q(name__gt=cursor[0]) | Q(pk__gt=cursor[1]))
    # Plain values of the columns a row shows, not model instances (a third of this view's time).
    page = list(found.values(*ROW_FIELDS)[: limit + 1])
    site = _site(request)
    rows = [_company_row(company, site) for company in page[:limit]]
    following = None
    if len(page) > limit:
        query = request.GET.copy()
        query["cursor"] = make_cursor(page[limit - 1]["name"], page[limit - 1]["pk"])
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return _json(request, {"companies": rows, "next": following})


def filter_companies(found: QuerySet[Company], params: dict[str, Any]) -> QuerySet[Company]:
    if params["sells"]:
        found = found.filter(badge_sells=params["sells"])
    if params["sector"]:
        found = found.filter(sector=params["sector"])
    if params["no_ads"]:
        found = found.filter(badge_ads=False)
    if params["deletion"]:
        found = found.filter(badge_deletion=True)
    if params["gpc"]:
        found = found.filter(badge_gpc=True)
    if params["updated_since"]:
        found = found.filter(changed_at__gte=params["updated_since"])
    return found


# What a row of the company list reads of each company.
ROW_FIELDS = (
    "pk",
    "name",
    "slug",
    "website",
    "sector",
    "version_count",
    "last_updated",
    "changed_at",
    "badge_sells",
    "badge_ads",
    "badge_deletion",
    "badge_gpc",
)


def _company_row(company: dict[str, Any], site: str) -> dict[str, Any]:
    """`_company`'s fields and the list's own, from the company's `ROW_FIELDS` values."""
    slug = company["slug"]
    return {
        "name": company["name"],
        "slug": slug,
        "website": company["website"],
        "sector": company["sector"],
        "page": site + slug_path("company", slug),
        "card": site + slug_path("api-card", slug),
        # Sequences run 1, 2, 3, ... without gaps, so the latest one is the count.
        "latest_version": company["version_count"] or None,
        "last_updated": company["last_updated"].isoformat() if company["last_updated"] else None,
        "changed_at": company["changed_at"].isoformat(),
        "badges": {
            "sells_data": company["badge_sells"] or "not_stated",
            "shares_with_advertisers": bool(company["badge_ads"]),
            "allows_deletion": bool(company["badge_deletion"]),
            "honors_gpc": bool(company["badge_gpc"]),
        },
    }


@require_safe
def card(request: HttpRequest, slug: str) -> JsonResponse:
    """The card of the company's latest version."""
    company = Company.objects.public().filter(slug=slug).select_related("card_review").first()
    if company is None:
        return _not_found(request, f"No company with the slug {slug!r}.")
    versions = list(PolicyVersion.objects.filter(company=company).defer("text").order_by("sequence"))
    if not versions:
        return _not_found(request, f"{company.name} has no policy version yet.")
    history = [_version(v, company, request) for v in versions]
    return _card_response(request, company, versions[-1], versions=history)


@require_safe
def version(request: HttpRequest, slug: str, sequence: int) -> JsonResponse:
    """One version: its card and the normalised text its evidence offsets point into."""
    found = (
        PolicyVersion.objects.select_related("company", "company__card_review")
        .filter(company__slug=slug, sequence=sequence)
        .first()
    )
    if found is None:
        return _not_found(request, f"No version {sequence} of a company with the slug {slug!r}.")
    return _card_response(request, found.company, found, text=found.text)


def _card_response(request: HttpRequest, company: Company, found: PolicyVersion, **extra: Any) -> JsonResponse:
    """`extra` adds `text` (a version's own document) or `versions` (a company's history)."""
    review: CardReview | None = getattr(company, "card_review", None)
    held = bool(review and review.held)
    summary = None if held else Summary.objects.newest_of(found)
    card = reviewed_card(found, summary) if summary else None
    data: dict[str, Any] = {
        "company": _company(company, _site(request)),
        "version": _version(found, company, request),
        "parser_version": summary.parser_version if summary else None,
        "card": card.as_json() if card else None,
        "held": held,
        **extra,
    }
    return _json(request, data)


def _not_found(request: HttpRequest, message: str) -> JsonResponse:
    return _json(request, {"error": message}, status=404)
