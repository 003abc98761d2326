"""Background checks: one task per URL, passed its id only, enqueued once the data is committed."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.tasks import task
from django.tasks.backends.immediate import ImmediateBackend

from watch.checks import run_check
from watch.models import Trigger


@task()
def check_watched_url(watched_url_id: int, force: bool = False, trigger: str = Trigger.SCHEDULE.value) -> str | None:
    """Check one watched URL; returns the outcome, or None when it was not due or already taken."""
    result = run_check(watched_url_id, trigger=Trigger(trigger), force=force)
    return result.outcome if result else None


def enqueue_check(watched_url_id: int, *, force: bool = False, trigger: Trigger = Trigger.SCHEDULE) -> None:
    # After commit, so a worker never looks for a row that is not there yet (or was rolled back).
    transaction.on_commit(partial(check_watched_url.enqueue, watched_url_id, force=force, trigger=trigger.value))


def checks_run_in_background() -> bool:
    """Whether an enqueued check runs elsewhere (a worker) rather than inside the enqueuing call.

    The immediate backend (development, tests) runs a task on the spot, so a caller that wants
    the result can just as well run the check itself; any other backend hands it to a worker.
    """
    return not isinstance(check_watched_url.get_backend(), ImmediateBackend)


@task()
def sync_ota_repository(repository: str) -> str:
    """Pull one followed Open Terms Archive repository and import its new versions; the summary line."""
    from watch.ota_sync import sync_repository  # the importer pulls in the parser: only when a sync runs

    return sync_repository(repository).line()
