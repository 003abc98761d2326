"""The check task: ids only, enqueued after commit; runs now by default, in db_worker in production."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction

from policies.models import PolicyVersion
from watch.models import Outcome, Trigger
from watch.tasks import check_watched_url, checks_run_in_background, enqueue_check


def test_task_checks_a_due_url_by_id(company, watch_url):
    watched = watch_url()
    result = check_watched_url.enqueue(watched.pk)
    assert result.return_value == Outcome.NEW_VERSION
    assert result.args == [watched.pk]
    # No longer due: a second run without force does nothing.
    assert check_watched_url.enqueue(watched.pk).return_value is None
    assert check_watched_url.enqueue(watched.pk, force=True).return_value == Outcome.UNCHANGED


def test_task_for_a_deleted_url_does_nothing(db):
    assert check_watched_url.enqueue(999_999, force=True).return_value is None


def test_enqueue_waits_for_commit(company, watch_url, django_capture_on_commit_callbacks):
    watched = watch_url()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_check(watched.pk)
    assert len(callbacks) == 1
    assert not PolicyVersion.objects.exists()  # nothing ran before the commit
    callbacks[0]()
    assert PolicyVersion.objects.filter(company=company).count() == 1


@pytest.mark.django_db(transaction=True)
def test_rolled_back_enqueue_never_runs(company, watch_url):
    watched = watch_url()
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_check(watched.pk)
        raise RuntimeError("the admin save failed")
    assert not PolicyVersion.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_database_backend_and_db_worker(company, watch_url, settings):
    """Production wiring: TASKS_BACKEND=django_tasks_db.DatabaseBackend, worker `manage.py db_worker`."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    watched = watch_url()
    with transaction.atomic():
        enqueue_check(watched.pk)
    assert DBTaskResult.objects.count() == 1
    assert not PolicyVersion.objects.exists()  # queued, not run
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert PolicyVersion.objects.filter(company=company).count() == 1
    task_result = DBTaskResult.objects.get()
    assert task_result.status == "SUCCESSFUL"
    assert task_result.args_kwargs == {"args": [watched.pk], "kwargs": {"force": False, "trigger": "schedule"}}
    assert watched.attempts.get().trigger == Trigger.SCHEDULE


def test_backend_decides_where_checks_run(settings):
    assert not checks_run_in_background()  # the immediate backend of development and tests
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert checks_run_in_background()
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    assert checks_run_in_background()
