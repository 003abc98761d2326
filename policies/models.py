"""The policy archive: companies and the immutable versions of their privacy policies."""

from __future__ import annotations

from django.db import connections, models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from policies.indexes import NullsLastIndex
from policies.links import slug_path


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


# Kept on the company row so the browse page, search, the API and the feeds find each
# company's current version and card badges with one indexed query instead of a correlated
# subquery per row. Written only through `CompanyQuerySet.refresh_current` (versions) and
# `summaries.store` (badges); `Company.save()` never writes them, so a stale object (the
# admin's form) cannot overwrite them.
DENORMALISED = (
    "current_version",
    "version_count",
    "last_updated",
    "badge_sells",
    "badge_ads",
    "badge_deletion",
    "badge_gpc",
    "grade",
    "changed_at",
)


# What `CompanyQuerySet.public()` selects, also the condition of the browse indexes.
PUBLIC = Q(current_version__isnull=False)
# The columns the browse filters read, carried by the browse indexes.
FILTERED = ["badge_sells", "badge_ads", "badge_deletion", "badge_gpc", "sector", "grade"]


def covering(*order: str) -> list[str]:
    """A browse index's fields: the page's order, then each filtered column it does not already hold.

    And the column of its condition: SQLite reads a query from an index alone only when the index
    holds every column the query names, its condition's included.
    """
    rest = [name for name in [*FILTERED, "current_version"] if name not in {o.lstrip("-") for o in order}]
    return [*order, *rest]


# Searches shorter than a trigram match names by their start (see `CompanyQuerySet.search`).
SHORT_SEARCH = 3


class CompanyQuerySet(models.QuerySet["Company"]):
    def search(self, text: str, *, near: bool = True) -> CompanyQuerySet:
        """Companies whose name, aliases, slug or website contain `text` (any case), from an index.

        PostgreSQL also finds whole words in any order and, unless `near=False`, names a typo
        away ("jnuiper"; the costliest branch: ~30 ms of a 45 ms search at 100,000 companies);
        SQLite's FTS5 trigram index finds substrings of three characters or more. See migration
        0005 for the indexes. Text shorter than three characters, which no trigram index can
        serve (a scan of every company, ~0.7 s at 100,000 on PostgreSQL), finds the names that
        begin with it (PostgreSQL: and whole words equal to it), from a prefix index (0012).
        """
        text = text.strip()
        if not text:
            return self
        vendor = connections[self.db].vendor
        if len(text) < SHORT_SEARCH:
            found = Q(name__istartswith=text)
            if vendor == "postgresql":
                words = RawSQL(
                    "to_tsvector('simple', policies_company.name || ' ' || policies_company.aliases || ' '"
                    " || policies_company.slug || ' ' || policies_company.website)"
                    " @@ websearch_to_tsquery('simple', %s)",
                    [text],
                    output_field=models.BooleanField(),
                )
                found |= Q(words)
            return self.filter(found)
        slug = slugify(text)
        plain = Q(name__icontains=text) | Q(aliases__icontains=text) | Q(website__icontains=text)
        if slug:
            plain |= Q(slug__icontains=slug)
        if vendor == "sqlite":
            phrases = " OR ".join('"' + t.replace('"', '""') + '"' for t in {text, slug} if len(t) >= 3)
            found = RawSQL("SELECT rowid FROM company_search WHERE company_search MATCH %s", [phrases])
            return self.filter(pk__in=found)
        if vendor == "postgresql":
            words = RawSQL(
                "to_tsvector('simple', policies_company.name || ' ' || policies_company.aliases || ' '"
                " || policies_company.slug || ' ' || policies_company.website) @@ websearch_to_tsquery('simple', %s)",
                [text],
                output_field=models.BooleanField(),
            )
            if near:
                similar = RawSQL("%s <%% policies_company.name", [text], output_field=models.BooleanField())
                return self.filter(plain | Q(words) | Q(similar))
            return self.filter(plain | Q(words))
        return self.filter(plain)

    def public(self) -> CompanyQuerySet:
        """Companies visitors may see: those with at least one recorded version.

        A company created for an import or upload that then failed has none, and stays hidden.
        """
        return self.filter(PUBLIC)

    def with_badges(self) -> CompanyQuerySet:
        """Public companies with their current version and its card badges, read from the company row.

        The columns are kept up to date when a version or a card is recorded, so filters and sorts
        run on indexed columns of one table, however many companies there are.
        """
        return self.public()

    def matching(self, text: str, *, slug: str | None = None) -> CompanyQuerySet:
        """Companies whose name or aliases contain `text`, or whose slug contains `slug` (default: `text`)."""
        match = models.Q(name__icontains=text) | models.Q(aliases__icontains=text)
        slug = text if slug is None else slug
        if slug:
            match |= models.Q(slug__icontains=slug)
        return self.filter(match)

    def refresh_current(self) -> int:
        """Recompute these companies' current version, count and last change from their versions.

        One UPDATE whatever the number of companies (the data migration and `seed_bench` call it
        on all of them). A new current version has no card yet, so its badges are cleared until
        `summaries.store` writes the card's.
        """
        versions = PolicyVersion.objects.filter(company=OuterRef("pk")).order_by("-sequence")
        counts = (
            PolicyVersion.objects.filter(company=OuterRef("pk"))
            .order_by()
            .values("company")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.update(
            current_version=Subquery(versions.values("pk")[:1]),
            version_count=Coalesce(Subquery(counts), 0),
            # A re-extraction by our own tools is not the company updating its policy.
            last_updated=Subquery(versions.filter(extractor_change=False).values("captured_at")[:1]),
            badge_sells=None,
            badge_ads=None,
            badge_deletion=None,
            badge_gpc=None,
            grade=None,
            changed_at=timezone.now(),
        )


class Company(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    sector = models.CharField(max_length=32, choices=Sector.choices, default=Sector.OTHER)
    # Other trading names and domains the company is known by, one per line.
    aliases = models.TextField(blank=True, help_text="Other names or domains, one per line.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # A made-up retailer of the demo data (`load_demo`): its pages say so.
    fictional = models.BooleanField(default=False, help_text="A made-up retailer for demonstrations.")

    current_version = models.ForeignKey(
        "PolicyVersion", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    version_count = models.PositiveIntegerField(default=0, editable=False)
    last_updated = models.DateTimeField(null=True, blank=True, editable=False)
    # The current version's card badges; null while that version has no card yet.
    badge_sells = models.CharField(max_length=16, null=True, blank=True, editable=False)
    badge_ads = models.BooleanField(null=True, editable=False)
    badge_deletion = models.BooleanField(null=True, editable=False)
    badge_gpc = models.BooleanField(null=True, editable=False)
    # The public grade of the current card (A–E; null for "not enough information", no card yet
    # or a card held from public view). Worked out and written by `reviews.state.refresh`
    # whenever the card or a review decision changes: this layer only stores it. No CHECK
    # constraint: adding one makes SQLite rebuild the table, which drops the search triggers
    # (migration 0005); CardReview.grade, where the letter is worked out, has the check.
    grade = models.CharField(max_length=1, null=True, blank=True, editable=False)
    # When anything shown about this company last changed: ETags, `?updated_since=`, caches.
    changed_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        indexes = [
            models.Index(fields=["name", "id"], name="company_name_idx"),
            models.Index(fields=["changed_at", "id"], name="company_changed_idx"),
            # Browse reads only public companies: indexes holding just those rows, in the page's
            # order, let a deep page skip its offset inside the index instead of reading (and, on
            # SQLite, joining) every row before it (page 2,000 of 100,000: 0.2-1 s -> ~10 ms).
            # Each also ends with every filtered column (after `id`, so its order is the page's): a
            # deep page reads its rows' keys from the index alone, filters included (an index-only
            # scan on PostgreSQL, a covering index on SQLite), then fetches just those rows.
            models.Index(fields=covering("name", "id"), condition=PUBLIC, name="company_public_name_idx"),
            # The date sorts keep undated companies last; see `NullsLastIndex` for why the class.
            NullsLastIndex(
                fields=covering("-last_updated", "name", "id"), condition=PUBLIC, name="company_public_updated_idx"
            ),
            NullsLastIndex(
                fields=covering("last_updated", "name", "id"), condition=PUBLIC, name="company_public_oldest_idx"
            ),
            # The grade filter and the grade sort (ASC puts no grade last on both engines).
            models.Index(fields=covering("grade", "name", "id"), condition=PUBLIC, name="company_public_grade_idx"),
            # The sector, the most selective filter, in each order (name Z-A walks the name one back).
            models.Index(fields=covering("sector", "name", "id"), condition=PUBLIC, name="company_public_sector_idx"),
            models.Index(
                fields=covering("sector", "grade", "name", "id"),
                condition=PUBLIC,
                name="company_pub_sector_grade_idx",
            ),
            NullsLastIndex(
                fields=covering("sector", "-last_updated", "name", "id"),
                condition=PUBLIC,
                name="company_pub_sector_recent_idx",
            ),
            NullsLastIndex(
                fields=covering("sector", "last_updated", "name", "id"),
                condition=PUBLIC,
                name="company_pub_sector_oldest_idx",
            ),
            models.Index(fields=["badge_sells", "name"], condition=PUBLIC, name="company_public_sells_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.changed_at = timezone.now()  # pages showing this company are out of date
        if self.pk is not None and not self._state.adding:
            if kwargs.get("update_fields") is None:
                kwargs["update_fields"] = [
                    f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in DENORMALISED
                ]
            kwargs["update_fields"] = {*kwargs["update_fields"], "changed_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_path("company", self.slug)

    @property
    def has_card(self) -> bool:
        return self.badge_sells is not None

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Source(models.TextChoices):
    UPLOAD = "upload", "Uploaded file"
    PASTE = "paste", "Pasted text"
    URL = "url", "Fetched from URL"
    IMPORT = "import", "Command-line import"
    OTA = "ota", "Open Terms Archive"


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
    # Where an imported version came from (Open Terms Archive): the repository (its remote or
    # the path it was read from), the commit (empty for a dataset) and the file in it.
    source_repository = models.CharField(max_length=500, blank=True)
    source_commit = models.CharField(max_length=64, blank=True)
    source_path = models.CharField(max_length=500, blank=True)

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
            # The site-wide feed and `?updated_since=` read the newest versions first.
            models.Index(fields=["captured_at", "id"], name="version_captured_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.company} v{self.sequence}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ImmutableVersionError("policy versions are immutable")
        super().save(*args, **kwargs)
        Company.objects.filter(pk=self.company_id).refresh_current()

    def get_absolute_url(self) -> str:
        return reverse("version", args=[self.company.slug, self.sequence])

    def delete(self, *args, **kwargs):
        raise ImmutableVersionError("policy versions are immutable")

    @property
    def from_ota(self) -> bool:
        return self.source == Source.OTA


class OTAService(models.Model):
    """One Open Terms Archive document feeding a company, and how far it has been imported.

    `import_ota` creates these; an admin adds one (with `follow` on) to have `sync_ota` pull the
    repository on a schedule. `last_commit` / `last_recorded` are the resume point: everything
    up to them is in the archive, so a re-run reads only what is newer.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="ota_services")
    repository = models.CharField(
        max_length=500, help_text="The OTA versions repository: a git URL (or a local clone or dataset path)."
    )
    service = models.CharField(max_length=200, help_text="The service's name in OTA, e.g. “Booking.com”.")
    terms_type = models.CharField(max_length=100, default="Privacy Policy")
    follow = models.BooleanField(default=True, help_text="Pull the repository and import new versions on schedule.")
    last_commit = models.CharField(max_length=64, blank=True, editable=False)
    last_recorded = models.DateTimeField(null=True, blank=True, editable=False)
    synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = "Open Terms Archive document"
        constraints = [
            models.UniqueConstraint(
                fields=["repository", "service", "terms_type"], name="ota_service_unique_per_repository"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.terms_type}"


class CompanyTallyQuerySet(models.QuerySet["CompanyTally"]):
    def public_count(
        self,
        *,
        sells: str = "",
        no_ads: bool = False,
        deletion: bool = False,
        gpc: bool = False,
        sector: str = "",
        grade: str | None = "",
    ) -> int:
        """How many public companies the browse filters select, summed from the tally (no scan of companies).

        `grade=None` selects companies with a card but no public grade; `""` does not filter by grade.
        """
        found = self
        if sells:
            found = found.filter(sells=sells)
        if no_ads:
            found = found.filter(ads=0)
        if deletion:
            found = found.filter(deletion=1)
        if gpc:
            found = found.filter(gpc=1)
        if sector:
            found = found.filter(sector=sector)
        if grade != "":
            # A held card has no public grade and no badges: it counts as neither graded nor thin.
            found = found.filter(grade=grade or "").exclude(sells="")
        return found.aggregate(n=Coalesce(models.Sum("n"), 0))["n"]


class CompanyTally(models.Model):
    """How many public companies have each mix of the values the browse page filters on.

    The browse page shows how many companies match its filters; counting them is a scan of every
    public company (at 100,000: 26-45 ms on PostgreSQL, per page view). This table holds one row
    per mix of filter values with its number of public companies, kept exact by database triggers
    on the company table (migration 0010), so raw SQL and bulk updates count too; a filter's count
    is a sum over at most a few thousand rows. NULLs are stored as "" / -1 so that each mix is one
    row under the unique constraint. Search counts are not here: a search counts its own matches.
    """

    sells = models.CharField(max_length=16)  # badge_sells, "" while there is no card
    ads = models.SmallIntegerField()  # badge_ads: 1 true, 0 false, -1 unknown
    deletion = models.SmallIntegerField()
    gpc = models.SmallIntegerField()
    sector = models.CharField(max_length=32)
    grade = models.CharField(max_length=1)  # "" for no public grade
    n = models.IntegerField(default=0)

    objects = CompanyTallyQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sells", "ads", "deletion", "gpc", "sector", "grade"], name="company_tally_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sells}/{self.ads}/{self.deletion}/{self.gpc}/{self.sector}/{self.grade}: {self.n}"
