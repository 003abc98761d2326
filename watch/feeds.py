"""Atom feeds of policy changes: site-wide and per company, one entry per recorded version.

Versions recorded only because our extractor changed are left out: for a shopper nothing
changed. Each entry lists the card-level changes stored with its card when it was recorded
(never compared on a request) and links to the diff page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_safe

from policies.links import slug_path
from policies.models import Company, PolicyVersion
from policies.ota.records import OTA_CREDIT, OTA_LICENCE
from reviews.models import Decision
from summaries.models import Summary

FEED_SIZE = 50


def with_cards(versions: QuerySet[PolicyVersion]) -> list[PolicyVersion]:
    """The feed's entries, each with its card's stored changes attached (`feed_changes`).

    Two queries however many entries: the versions, and the stored changes of their newest
    cards (not the cards themselves).
    """
    # When our team last decided anything on the version: the entry says whether the change was checked.
    checked = Decision.objects.filter(version=OuterRef("pk")).order_by("-decided_at").values("decided_at")[:1]
    versions = versions.annotate(checked_at=Subquery(checked))
    items = list(versions.select_related("company").defer("text", "company__aliases")[:FEED_SIZE])
    changes = Summary.objects.changes_for([v.pk for v in items])
    for item in items:
        item.feed_changes = changes.get(item.pk)
    return items


def checked_note(item: PolicyVersion) -> str:
    checked_at = getattr(item, "checked_at", None)
    if checked_at is None:
        return format_html("<p>{}</p>", "Read automatically; not yet checked by our team.")
    return format_html("<p>Checked by our team on {}.</p>", checked_at.strftime("%-d %B %Y"))


def diff_path(version: PolicyVersion) -> str:
    return f"{slug_path('diff', version.company.slug)}?a={version.sequence - 1}&b={version.sequence}"


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Fineprint: privacy policy changes"
    subtitle = "Every change Fineprint records in a retailer's privacy policy."
    link = "/"
    author_name = "Fineprint"

    def items(self) -> Any:
        return with_cards(PolicyVersion.objects.filter(extractor_change=False).order_by("-captured_at", "-pk"))

    def item_title(self, item: PolicyVersion) -> str:
        if item.sequence == 1:
            return f"{item.company.name}: first version recorded"
        return f"{item.company.name}: privacy policy changed (version {item.sequence})"

    def item_description(self, item: PolicyVersion) -> str:
        described = format_html("{}{}", self._changes(item), checked_note(item))
        if not item.from_ota:
            return described
        credit = format_html(
            '<p>Policy text from Open Terms Archive, © {} ({}): <a href="{}">the original version</a>.</p>',
            OTA_CREDIT,
            OTA_LICENCE,
            item.source_url or "https://opentermsarchive.org/",
        )
        return described + credit

    def _changes(self, item: PolicyVersion) -> str:
        if item.sequence == 1:
            return format_html("<p>Fineprint recorded the first version of {}'s privacy policy.</p>", item.company.name)
        changes = item.feed_changes
        if changes is None:  # not derived yet: its card, or its predecessor's, is still being made
            return format_html("<p>{}</p>", "The policy changed; what changed on its card is being worked out.")
        if not changes:
            return format_html("<p>{}</p>", "The wording changed; the card's answers did not.")
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((c["text"],) for c in changes)))

    def item_link(self, item: PolicyVersion) -> str:
        if item.sequence == 1:
            return item.get_absolute_url()
        return diff_path(item)

    def item_guid(self, item: PolicyVersion) -> str:
        return f"{settings.SITE_URL.rstrip('/')}/c/{item.company.slug}/v/{item.sequence}/"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PolicyVersion):
        return item.captured_at

    def item_updateddate(self, item: PolicyVersion):
        return item.captured_at

    def item_author_name(self, item: PolicyVersion) -> str:
        return "Fineprint"


class CompanyChangesFeed(ChangesFeed):
    def get_object(self, request, slug: str) -> Company:  # type: ignore[override]
        return get_object_or_404(Company.objects.public(), slug=slug)

    def title(self, obj: Company) -> str:  # type: ignore[override]
        return f"Fineprint: {obj.name} privacy policy changes"

    def subtitle(self, obj: Company) -> str:  # type: ignore[override]
        return f"Every change Fineprint records in {obj.name}'s privacy policy."

    def link(self, obj: Company) -> str:  # type: ignore[override]
        return obj.get_absolute_url()

    def items(self, obj: Company) -> Any:  # type: ignore[override]
        return with_cards(PolicyVersion.objects.filter(company=obj, extractor_change=False).order_by("-sequence"))


@require_safe
def legacy_company_feed(request: HttpRequest, slug: str) -> HttpResponsePermanentRedirect:
    """/feeds/<slug>.atom, the company feed's first address: a permanent redirect to /feeds/c/<slug>.atom.

    Unknown slugs stay a 404 here rather than a redirect to one.
    """
    company = get_object_or_404(Company.objects.public(), slug=slug)
    return HttpResponsePermanentRedirect(reverse("feed-company", args=[company.slug]))
