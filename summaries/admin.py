from django.contrib import admin
from django.http import HttpRequest

from summaries.models import Summary


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
