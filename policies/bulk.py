"""Bulk writes: per-company follow-up work once per company, not once per version.

Apps above the archive keep derived state per company in step with each saved version or card
(the review app's grade and queue flags). During a bulk import that work, done for every
version of a long history, costs more than recording the versions; and only its last result
counts. Inside `deferred()`, a listener asks `defer(company_id)` and, when it is told True,
leaves the work for the `settled` signal, sent with the companies touched when `settle()` is
called or the block ends (also when it ends with an error, for what was written before).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

settled = Signal()  # sent with company_ids: list[int]
_pending: ContextVar[set[int] | None] = ContextVar("bulk_pending", default=None)


def defer(company_id: int) -> bool:
    """True (and the company noted) inside `deferred()`; False elsewhere: do the work now."""
    pending = _pending.get()
    if pending is None:
        return False
    pending.add(company_id)
    return True


def settle() -> None:
    """Send `settled` for the companies noted so far (an importer calls it between documents)."""
    pending = _pending.get()
    if pending:
        company_ids = sorted(pending)
        pending.clear()
        settled.send(sender=None, company_ids=company_ids)


@contextmanager
def deferred() -> Iterator[None]:
    token = _pending.set(set())
    try:
        yield
    finally:
        try:
            settle()
        finally:
            _pending.reset(token)
