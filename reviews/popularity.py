"""How often visitors open each company's card page, so the review queue can put the most read first.

Counting must not slow a page down or invalidate the page cache, so it is done in two steps:

1. `count_view(slug)`: one atomic increment in the `counters` cache (Redis when CACHE_URL names
   one, shared by every worker; process memory otherwise). No database write in the request.
2. `flush()`: adds the counted views to `CardReview.views` and takes them off the counters.
   It runs after a response has been sent (Django's `request_finished`), at most once every
   VIEW_FLUSH_SECONDS in each process, so no visitor waits for it.

The count lives on CardReview, not on the company row: the public pages' cache and ETags key
on `Company.changed_at`, which counting never touches.

Each process remembers which slugs it counted since its last flush. With Redis a count is
never lost: whichever process flushes a slug moves every worker's views of it, and views a
killed process left behind move with that slug's next flush anywhere. With the per-process
cache, views counted since the last flush die with the process.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import F

from policies.models import Company
from reviews.models import CardReview

logger = logging.getLogger(__name__)

_pending: set[str] = set()
_last_flush = time.monotonic()


def _key(slug: str) -> str:
    return f"views:{slug}"


def count_view(slug: str) -> None:
    """Count one view of this company's card page; never raises (a counter must not break a page)."""
    cache = caches[settings.VIEW_COUNT_CACHE]
    key = _key(slug)
    try:
        try:
            cache.incr(key)
        except ValueError:  # no counter yet; `add` loses no view if another worker created it meanwhile
            if not cache.add(key, 1, timeout=None):
                cache.incr(key)
    except Exception:  # Redis being down costs a view, never the visitor's page
        logger.warning("could not count a view of %s", slug, exc_info=True)
        return
    _pending.add(slug)


def flush() -> int:
    """Move the views counted for this process's pending slugs into CardReview.views; returns how many moved."""
    global _last_flush
    _last_flush = time.monotonic()
    slugs = sorted(_pending)
    _pending.clear()
    if not slugs:
        return 0
    cache = caches[settings.VIEW_COUNT_CACHE]
    found = cache.get_many([_key(s) for s in slugs])
    counts = {s: int(found[_key(s)]) for s in slugs if found.get(_key(s))}
    ids = dict(Company.objects.filter(slug__in=counts).values_list("slug", "pk"))
    try:
        with transaction.atomic():
            for slug, company_id in ids.items():
                if not CardReview.objects.filter(company_id=company_id).update(views=F("views") + counts[slug]):
                    CardReview.objects.create(company_id=company_id, views=counts[slug])
    except DatabaseError:
        _pending.update(counts)  # the counts are still in the cache: try again at the next flush
        raise
    for slug in counts:
        # Take off what was moved, not the whole counter: views counted meanwhile stay for next time.
        # ValueError: the counter expired or was evicted after being read; nothing left to take off.
        with contextlib.suppress(ValueError):
            cache.decr(_key(slug), counts[slug])
    return sum(counts[s] for s in ids)


def flush_if_due(**kwargs: Any) -> None:
    """`request_finished` receiver: flush when this process last did so VIEW_FLUSH_SECONDS ago or more."""
    if not _pending or time.monotonic() - _last_flush < settings.VIEW_FLUSH_SECONDS:
        return
    try:
        flush()
    except DatabaseError:
        logger.warning("could not store view counts; they stay counted until the next flush", exc_info=True)
