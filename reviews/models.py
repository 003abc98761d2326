"""People's review of machine cards: decisions on facts, visitors' reports, and each company's review state.

Decisions live beside the machine card, keyed by policy version and fact identity (see
`reviews.facts`), never inside a Summary row: `reparse` and new parser versions replace
summaries, decisions stay. A decision is never edited or deleted — a newer one on the same
fact supersedes it — so the table is also the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from policies.models import Company, PolicyVersion


class Action(models.TextChoices):
    CONFIRM = "confirm", "Confirm"
    REJECT = "reject", "Reject"
    CORRECT = "correct", "Correct"
    ADD = "add", "Add a missed fact"


class ImmutableDecisionError(Exception):
    """Raised on any attempt to change or delete a recorded decision."""


class DecisionQuerySet(models.QuerySet["Decision"]):
    def up_to(self, version: PolicyVersion) -> DecisionQuerySet:
        """Decisions made on this version or an earlier one of the same company, oldest first."""
        return self.filter(company_id=version.company_id, version__sequence__lte=version.sequence).order_by(
            "decided_at", "pk"
        )

    def update(self, **kwargs):  # type: ignore[override]
        raise ImmutableDecisionError("review decisions are kept as they were made")

    def delete(self):  # type: ignore[override]
        raise ImmutableDecisionError("review decisions are kept as they were made")


class Decision(models.Model):
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="review_decisions")
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="review_decisions")
    fact_key = models.CharField(max_length=400, help_text="The fact's identity, e.g. shared:advertisers.")
    action = models.CharField(max_length=16, choices=Action.choices)
    before = models.JSONField(null=True, blank=True, help_text="The fact as the card showed it.")
    after = models.JSONField(null=True, blank=True, help_text="The fact as checked; empty when rejected.")
    reason = models.TextField(max_length=2000)
    parser_version = models.CharField(max_length=32, blank=True, help_text="The parser whose card was checked.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    decided_at = models.DateTimeField(default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["company", "fact_key"], name="decision_company_fact_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(action__in=Action.values), name="decision_action_known"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="decision_reason_not_empty"),
            # Reject is the only decision without a resulting fact.
            models.CheckConstraint(
                condition=models.Q(action="reject") | models.Q(after__isnull=False), name="decision_after_unless_reject"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.fact_key} on {self.version}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ImmutableDecisionError("review decisions are kept as they were made")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableDecisionError("review decisions are kept as they were made")


class ReportStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Dealt with"
    DISMISSED = "dismissed", "Dismissed"


class Report(models.Model):
    """A visitor's 'report a problem'. Read by the team only; nothing here is ever shown on a public page."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="reports")
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, null=True, blank=True)
    fact_key = models.CharField(max_length=400, blank=True, help_text="Empty when about the whole card.")
    message = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    note = models.TextField(blank=True, help_text="The team's note; never published.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ReportStatus.values), name="report_status_known"),
            models.CheckConstraint(condition=~models.Q(message=""), name="report_message_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Report on {self.company} ({self.fact_key or 'card'})"


class CardReviewQuerySet(models.QuerySet["CardReview"]):
    def in_queue(self, *also: models.Q | models.Exists) -> CardReviewQuerySet:
        """Cards waiting for a person: facts to check again, an unchecked change, or held; `also` adds reasons
        the caller knows of (open reports)."""
        waiting = models.Q(needs_review__gt=0) | models.Q(unchecked_change=True) | models.Q(held=True)
        for reason in also:
            waiting |= reason
        return self.filter(waiting)


class CardReview(models.Model):
    """Each company's review state for its current card, kept up to date by `reviews.state.refresh`.

    Stored (rather than computed per request) so browse filters and sorts by grade on an
    indexed column and the queue counts are one query.
    """

    company = models.OneToOneField(Company, on_delete=models.CASCADE, primary_key=True, related_name="card_review")
    held = models.BooleanField(default=False, help_text="Keep the card off public pages until it is checked.")
    # The reviewed card's grade, shown to the team even while held; the public one is Company.grade.
    grade = models.CharField(max_length=1, null=True, blank=True, db_index=True)
    grade_score = models.IntegerField(null=True, blank=True)
    needs_review = models.PositiveIntegerField(default=0, help_text="Facts whose checked quote is gone.")
    unchecked = models.PositiveIntegerField(default=0, help_text="Facts no person has checked.")
    unchecked_change = models.BooleanField(default=False, help_text="A new version changed the card, not checked.")
    last_checked_at = models.DateTimeField(null=True, blank=True)
    version_captured_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    views = models.PositiveBigIntegerField(
        default=0, help_text="Visitors' views of the card page (reviews/popularity.py says which are counted)."
    )

    objects = CardReviewQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["-version_captured_at"], name="card_review_newest_idx"),
            models.Index(fields=["-views"], name="card_review_views_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grade__isnull=True) | models.Q(grade__in=list("ABCDE")),
                name="card_review_grade_letter",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.company}"
