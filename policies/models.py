"""The policy archive: companies and the immutable versions of their privacy policies."""

from __future__ import annotations

from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone


class Sector(models.TextChoices):
    HOME_GOODS = "home_goods", "Home goods"
    OPTICAL = "optical", "Optical"
    FOOD = "food", "Food & drink"
    FASHION = "fashion", "Fashion & apparel"
    ELECTRONICS = "electronics", "Electronics"
    BEAUTY = "beauty", "Beauty & health"
    SPORTS = "sports", "Sports & outdoors"
    BOOKS = "books", "Books & media"
    GENERAL = "general", "General retail"
    OTHER = "other", "Other"


class Company(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    sector = models.CharField(max_length=32, choices=Sector.choices, default=Sector.OTHER)
    # Other trading names and domains the company is known by, one per line.
    aliases = models.TextField(blank=True, help_text="Other names or domains, one per line.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("company", args=[self.slug])

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Source(models.TextChoices):
    UPLOAD = "upload", "Uploaded file"
    PASTE = "paste", "Pasted text"
    URL = "url", "Fetched from URL"
    IMPORT = "import", "Command-line import"


class ImmutableVersionError(Exception):
    """Raised on any attempt to change or delete a recorded policy version."""


class PolicyVersionQuerySet(models.QuerySet["PolicyVersion"]):
    def latest_per_company(self) -> PolicyVersionQuerySet:
        """The newest version of each company (one row per company that has any)."""
        newest = PolicyVersion.objects.filter(company=OuterRef("company")).order_by("-sequence").values("pk")[:1]
        return self.filter(pk=Subquery(newest))

    def current(self) -> PolicyVersionQuerySet:
        return self.latest_per_company()

    def update(self, **kwargs):  # type: ignore[override]
        raise ImmutableVersionError("policy versions are immutable")

    def delete(self):  # type: ignore[override]
        raise ImmutableVersionError("policy versions are immutable")


def original_upload_to(instance: PolicyVersion, filename: str) -> str:
    # The caller passes a server-generated name; the user's filename never reaches disk.
    return f"originals/{instance.company_id}/{filename}"


class PolicyVersion(models.Model):
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="versions")
    sequence = models.PositiveIntegerField()
    source = models.CharField(max_length=16, choices=Source.choices)
    source_url = models.URLField(max_length=2000, blank=True)
    original = models.FileField(upload_to=original_upload_to, max_length=300, blank=True)
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(help_text="Size of the original in bytes.")
    text = models.TextField()
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the normalised text.")
    captured_at = models.DateTimeField(default=timezone.now)
    effective_date = models.DateField(null=True, blank=True)
    extractor_version = models.CharField(max_length=32)
    # True when the text differs from the previous version only because our extractor
    # changed, not the site: kept for the record, never shown to shoppers as a change.
    extractor_change = models.BooleanField(default=False)

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["company", "sequence"]
        get_latest_by = "sequence"
        constraints = [
            # One number per version per company; together with recording under a lock this
            # keeps each company's sequence 1, 2, 3, ... with no gaps and no duplicates.
            models.UniqueConstraint(fields=["company", "sequence"], name="version_sequence_unique_per_company"),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="version_sequence_starts_at_one"),
            models.CheckConstraint(condition=~models.Q(text=""), name="version_text_not_empty"),
        ]
        indexes = [
            # Lookups of "is this text already the latest?" go by company and hash.
            models.Index(fields=["company", "sha256"], name="version_company_sha_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.company} v{self.sequence}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ImmutableVersionError("policy versions are immutable")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("version", args=[self.company.slug, self.sequence])

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError("policy versions are immutable")
