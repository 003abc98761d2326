"""Keeping each company's CardReview row (grade, queue flags) in step with its card and decisions."""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from policies.models import Company, PolicyVersion
from reviews import facts
from reviews.models import CardReview, Decision
from reviews.reviewed import ReviewedCard, newest_summary, reviewed_card
from summaries.models import Summary
from summaries.parser.codes import Choice, Recipient


def _unchecked_change(version: PolicyVersion, summary: Summary, checked: bool) -> bool:
    """A later version whose card answers changed, and nobody has decided anything on it yet.

    The changes are the ones stored with the card; while they are not derived yet (the previous
    version has no card) there is nothing to compare, so nothing is flagged.
    """
    if version.sequence == 1 or version.extractor_change or checked:
        return False
    return bool(summary.changes)


def refresh(company: Company | int) -> CardReview:
    company_id = company if isinstance(company, int) else company.pk
    review, _ = CardReview.objects.get_or_create(company_id=company_id)
    version = PolicyVersion.objects.filter(company_id=company_id).order_by("-sequence").first()
    summary = newest_summary(version) if version else None
    card = reviewed_card(version, summary) if version else None
    review.grade = review.grade_score = None
    review.needs_review = review.unchecked = 0
    review.unchecked_change = False
    review.last_checked_at = None
    review.version_captured_at = version.captured_at if version else None
    if version is not None and card is not None:
        review.grade, review.grade_score = card.grade.value, card.grade.score
        review.needs_review = len(card.flagged())
        review.unchecked = sum(1 for fact in card.checkable() if fact.review == facts.MACHINE)
        on_version = Decision.objects.filter(version=version)
        review.unchecked_change = _unchecked_change(version, summary, on_version.exists())
        review.last_checked_at = Decision.objects.up_to(version).aggregate(at=Max("decided_at"))["at"]
    review.updated_at = timezone.now()
    review.save()
    # The company row's badges follow the reviewed card (a person's correction shows in browse
    # too) and are cleared while the card is held; conditional GETs and caches key on changed_at.
    public = card is not None and not review.held
    badges = public_badges(card) if public else dict.fromkeys(BADGES)
    # The grade browse filters and sorts by is a column of the company row, like the badges.
    grade = review.grade if public else None
    Company.objects.filter(pk=company_id).update(changed_at=review.updated_at, grade=grade, **badges)
    return review


BADGES = ("badge_sells", "badge_ads", "badge_deletion", "badge_gpc")


def public_badges(card: ReviewedCard) -> dict[str, str | bool]:
    return {
        "badge_sells": card.sells_data.value.value,
        "badge_ads": any(s.recipient == Recipient.ADVERTISERS for s in card.shared),
        # As summaries.models: a deletion right counts only with a way to ask for it.
        "badge_deletion": any(c.type == Choice.DELETION and c.how for c in card.choices),
        "badge_gpc": any(c.type == Choice.GLOBAL_PRIVACY_CONTROL for c in card.choices),
    }
