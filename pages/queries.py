"""Querysets for the public pages: each page's data in a fixed, small number of queries."""

from __future__ import annotations

from django.db.models import QuerySet

from policies.models import Company, PolicyVersion
from summaries.models import Summary


def companies_with_badges() -> QuerySet[Company]:
    """Companies with their current version and its card badges, read from the company row.

    The columns are kept up to date when a version or a card is recorded, so filters and sorts
    run on indexed columns of one table, however many companies there are.
    """
    return Company.objects.public()


def newest_summary(version: PolicyVersion) -> Summary | None:
    return Summary.objects.filter(version=version).order_by("-created_at", "-pk").first()


def summaries_for(versions: list[PolicyVersion]) -> dict[int, Summary]:
    """The newest card of each given version, keyed by version id, in one query."""
    return Summary.objects.newest_for([v.pk for v in versions])


def current_cards(companies: list[Company]) -> dict[int, Summary]:
    """The newest card of each company's current version, keyed by company id, in one query."""
    owners = {c.current_version_id: c.pk for c in companies if c.current_version_id}
    found = Summary.objects.select_related("version").defer("version__text").newest_for(list(owners))
    return {owners[version]: s for version, s in found.items()}
