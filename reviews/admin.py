"""Staff flows: the review queue, checking a card fact by fact, visitors' reports and the audit log."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from policies.models import Company
from reviews.decide import DecisionError, Proposal, confirm_all, record
from reviews.forms import DecisionForm
from reviews.models import Action, CardReview, Decision, Report, ReportStatus
from reviews.reviewed import reviewed_card
from reviews.state import refresh

FACT_ACTIONS = [(Action.CONFIRM, "Confirm"), (Action.CORRECT, "Correct"), (Action.REJECT, "Reject")]


def _pretty(value: object) -> str:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """The audit log: every decision as it was made. Nobody can edit or delete one."""

    list_display = ("decided_at", "company", "version", "fact_key", "action", "decided_by", "reason")
    list_filter = ("action",)
    search_fields = ("company__name", "fact_key", "reason")
    list_select_related = ("company", "version", "decided_by")
    readonly_fields = (
        "company",
        "version",
        "fact_key",
        "action",
        "before_json",
        "after_json",
        "reason",
        "parser_version",
        "decided_by",
        "decided_at",
    )
    exclude = ("before", "after")

    @admin.display(description="Before")
    def before_json(self, obj: Decision) -> str:
        return _pretty(obj.before)

    @admin.display(description="After")
    def after_json(self, obj: Decision) -> str:
        return _pretty(obj.after)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Visitors' reports: staff set a status and a note; the visitor's words are read-only and never published."""

    list_display = ("created_at", "company", "fact_key", "status", "excerpt")
    list_filter = ("status",)
    search_fields = ("company__name", "message", "fact_key")
    list_select_related = ("company",)
    readonly_fields = ("company", "version", "fact_key", "message", "created_at", "review_link")
    fields = ("company", "version", "fact_key", "message", "created_at", "review_link", "status", "note")
    actions = ("mark_done", "mark_dismissed")

    @admin.display(description="Message")
    def excerpt(self, obj: Report) -> str:
        return obj.message[:80]

    @admin.display(description="Check the card")
    def review_link(self, obj: Report) -> str:
        return format_html('<a href="{}">Review {}\'s card</a>', review_url(obj.company_id), obj.company)

    @admin.action(description="Mark as dealt with")
    def mark_done(self, request: HttpRequest, queryset) -> None:
        queryset.update(status=ReportStatus.DONE)

    @admin.action(description="Dismiss")
    def mark_dismissed(self, request: HttpRequest, queryset) -> None:
        queryset.update(status=ReportStatus.DISMISSED)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def review_url(company_id: int) -> str:
    return reverse("admin:reviews_cardreview_review", args=[company_id])


class DefaultChoiceFilter(admin.SimpleListFilter):
    """A sidebar filter whose first choice (value "") is the default, not Django's "All"."""

    also_clears: tuple[str, ...] = ()  # other parameters a choice resets (e.g. a column sort)

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or "") == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value} if value else {}, [self.parameter_name, *self.also_clears]
                ),
                "display": label,
            }


class QueueFilter(DefaultChoiceFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("", "Needs attention"), ("all", "All companies")]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.in_queue(Q(open_reports__gt=0))


class OrderFilter(DefaultChoiceFilter):
    """Newest first (the default) or most viewed first; each breaks ties by the other.

    A choice in the sidebar rather than a mixed score, so a reviewer can tell why a card is on
    top: it changed most recently, or visitors read it most. Column headers still sort too.
    """

    title = "order"
    parameter_name = "order"
    ORDERINGS = {
        "": ("-version_captured_at", "-views", "company__name"),
        "views": ("-views", "-version_captured_at", "company__name"),
    }

    also_clears = ("o",)  # a column sort would override the chosen order

    def lookups(self, request, model_admin):
        return [("", "Newest first"), ("views", "Most viewed first")]

    def queryset(self, request, queryset):
        return queryset  # the order is applied by CardReviewAdmin.get_ordering


@admin.register(CardReview)
class CardReviewAdmin(admin.ModelAdmin):
    """The review queue: changed cards nobody checked, facts whose quote vanished, and open reports;
    newest or most viewed first."""

    list_display = (
        "company",
        "review",
        "open_reports",
        "needs_review",
        "unchecked_change",
        "unchecked",
        "grade",
        "held",
        "version_captured_at",
        "views",
    )
    list_editable = ("held",)
    list_filter = (QueueFilter, OrderFilter, "held", "grade")
    search_fields = ("company__name",)
    list_select_related = ("company",)
    fields = ("company", "held", "grade", "needs_review", "unchecked", "unchecked_change", "last_checked_at", "views")
    readonly_fields = (
        "company",
        "grade",
        "needs_review",
        "unchecked",
        "unchecked_change",
        "last_checked_at",
        "views",
    )

    def get_ordering(self, request: HttpRequest):
        return OrderFilter.ORDERINGS.get(request.GET.get(OrderFilter.parameter_name, ""), OrderFilter.ORDERINGS[""])

    def save_model(self, request: HttpRequest, obj: CardReview, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Holding or releasing a card changes what the public sees: badges, grade, cached pages.
        refresh(obj.company_id)

    def get_queryset(self, request: HttpRequest):
        opened = Count("company__reports", filter=Q(company__reports__status=ReportStatus.OPEN))
        return super().get_queryset(request).annotate(open_reports=opened)

    @admin.display(description="Open reports", ordering="open_reports")
    def open_reports(self, obj: CardReview) -> int:
        return obj.open_reports

    @admin.display(description="Check")
    def review(self, obj: CardReview) -> str:
        return format_html('<a href="{}">Review the card</a>', review_url(obj.company_id))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(self.review_card)
        return [path("<int:pk>/review/", view, name="reviews_cardreview_review"), *super().get_urls()]

    def review_card(self, request: HttpRequest, pk: int) -> HttpResponse:
        company = get_object_or_404(Company.objects.select_related("current_version"), pk=pk)
        can_decide = request.user.has_perm("reviews.add_decision")
        if not request.user.has_perm("reviews.view_decision"):
            raise PermissionDenied
        version = company.current_version
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            self._decide(request, company)
            return HttpResponseRedirect(request.path)
        card = reviewed_card(version) if version else None
        rows = [
            {"fact": fact, "form": DecisionForm(initial={"fact_key": fact.key}, actions=FACT_ACTIONS, prefix=fact.key)}
            for fact in (card.checkable() if card else [])
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review {company}'s card",
            "company": company,
            "version": version,
            "card": card,
            "rows": rows,
            "flagged": card.flagged() if card else {},
            "add_form": DecisionForm(actions=[(Action.ADD, "Add a missed fact")], prefix="add"),
            "reports": Report.objects.filter(company=company, status=ReportStatus.OPEN),
            "decisions": Decision.objects.filter(company=company).select_related("version", "decided_by")[:50],
            "can_decide": can_decide,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/reviews/review_card.html", context)

    def _decide(self, request: HttpRequest, company: Company) -> None:
        version = company.current_version
        if version is None:
            messages.error(request, "This company has no policy version yet.")
            return
        if "confirm_all" in request.POST:
            try:
                count = confirm_all(version, request.POST.get("reason", ""), request.user)
            except DecisionError as error:
                messages.error(request, str(error))
                return
            messages.success(request, f"Confirmed {count} fact(s).")
            return
        prefix = request.POST.get("prefix", "")
        actions = [(Action.ADD, "Add")] if prefix == "add" else FACT_ACTIONS
        form = DecisionForm(request.POST, actions=actions, prefix=prefix)
        try:
            if not form.is_valid():
                raise DecisionError("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
            data = form.cleaned_data
            how = [{"kind": data["how_kind"], "value": data["how_value"]}] if data["how_kind"] else []
            key = f"{data['section']}:{data['code']}" if prefix == "add" else data["fact_key"]
            proposal = Proposal(
                key, data["action"], data["reason"], data["code"], data["value"], how, form.span(version.text)
            )
            decision = record(version, proposal, request.user)
        except (DecisionError, forms.ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return
        messages.success(request, f"Recorded: {decision}.")
