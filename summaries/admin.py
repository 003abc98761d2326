"""Staff-only cards: read-only summaries, and on the company admin "Add a policy" and the card preview."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from policies import admin as archive_admin
from policies.forms import AddPolicyForm
from policies.models import Company, PolicyVersion
from summaries.models import Summary
from summaries.recording import record_version


@admin.register(Summary)
class SummaryAdmin(admin.ModelAdmin):
    """Cards are derived data: staff can read them; only the parser writes them."""

    list_display = ("version", "parser_version", "created_at", "sells_data", "shares_with_advertisers")
    list_filter = ("parser_version", "sells_data")
    search_fields = ("version__company__name",)
    list_select_related = ("version__company",)
    readonly_fields = ("version", "parser_version", "card", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class PolicyVersionInline(archive_admin.PolicyVersionInline):
    fields = (*archive_admin.VERSION_FIELDS, "card_link")
    readonly_fields = (*archive_admin.VERSION_FIELDS, "card_link")

    @admin.display(description="Card")
    def card_link(self, version: PolicyVersion) -> str:
        url = reverse("admin:policies_company_preview", args=[version.company_id, version.sequence])
        return format_html('<a href="{}">Preview card</a>', url)


class CompanyAdmin(archive_admin.CompanyAdmin):
    """The archive's company admin plus adding a policy (recorded with its card) and previewing cards."""

    change_form_template = "admin/policies/company/change_form.html"
    inlines = (PolicyVersionInline,)

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
        posted = request.method == "POST"  # bound even when empty: a lost file must still get its message
        size = int(request.META.get("CONTENT_LENGTH") or 0) if posted else 0
        form = AddPolicyForm(request.POST if posted else None, request.FILES if posted else None, body_size=size)
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


admin.site.unregister(Company)
admin.site.register(Company, CompanyAdmin)
