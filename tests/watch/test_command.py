"""manage.py check_policies: the due checks for cron, one line per URL."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from policies.models import Company, PolicyVersion
from tests.fetch.server import POLICY_HTML, page, status
from watch.models import CheckAttempt, Trigger, WatchedURL


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("check_policies", *args, stdout=out)
    return out.getvalue().splitlines()


def test_runs_due_urls_one_line_each(company, site, watch_url):
    site.routes["/broken"] = status(404)
    good, bad = watch_url("/privacy"), watch_url("/broken")
    lines = run()
    assert lines[:2] == [
        f"acme-home  {good.url}  new_version: New version 1 recorded.",
        f"acme-home  {bad.url}  failed: The check failed: The server answered HTTP 404 (page not found).",
    ]
    assert lines[-1] == "Done: 1 failed, 1 new_version."
    assert set(CheckAttempt.objects.values_list("trigger", flat=True)) == {Trigger.COMMAND}


def test_urls_not_due_are_left_alone_unless_all(company, site, watch_url):
    watched = watch_url()
    WatchedURL.objects.filter(pk=watched.pk).update(next_check_at=timezone.now() + timedelta(hours=3))
    assert run() == ["Done: nothing due."]
    assert not CheckAttempt.objects.exists()
    lines = run("--all")
    assert lines[0].endswith("new_version: New version 1 recorded.")


def test_company_filter(company, site, watch_url):
    other = Company.objects.create(name="Other Shop", slug="other-shop")
    WatchedURL.objects.create(company=other, url=site.url("/privacy"))
    watch_url()
    lines = run("--company", "other-shop")
    assert len(lines) == 2 and lines[0].startswith("other-shop  ")
    assert PolicyVersion.objects.filter(company=company).count() == 0


def test_unknown_company_is_an_error(db):
    with pytest.raises(CommandError, match="No company"):
        run("--company", "nope")


def test_enqueue_hands_the_urls_to_the_task_backend(company, site, watch_url):
    watched = watch_url()
    lines = run("--enqueue")
    assert lines == [f"acme-home  {watched.url}  queued", "Done: 1 queued."]
    # The default backend runs tasks immediately: the check happened with the schedule trigger.
    assert CheckAttempt.objects.get().trigger == Trigger.SCHEDULE


def test_second_run_finds_nothing_due(company, site, watch_url):
    site.routes["/privacy"] = page(POLICY_HTML)
    watch_url()
    run()
    assert run() == ["Done: nothing due."]
