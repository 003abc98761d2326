"""Querysets for the public pages: each page's data in a fixed, small number of queries."""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery

from policies.models import Company, PolicyVersion
from summaries.models import Summary


def companies_with_badges() -> QuerySet[Company]:
    """Companies annotated with their latest version and that version's newest card badges.

    Correlated subqueries keep a page of companies to one query however many there are,
    and let the browse filters run in the database.
    """
    versions = PolicyVersion.objects.filter(company=OuterRef("pk")).order_by("-sequence")
    qs = Company.objects.annotate(
        latest_version_id=Subquery(versions.values("pk")[:1]),
        latest_sequence=Subquery(versions.values("sequence")[:1]),
        # A re-extraction by our own tools is not the company updating its policy.
        last_updated=Subquery(versions.filter(extractor_change=False).values("captured_at")[:1]),
    )
    cards = Summary.objects.filter(version=OuterRef("latest_version_id")).order_by("-created_at", "-pk")
    return qs.annotate(
        summary_id=Subquery(cards.values("pk")[:1]),
        sells=Subquery(cards.values("sells_data")[:1]),
        ads=Subquery(cards.values("shares_with_advertisers")[:1]),
        deletion=Subquery(cards.values("allows_deletion")[:1]),
        gpc=Subquery(cards.values("honors_gpc")[:1]),
    )


def company_with_counts(slug: str) -> QuerySet[Company]:
    return Company.objects.filter(slug=slug).annotate(version_count=Count("versions"))


def newest_summary(version: PolicyVersion) -> Summary | None:
    return Summary.objects.filter(version=version).order_by("-created_at", "-pk").first()


def summaries_for(versions: list[PolicyVersion]) -> dict[int, Summary]:
    """The newest card of each given version, keyed by version id, in one query."""
    found = Summary.objects.newest_per_version().filter(version__in=[v.pk for v in versions])
    return {s.version_id: s for s in found}
