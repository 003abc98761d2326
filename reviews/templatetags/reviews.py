"""Template helpers for review labels."""

from __future__ import annotations

import datetime

from django import template
from django.db.models import Count, Q, Sum

from reviews.models import CardReview, Report, ReportStatus

register = template.Library()


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
    return {"reports": Report.objects.filter(status=ReportStatus.OPEN).count(), **totals}
