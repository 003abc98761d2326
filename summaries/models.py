"""Cards: the parser's summary of a policy version, stored beside the version it came from."""

from __future__ import annotations

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from policies.models import Company, PolicyVersion
from summaries.changes import CHANGES_VERSION, as_stored, card_changes
from summaries.parser.codes import Choice, Recipient
from summaries.parser.model import Card

DERIVED_FIELDS = (
    "sells_data",
    "shares_with_advertisers",
    "allows_deletion",
    "honors_gpc",
    "practices",
    "changes",
    "changes_version",
)


class SummaryQuerySet(models.QuerySet["Summary"]):
    def newest_per_version(self) -> SummaryQuerySet:
        newest = Summary.objects.filter(version=OuterRef("version")).order_by("-created_at", "-pk").values("pk")[:1]
        return self.filter(pk=Subquery(newest))

    def newest_for(self, version_ids: list[int]) -> dict[int, Summary]:
        """The newest card of each given version, keyed by version id, in one query.

        Every card of those versions (one per parser version) sorted, the first of each kept: no
        correlated subquery, whose cost estimate misleads PostgreSQL's planner on big tables.
        """
        found: dict[int, Summary] = {}
        for summary in self.filter(version__in=version_ids).order_by("version", "-created_at", "-pk"):
            found.setdefault(summary.version_id, summary)
        return found

    def refresh_badges(self, companies: models.QuerySet[Company]) -> int:
        """Copy the newest card badges of each given company's current version onto its row.

        One UPDATE whatever the number of companies; a company whose current version has no
        card gets null badges ("card being prepared").
        """
        newest = Summary.objects.filter(version=OuterRef("current_version")).order_by("-created_at", "-pk")
        return companies.update(
            badge_sells=Subquery(newest.values("sells_data")[:1]),
            badge_ads=Subquery(newest.values("shares_with_advertisers")[:1]),
            badge_deletion=Subquery(newest.values("allows_deletion")[:1]),
            badge_gpc=Subquery(newest.values("honors_gpc")[:1]),
            changed_at=timezone.now(),
        )

    def changes_for(self, version_ids: list[int]) -> dict[int, list[dict] | None]:
        """The stored card-level changes of each given version's newest card, keyed by version id, in one query.

        Only the changes are read, not the cards; a version whose changes are not derived yet
        (or were derived by an older `summaries.changes`) maps to None.
        """
        found: dict[int, list[dict] | None] = {}
        rows = self.filter(version__in=version_ids).order_by("version", "-created_at", "-pk")
        for version, changes, derived_by in rows.values_list("version", "changes", "changes_version"):
            if version not in found:
                found[version] = changes if derived_by == CHANGES_VERSION else None
        return found

    def newest_of(self, version: PolicyVersion) -> Summary | None:
        return self.filter(version=version).order_by("-created_at", "-pk").first()

    def newest_by_version(self, versions: list[PolicyVersion]) -> dict[int, Summary]:
        """The newest card of each given version, keyed by version id, in one query."""
        return self.newest_for([v.pk for v in versions])

    def current_by_company(self, companies: list[Company]) -> dict[int, Summary]:
        """The newest card of each company's current version (with the version, not its text), keyed by
        company id, in one query."""
        owners = {c.current_version_id: c.pk for c in companies if c.current_version_id}
        found = self.select_related("version").defer("version__text").newest_for(list(owners))
        return {owners[version]: s for version, s in found.items()}

    def current(self) -> SummaryQuerySet:
        """The newest summary of each company's latest version."""
        return self.newest_per_version().filter(version__in=PolicyVersion.objects.current())


class Summary(models.Model):
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="summaries")
    parser_version = models.CharField(max_length=32)
    card = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    # Derived from the card and stored for filtering and badges on the browse page, so a
    # page of companies is one query instead of one JSON walk per row.
    sells_data = models.CharField(max_length=16, default="not_stated")
    shares_with_advertisers = models.BooleanField(default=False)
    allows_deletion = models.BooleanField(default=False)
    honors_gpc = models.BooleanField(default=False)
    practices = models.JSONField(default=list, help_text="Practice codes found anywhere in the card.")
    # Card-level changes from the previous version's newest card, derived when this card is
    # saved (and again when that previous card is), so feeds, history and the diff of adjacent
    # versions never compare cards on a request. [] for a first version; None while the
    # previous version has no card. `changes_version` is the summaries.changes code that
    # derived them: `reparse` derives them again when it moves on.
    changes = models.JSONField(null=True, blank=True, editable=False)
    changes_version = models.CharField(max_length=16, blank=True, default="", editable=False)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        ordering = ["version", "-created_at"]
        verbose_name_plural = "summaries"
        constraints = [
            # Re-parsing with the same parser replaces that parser's summary instead of piling
            # up copies; a newer parser adds its own row beside the old one.
            models.UniqueConstraint(fields=["version", "parser_version"], name="summary_unique_per_parser_version"),
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.parser_version})"

    def save(self, *args, **kwargs) -> None:
        # Typed once: a card outside the contract is refused here (`pydantic.ValidationError`), before any row changes.
        # `store_card` hands over the Card it has already validated, and the field keeps its JSON form.
        if isinstance(self.card, Card):
            card, self.card = self.card, self.card.as_json()
        else:
            card = Card.model_validate(self.card)
        self.refresh_derived(card)
        self.refresh_changes(card)
        if kwargs.get("update_fields") is not None:  # update_or_create saves only its defaults
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_FIELDS}
        super().save(*args, **kwargs)
        self._refresh_company()
        self._refresh_next()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._refresh_company()
        return result

    def _refresh_company(self) -> None:
        # Badges come from the current version's newest card; any card (an older version's
        # too, shown on the diff page) makes the company's pages out of date.
        owner = PolicyVersion.objects.filter(pk=self.version_id).values("company_id")[:1]
        Summary.objects.refresh_badges(Company.objects.filter(pk=Subquery(owner)))

    def refresh_changes(self, card: Card | None = None) -> None:
        """Derive `changes` from the previous version's newest card and both texts (`card` is this one's, typed)."""
        version = self.version
        self.changes, self.changes_version = [], CHANGES_VERSION
        if version.sequence == 1:
            return
        previous = (
            Summary.objects.filter(version__company_id=version.company_id, version__sequence=version.sequence - 1)
            .select_related("version")
            .only("card", "version", "version__text")
            .order_by("-created_at", "-pk")
            .first()
        )
        if previous is None:
            self.changes, self.changes_version = None, ""
            return
        mine = card or Card.model_validate(self.card)
        self.changes = as_stored(card_changes(previous.card, mine, previous.version.text, version.text))

    def _refresh_next(self) -> None:
        # The next version's changes were derived against this version's newest card, which this may replace.
        version = self.version
        following = (
            Summary.objects.filter(version__company_id=version.company_id, version__sequence=version.sequence + 1)
            .select_related("version")
            .order_by("-created_at", "-pk")
            .first()
        )
        if following is not None:
            following.refresh_changes()
            Summary.objects.filter(pk=following.pk).update(
                changes=following.changes, changes_version=following.changes_version
            )

    def refresh_derived(self, card: Card | None = None) -> None:
        """The badge and filter columns from the card (`card` is this one's, typed; stored as plain strings)."""
        card = card or Card.model_validate(self.card)
        self.sells_data = card.sells_data.value.value
        self.shares_with_advertisers = any(s.recipient == Recipient.ADVERTISERS for s in card.shared)
        # "Lets you delete" only where the card says how: a right named with no way to use it is no way to delete.
        self.allows_deletion = any(c.type == Choice.DELETION and c.how for c in card.choices)
        self.honors_gpc = any(c.type == Choice.GLOBAL_PRIVACY_CONTROL for c in card.choices)
        self.practices = sorted({p.value for passage in card.passages for p in passage.practices})
