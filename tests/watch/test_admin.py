"""Admin: "Check now" is a staff POST whose result comes back as a message; adding a URL queues its first check."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from policies.models import PolicyVersion
from tests.fetch.server import status
from watch.models import CheckAttempt, WatchedURL


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
    assert "check history" in page.lower()
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
