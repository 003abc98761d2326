"""Staff-only archive management: companies, their immutable versions, and adding a policy."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from policies.archive import record_version
from policies.forms import AddPolicyForm
from policies.models import Company, PolicyVersion

try:  # the URL-watching app registers its inline when installed
    from watch.admin import WatchedURLInline
except ImportError:  # pragma: no cover - watch app not installed
    WatchedURLInline = None

VERSION_FIELDS = ("sequence", "captured_at", "source", "source_url", "effective_date", "media_type", "size")


class PolicyVersionInline(admin.TabularInline):
    model = PolicyVersion
    fields = (*VERSION_FIELDS, "card_link")
    readonly_fields = (*VERSION_FIELDS, "card_link")
    extra = 0
    can_delete = False
    show_change_link = False
    ordering = ("-sequence",)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="Card")
    def card_link(self, version: PolicyVersion) -> str:
        url = reverse("admin:policies_company_preview", args=[version.company_id, version.sequence])
        return format_html('<a href="{}">Preview card</a>', url)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "sector", "website", "version_count")
    list_filter = ("sector",)
    search_fields = ("name", "slug", "aliases", "website")
    prepopulated_fields = {"slug": ("name",)}
    change_form_template = "admin/policies/company/change_form.html"

    def get_inlines(self, request: HttpRequest, obj):
        inlines = [PolicyVersionInline]
        if obj is not None and WatchedURLInline is not None:
            inlines.append(WatchedURLInline)
        return inlines

    def get_queryset(self, request: HttpRequest):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n_versions=Count("versions"))

    @admin.display(description="Versions", ordering="n_versions")
    def version_count(self, company: Company) -> int:
        return company.n_versions

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/add-policy/", self.admin_site.admin_view(self.add_policy), name="policies_company_add_policy"
            ),
            path(
                "<int:pk>/versions/<int:sequence>/",
                self.admin_site.admin_view(self.preview),
                name="policies_company_preview",
            ),
        ]
        return extra + super().get_urls()

    def add_policy(self, request: HttpRequest, pk: int) -> HttpResponse:
        company = get_object_or_404(Company, pk=pk)
        if not self.has_change_permission(request, company):
            raise PermissionDenied
        form = AddPolicyForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            version, created = record_version(
                company, form.extracted, original=form.cleaned_data["original"], source=form.source
            )
            if created:
                messages.success(request, f"Recorded version {version.sequence} of {company}'s policy.")
            else:
                messages.info(request, f"Unchanged: the text is the same as version {version.sequence}.")
            return HttpResponseRedirect(reverse("admin:policies_company_preview", args=[pk, version.sequence]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add a policy to {company}",
            "company": company,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/policies/company/add_policy.html", context)

    def preview(self, request: HttpRequest, pk: int, sequence: int) -> HttpResponse:
        version = get_object_or_404(PolicyVersion.objects.select_related("company"), company_id=pk, sequence=sequence)
        if not self.has_view_permission(request, version.company):
            raise PermissionDenied
        summary = version.summaries.order_by("-created_at").first()
        context = {
            **self.admin_site.each_context(request),
            "title": f"{version.company} — version {version.sequence}",
            "version": version,
            "company": version.company,
            "summary": summary,
            "card": summary.card if summary else None,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/policies/company/preview.html", context)


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
