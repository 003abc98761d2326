"""Admin: "Check now" is a staff POST. With the immediate tasks backend the result comes back as a
message; with a real one the check is queued for the worker. Adding a URL queues its first check."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from policies.models import PolicyVersion
from tests.fetch.server import POLICY_HTML, page, stall, status
from watch import checks
from watch.models import CheckAttempt, Outcome, Trigger, WatchedURL

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def check_url(watched: WatchedURL) -> str:
    return reverse("admin:watch_watchedurl_check", args=[watched.pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_check_now_records_and_links_the_new_version(client, admin_user, company, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    response = client.post(check_url(watched), follow=True)
    assert response.status_code == 200
    version = PolicyVersion.objects.get(company=company)
    [message] = messages_of(response)
    assert "new version" in message
    preview = reverse("admin:policies_company_preview", args=[company.pk, version.sequence])
    assert f'href="{preview}"' in message
    assert response.redirect_chain[-1][0] == reverse("admin:watch_watchedurl_change", args=[watched.pk])
    assert CheckAttempt.objects.get().trigger == Trigger.ADMIN


def test_check_now_reports_unchanged(client, admin_user, company, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    client.post(check_url(watched))
    response = client.post(check_url(watched), follow=True)
    assert messages_of(response)[-1] == f"{watched.url}: Unchanged since version 1."


def test_check_now_reports_the_error_in_plain_words(client, admin_user, company, site, watch_url):
    site.routes["/privacy"] = status(404)
    watched = watch_url()
    client.force_login(admin_user)
    response = client.post(check_url(watched), follow=True)
    [message] = messages_of(response)
    assert "The check failed: The server answered HTTP 404 (page not found)." in message
    assert not PolicyVersion.objects.filter(company=company).exists()


def test_check_now_refuses_get(client, admin_user, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    response = client.get(check_url(watched))
    assert response.status_code == 405
    assert not CheckAttempt.objects.exists()


@pytest.mark.parametrize("who", ["staff_user", "visitor", None])
def test_check_now_needs_change_permission(client, request, watch_url, who):
    watched = watch_url()
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.post(check_url(watched))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"]
    assert not CheckAttempt.objects.exists()


def test_check_now_action_on_the_list(client, admin_user, company, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:watch_watchedurl_changelist"),
        {"action": "check_now_action", "_selected_action": [watched.pk]},
        follow=True,
    )
    assert any("new version" in m for m in messages_of(response))
    assert PolicyVersion.objects.filter(company=company).count() == 1


def test_change_page_shows_check_now_form_and_history(client, admin_user, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    client.post(check_url(watched))
    response = client.get(reverse("admin:watch_watchedurl_change", args=[watched.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<form method="post" action="{check_url(watched)}"' in page
    assert "Check now" in page
    assert "attempt history" in page.lower()
    assert "New version" in page  # the attempt's outcome in the history


def test_adding_a_url_queues_its_first_check_after_commit(
    client, admin_user, company, site, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    form = {
        "company": company.pk,
        "url": site.url("/privacy"),
        "active": "on",
        "check_interval_hours": 24,
        "keep_selector": "",
        "remove_selectors": "",
        "attempts-TOTAL_FORMS": 0,
        "attempts-INITIAL_FORMS": 0,
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("admin:watch_watchedurl_add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(callbacks) == 1
    assert PolicyVersion.objects.filter(company=company).count() == 1
    assert WatchedURL.objects.get().attempts.count() == 1


def test_invalid_selector_is_refused_by_the_form(client, admin_user, company, site):
    client.force_login(admin_user)
    form = {
        "company": company.pk,
        "url": site.url("/privacy"),
        "check_interval_hours": 24,
        "keep_selector": "main >>> p[",
        "attempts-TOTAL_FORMS": 0,
        "attempts-INITIAL_FORMS": 0,
    }
    response = client.post(reverse("admin:watch_watchedurl_add"), form)
    assert response.status_code == 200
    assert "is not a valid CSS selector" in response.content.decode()
    assert not WatchedURL.objects.exists()


def test_inline_formset_queues_first_check_for_new_rows(company, site, django_capture_on_commit_callbacks):
    from django.forms import inlineformset_factory

    from policies.models import Company
    from watch.admin import FirstCheckFormSet

    formset_class = inlineformset_factory(
        Company, WatchedURL, formset=FirstCheckFormSet, fields=("url", "check_interval_hours"), extra=1
    )
    data = {
        "watched_urls-TOTAL_FORMS": 1,
        "watched_urls-INITIAL_FORMS": 0,
        "watched_urls-0-url": site.url("/privacy"),
        "watched_urls-0-check_interval_hours": 12,
    }
    formset = formset_class(data, instance=company)
    assert formset.is_valid(), formset.errors
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        formset.save()
    assert len(callbacks) == 1
    assert PolicyVersion.objects.filter(company=company).count() == 1


def test_company_page_shows_the_watched_urls_inline(client, admin_user, company, watch_url):
    watched = watch_url()
    client.force_login(admin_user)
    response = client.get(reverse("admin:policies_company_change", args=[company.pk]))
    assert response.status_code == 200
    assert watched.url in response.content.decode()


def test_view_only_staff_see_no_check_now_button(client, staff_user, watch_url):
    from django.contrib.auth.models import Permission

    staff_user.user_permissions.add(Permission.objects.get(codename="view_watchedurl"))
    watched = watch_url()
    client.force_login(staff_user)
    response = client.get(reverse("admin:watch_watchedurl_change", args=[watched.pk]))
    assert response.status_code == 200
    assert check_url(watched) not in response.content.decode()
    assert client.post(check_url(watched)).status_code == 403


def test_check_now_in_the_request_is_bounded_by_the_deadline(client, admin_user, site, watch_url, monkeypatch):
    """Immediate backend: the check runs in the request, but robots.txt and the page together
    stay inside the one fetch deadline."""
    real_config = checks.fetch_config
    monkeypatch.setattr(checks, "fetch_config", lambda: replace(real_config(), deadline_seconds=1.5))
    site.routes["/robots.txt"] = stall(1.0, status(404))
    site.routes["/privacy"] = stall(10, page(POLICY_HTML))
    watched = watch_url()
    client.force_login(admin_user)
    started = time.monotonic()
    response = client.post(check_url(watched), follow=True)
    assert time.monotonic() - started < 1.5 + 2.0
    [message] = messages_of(response)
    assert "The check failed: The server took longer than 1.5 seconds" in message
    assert CheckAttempt.objects.get().tries == 1


@pytest.mark.django_db(transaction=True)
def test_check_now_with_a_worker_backend_queues_and_returns_at_once(
    client, admin_user, company, site, watch_url, settings
):
    """Production: the request only queues the check (ids only, after commit); the worker runs it
    and the result appears in the attempt history."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    watched = watch_url()
    client.force_login(admin_user)
    response = client.post(check_url(watched), follow=True)
    assert response.status_code == 200
    [message] = messages_of(response)
    assert message == f"{watched.url}: check queued; the result will appear in the attempt history."
    assert site.log == []  # the request never touched the network
    assert not CheckAttempt.objects.exists() and not PolicyVersion.objects.exists()
    task_result = DBTaskResult.objects.get()
    assert task_result.args_kwargs == {"args": [watched.pk], "kwargs": {"force": True, "trigger": "admin"}}

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    attempt = CheckAttempt.objects.get()
    assert (attempt.trigger, attempt.outcome) == (Trigger.ADMIN, Outcome.NEW_VERSION)
    page_html = client.get(reverse("admin:watch_watchedurl_change", args=[watched.pk])).content.decode()
    assert "attempt history" in page_html.lower() and "New version" in page_html


@pytest.mark.django_db(transaction=True)
def test_check_now_queues_even_when_the_url_is_not_due(client, admin_user, company, site, watch_url, settings):
    settings.TASKS = DATABASE_TASKS
    watched = watch_url()
    WatchedURL.objects.filter(pk=watched.pk).update(next_check_at=timezone.now() + timedelta(days=1))
    client.force_login(admin_user)
    client.post(check_url(watched))
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert CheckAttempt.objects.get().outcome == Outcome.NEW_VERSION


def test_check_now_with_a_worker_backend_waits_for_commit(
    client, admin_user, site, watch_url, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    watched = watch_url()
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(check_url(watched))
    assert len(callbacks) == 1  # the enqueue is deferred to the commit, not made mid-transaction
    assert site.log == [] and not CheckAttempt.objects.exists()


def test_check_now_with_a_worker_backend_still_refuses_get(client, admin_user, site, watch_url, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    watched = watch_url()
    client.force_login(admin_user)
    queued = []
    monkeypatch.setattr("watch.admin.enqueue_check", lambda *args, **kwargs: queued.append(args))
    assert client.get(check_url(watched)).status_code == 405
    assert queued == []


@pytest.mark.django_db(transaction=True)
def test_check_now_action_with_a_worker_backend_queues_each_url(client, admin_user, company, site, watch_url, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    site.routes["/cookies"] = page(POLICY_HTML.replace(b"Privacy policy", b"Cookie policy"))
    first, second = watch_url("/privacy"), watch_url("/cookies")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:watch_watchedurl_changelist"),
        {"action": "check_now_action", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert sorted(messages_of(response)) == sorted(
        f"{w.url}: check queued; the result will appear in the attempt history." for w in (first, second)
    )
    assert site.log == []
    assert sorted(r.args_kwargs["args"][0] for r in DBTaskResult.objects.all()) == sorted([first.pk, second.pk])
