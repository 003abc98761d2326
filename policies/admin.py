"""Staff-only archive management: companies and their immutable versions.

Layers above extend the company admin by subclassing and re-registering it: `summaries.admin`
adds "Add a policy" and the card preview, `watch.admin` its watched-URL inline. The archive
imports neither.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest

from policies.models import Company, PolicyVersion

VERSION_FIELDS = ("sequence", "captured_at", "source", "source_url", "effective_date", "media_type", "size")


class PolicyVersionInline(admin.TabularInline):
    model = PolicyVersion
    fields = VERSION_FIELDS
    readonly_fields = VERSION_FIELDS
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ("-sequence",)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "sector", "website", "version_count")
    list_filter = ("sector",)
    search_fields = ("name", "slug", "aliases", "website")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PolicyVersionInline,)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(n_versions=Count("versions"))

    @admin.display(description="Versions", ordering="n_versions")
    def version_count(self, company: Company) -> int:
        return company.n_versions


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    """Read-only: versions are immutable, so staff can look but never edit or delete."""

    list_display = ("company", "sequence", "captured_at", "source", "effective_date", "extractor_change")
    list_filter = ("source", "extractor_change")
    search_fields = ("company__name", "sha256")
    list_select_related = ("company",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
