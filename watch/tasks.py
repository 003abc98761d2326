"""Background checks: one task per URL, passed its id only, enqueued once the data is committed."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.tasks import task

from watch.checks import run_check
from watch.models import Trigger


@task()
def check_watched_url(watched_url_id: int, force: bool = False) -> str | None:
    """Check one watched URL; returns the outcome, or None when it was not due or already taken."""
    result = run_check(watched_url_id, trigger=Trigger.SCHEDULE, force=force)
    return result.outcome if result else None


def enqueue_check(watched_url_id: int, *, force: bool = False) -> None:
    # After commit, so a worker never looks for a row that is not there yet (or was rolled back).
    transaction.on_commit(partial(check_watched_url.enqueue, watched_url_id, force=force))
