"""Watched policy URLs and the history of every check made on them."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from policies.models import Company, PolicyVersion

# Consecutive failed checks after which a URL is shown as inaccessible (until one succeeds).
FAILURES_BEFORE_INACCESSIBLE = 3


class Status(models.TextChoices):
    PENDING = "pending", "Not checked yet"
    OK = "ok", "OK"
    INACCESSIBLE = "inaccessible", "Inaccessible"


class Outcome(models.TextChoices):
    NEW_VERSION = "new_version", "New version"
    UNCHANGED = "unchanged", "Unchanged"
    EXTRACTOR_CHANGE = "extractor_change", "Extractor change only"
    ROBOTS = "robots", "Blocked by robots.txt"
    FAILED = "failed", "Failed"


class Trigger(models.TextChoices):
    SCHEDULE = "schedule", "Schedule"
    ADMIN = "admin", "Admin (check now)"
    COMMAND = "command", "Command line"


def validate_selectors(value: str) -> None:
    import soupsieve

    for line in value.splitlines():
        if line.strip():
            try:
                soupsieve.compile(line.strip())
            except soupsieve.SelectorSyntaxError as exc:
                raise ValidationError(f"{line.strip()!r} is not a valid CSS selector: {exc.args[0]}") from None


class WatchedURL(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="watched_urls")
    url = models.URLField("URL", max_length=2000, help_text="The privacy policy page (http or https).")
    keep_selector = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_selectors],
        help_text="CSS selector of the part of the page to keep, e.g. main article. Empty keeps the whole page.",
    )
    remove_selectors = models.TextField(
        blank=True,
        validators=[validate_selectors],
        help_text="CSS selectors of parts to remove (cookie banners, menus), one per line.",
    )
    check_interval_hours = models.PositiveIntegerField(
        default=24, validators=[MinValueValidator(1), MaxValueValidator(24 * 90)], help_text="Hours between checks."
    )
    active = models.BooleanField(default=True, help_text="Paused URLs are never checked on schedule.")
    ignore_robots = models.BooleanField(
        "override robots.txt",
        default=False,
        help_text="Fetch even when robots.txt disallows it (each use is logged).",
    )
    # Due-ness lives in the row, not in a queue: a worker killed mid-check loses nothing, the
    # URL is simply still due (or due again once its short lease runs out).
    next_check_at = models.DateTimeField(default=timezone.now, db_index=True)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, editable=False)
    last_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["company", "url"]
        verbose_name = "watched URL"
        verbose_name_plural = "watched URLs"
        constraints = [
            models.UniqueConstraint(fields=["company", "url"], name="watched_url_unique_per_company"),
        ]
        indexes = [models.Index(fields=["active", "next_check_at"], name="watched_url_due_idx")]

    def __str__(self) -> str:
        return f"{self.company}: {self.url}"

    @property
    def interval(self) -> timedelta:
        return timedelta(hours=self.check_interval_hours)

    @property
    def remove_selector_list(self) -> list[str]:
        return [line.strip() for line in self.remove_selectors.splitlines() if line.strip()]


class CheckAttempt(models.Model):
    watched_url = models.ForeignKey(WatchedURL, on_delete=models.CASCADE, related_name="attempts")
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)
    trigger = models.CharField(max_length=16, choices=Trigger.choices, default=Trigger.SCHEDULE)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    bytes_received = models.PositiveIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    tries = models.PositiveSmallIntegerField(default=1)
    robots_overridden = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    version = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="check_attempts"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["watched_url", "-started_at"], name="attempt_url_recent_idx")]

    def __str__(self) -> str:
        return f"{self.watched_url} @ {self.started_at:%Y-%m-%d %H:%M}: {self.get_outcome_display()}"

    @property
    def succeeded(self) -> bool:
        return self.outcome not in (Outcome.FAILED, Outcome.ROBOTS)
