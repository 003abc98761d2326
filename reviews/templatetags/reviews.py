"""Template helpers for review labels."""

from __future__ import annotations

import datetime

from django import template
from django.db.models import Count, Exists, OuterRef, Q, Sum

from reviews.models import CardReview, Report, ReportStatus

register = template.Library()

# How many of the most viewed cards waiting for review the admin index names.
MOST_VIEWED = 5


@register.filter
def iso_date(value: object) -> datetime.date | None:
    """An ISO date string from a reviewed card ("checked_on") as a date, for the `date` filter."""
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


@register.simple_tag(takes_context=True)
def review_queue_counts(context: template.Context) -> dict[str, int] | None:
    """The queue's counts for the admin index, or None for staff who may not see reviews."""
    request = context.get("request")
    if request is None or not request.user.has_perm("reviews.view_cardreview"):
        return None
    totals = CardReview.objects.aggregate(
        needs_review=Sum("needs_review", default=0),
        unchecked_changes=Count("pk", filter=Q(unchecked_change=True)),
        held=Count("pk", filter=Q(held=True)),
    )
    open_reports = Report.objects.filter(status=ReportStatus.OPEN)
    waiting = CardReview.objects.in_queue(Exists(open_reports.filter(company_id=OuterRef("company_id"))))
    most_viewed = waiting.filter(views__gt=0).select_related("company").order_by("-views", "company__name")
    return {"reports": open_reports.count(), **totals, "most_viewed": list(most_viewed[:MOST_VIEWED])}
