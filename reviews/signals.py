"""Keep a company's review state (grade, queue flags) current whenever its card or decisions change.

Summaries and versions sit below this app and cannot call it, so it listens for their saves.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from policies import bulk
from policies.models import PolicyVersion
from reviews.models import Decision
from reviews.state import refresh
from summaries.models import Summary


@receiver(post_save, sender=Summary, dispatch_uid="reviews-summary-saved")
def summary_saved(sender: Any, instance: Summary, **kwargs: Any) -> None:
    company_id = instance.version.company_id
    if bulk.defer(company_id):
        return
    review = refresh(company_id)
    # Summary.save() writes the machine card's badges onto the company after this signal. Where
    # people's decisions or a hold change them, put the reviewed ones back once the save commits.
    if review.held or review.last_checked_at is not None:
        transaction.on_commit(lambda: refresh(company_id))


@receiver(post_save, sender=PolicyVersion, dispatch_uid="reviews-version-saved")
def version_saved(sender: Any, instance: PolicyVersion, created: bool, **kwargs: Any) -> None:
    if created and not bulk.defer(instance.company_id):
        refresh(instance.company_id)


@receiver(bulk.settled, dispatch_uid="reviews-bulk-settled")
def companies_settled(sender: Any, company_ids: list[int], **kwargs: Any) -> None:
    # Outside any recording transaction: the reviewed badges are final as written.
    for company_id in company_ids:
        refresh(company_id)


@receiver(post_save, sender=Decision, dispatch_uid="reviews-decision-saved")
def decision_saved(sender: Any, instance: Decision, **kwargs: Any) -> None:
    refresh(instance.company_id)
