"""Template helpers for review labels."""

from __future__ import annotations

import datetime

from django import template

register = template.Library()


@register.filter
def iso_date(value: object) -> datetime.date | None:
    """An ISO date string from a reviewed card ("checked_on") as a date, for the `date` filter."""
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
