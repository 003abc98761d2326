"""Admin for watched URLs: an inline on the company, the URL's own page with its attempt history,
and "Check now" (a POST).

With a real task backend (production) "Check now" only queues the check, because a check can
spend up to the fetch deadline (30 s) on the network and an admin request must not; the result
lands in the attempt history. With the immediate backend (development, tests) the check runs in
the request and its result comes back as a message.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html

from policies.models import Company, OTAService, PolicyVersion
from policies.ota.records import SourceError
from summaries import admin as cards_admin
from watch.checks import CheckResult, check
from watch.models import CheckAttempt, Outcome, Trigger, WatchedURL
from watch.ota_sync import check_repository
from watch.tasks import checks_run_in_background, enqueue_check

STATE_FIELDS = ("status", "consecutive_failures", "last_checked_at", "next_check_at")


class FirstCheckFormSet(BaseInlineFormSet):
    """Queues the first check of each URL added on the company page, once the save commits."""

    def save_new(self, form, commit=True):
        watched = super().save_new(form, commit=commit)
        if commit:
            enqueue_check(watched.pk)
        return watched


class WatchedURLInline(admin.TabularInline):
    model = WatchedURL
    formset = FirstCheckFormSet
    fields = ("url", "keep_selector", "check_interval_hours", "active", "ignore_robots", *STATE_FIELDS)
    readonly_fields = STATE_FIELDS
    extra = 0
    show_change_link = True  # selectors to remove, history and "Check now" live on the URL's own page


class OTAServiceForm(forms.ModelForm):
    class Meta:
        model = OTAService
        fields = ("repository", "service", "terms_type", "follow")

    def clean_repository(self) -> str:
        repository = self.cleaned_data["repository"].strip()
        try:
            check_repository(repository)
        except SourceError as exc:
            raise forms.ValidationError(str(exc)) from None
        return repository


class OTAServiceInline(admin.TabularInline):
    """Open Terms Archive documents this company follows: `sync_ota` pulls and imports them."""

    model = OTAService
    form = OTAServiceForm
    fields = ("repository", "service", "terms_type", "follow", "last_recorded", "synced_at", "last_error")
    readonly_fields = ("last_recorded", "synced_at", "last_error")
    extra = 0


class CompanyAdmin(cards_admin.CompanyAdmin):
    """The company admin with its watched URLs and followed OTA documents, once the company exists."""

    def get_inlines(self, request: HttpRequest, obj):
        inlines = list(super().get_inlines(request, obj))
        return [*inlines, WatchedURLInline, OTAServiceInline] if obj is not None else inlines


admin.site.unregister(Company)
admin.site.register(Company, CompanyAdmin)


class CheckAttemptInline(admin.TabularInline):
    model = CheckAttempt
    fields = (
        "started_at",
        "trigger",
        "outcome",
        "http_status",
        "bytes_received",
        "duration_ms",
        "tries",
        "robots_overridden",
        "version_link",
        "error",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-started_at", "-pk")
    verbose_name_plural = "attempt history"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="Version")
    def version_link(self, attempt: CheckAttempt) -> str:
        return _version_link(attempt.version) if attempt.version else "—"


def _version_url(version: PolicyVersion) -> str:
    try:
        return reverse("admin:policies_company_preview", args=[version.company_id, version.sequence])
    except NoReverseMatch:
        return version.get_absolute_url()


def _version_link(version: PolicyVersion) -> str:
    return format_html('<a href="{}">version {}</a>', _version_url(version), version.sequence)


def check_now(request: HttpRequest, watched: WatchedURL) -> None:
    """Queue the check for the worker, or run it here when tasks run immediately anyway."""
    if checks_run_in_background():
        # Forced: "Check now" means now, due or not. Ids only, and only once the request's data
        # is committed, like every other enqueue.
        enqueue_check(watched.pk, force=True, trigger=Trigger.ADMIN)
        messages.info(request, f"{watched.url}: check queued; the result will appear in the attempt history.")
        return
    report(request, watched, check(watched, trigger=Trigger.ADMIN))


def report(request: HttpRequest, watched: WatchedURL, result: CheckResult) -> None:
    """The check's result as an admin message: new version (linked), unchanged, or the error."""
    outcome, version = result.outcome, result.version
    if outcome == Outcome.NEW_VERSION and version is not None:
        messages.success(request, format_html("{}: new version {} recorded.", watched.url, _version_link(version)))
    elif outcome == Outcome.EXTRACTOR_CHANGE and version is not None:
        messages.success(
            request,
            format_html(
                "{}: {} recorded, but only Fineprint's text extraction changed, not the site; shoppers see no change.",
                watched.url,
                _version_link(version),
            ),
        )
    elif outcome == Outcome.UNCHANGED:
        messages.info(request, f"{watched.url}: {result.message}")
    elif outcome == Outcome.ROBOTS:
        messages.warning(request, f"{watched.url}: {result.message}")
    else:
        messages.error(request, f"{watched.url}: {result.message}")


@admin.register(WatchedURL)
class WatchedURLAdmin(admin.ModelAdmin):
    list_display = ("url", "company", "status", "consecutive_failures", "last_checked_at", "next_check_at", "active")
    list_filter = ("status", "active", "ignore_robots")
    search_fields = ("url", "company__name", "company__slug")
    list_select_related = ("company",)
    readonly_fields = (*STATE_FIELDS, "last_error")
    fieldsets = (
        (None, {"fields": ("company", "url", "active", "check_interval_hours")}),
        ("What to keep", {"fields": ("keep_selector", "remove_selectors")}),
        ("robots.txt", {"fields": ("ignore_robots",)}),
        ("State", {"fields": (*STATE_FIELDS, "last_error")}),
    )
    inlines = (CheckAttemptInline,)
    actions = ("check_now_action",)
    change_form_template = "admin/watch/watchedurl/change_form.html"

    def get_urls(self):
        extra = [
            path("<int:pk>/check/", self.admin_site.admin_view(self.check_now_view), name="watch_watchedurl_check"),
        ]
        return extra + super().get_urls()

    def save_model(self, request: HttpRequest, obj: WatchedURL, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            enqueue_check(obj.pk)

    @admin.action(description="Check the selected URLs now")
    def check_now_action(self, request: HttpRequest, queryset) -> None:
        if not self.has_change_permission(request):
            raise PermissionDenied
        for watched in queryset.select_related("company"):
            check_now(request, watched)

    def check_now_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        # POST only: a check records versions, so a crawler, prefetch or stray link must not run it.
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        watched = get_object_or_404(WatchedURL.objects.select_related("company"), pk=pk)
        if not self.has_change_permission(request, watched):
            raise PermissionDenied
        check_now(request, watched)
        return HttpResponseRedirect(reverse("admin:watch_watchedurl_change", args=[pk]))
