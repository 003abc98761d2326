"""Atom feeds of policy changes: site-wide and per company, one entry per recorded version.

Versions recorded only because our extractor changed are left out: for a shopper nothing
changed. Each entry lists the card-level changes stored with its card when it was recorded
(never compared on a request) and links to the diff page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed, add_domain
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from policies.links import slug_path
from policies.models import Company, PolicyVersion, Source
from policies.ota.records import OTA_CREDIT, OTA_LICENCE
from reviews.models import Decision
from summaries.models import Summary

FEED_SIZE = 50


@dataclass(slots=True)
class Entry:
    """What one feed entry shows of a version: read as plain values, not as model instances."""

    pk: int
    sequence: int
    source: str
    source_url: str
    captured_at: datetime
    checked_at: datetime | None
    company_name: str
    company_slug: str
    feed_changes: list[dict] | None = None

    @property
    def from_ota(self) -> bool:
        return self.source == Source.OTA


ENTRY_FIELDS = ("pk", "sequence", "source", "source_url", "captured_at", "checked_at", "company__name", "company__slug")


def with_cards(versions: QuerySet[PolicyVersion]) -> list[Entry]:
    """The feed's entries, each with its card's stored changes attached (`feed_changes`).

    Two queries however many entries: the versions (with their company's name and slug), and
    the stored changes of their newest cards (not the cards themselves).
    """
    # When our team last decided anything on the version: the entry says whether the change was checked.
    checked = Decision.objects.filter(version=OuterRef("pk")).order_by("-decided_at").values("decided_at")[:1]
    versions = versions.annotate(checked_at=Subquery(checked))
    items = [Entry(*row) for row in versions.values_list(*ENTRY_FIELDS)[:FEED_SIZE]]
    changes = Summary.objects.changes_for([v.pk for v in items])
    for item in items:
        item.feed_changes = changes.get(item.pk)
    return items


def checked_note(item: Entry) -> str:
    if item.checked_at is None:
        return format_html("<p>{}</p>", "Read automatically; not yet checked by our team.")
    return format_html("<p>Checked by our team on {}.</p>", item.checked_at.strftime("%-d %B %Y"))


def diff_path(item: Entry) -> str:
    return f"{slug_path('diff', item.company_slug)}?a={item.sequence - 1}&b={item.sequence}"


class ChangesFeed(Feed):
    """Django's Feed for its routing (`get_object`, a 404 when there is none), with the document
    built by `get_feed` below: Django's generic one looks every attribute up per entry through
    `inspect` (about a third of a 50-entry feed's time), and writes the XML to the response in
    some 1,800 small writes."""

    feed_type = Atom1Feed
    title = "Fineprint: privacy policy changes"
    subtitle = "Every change Fineprint records in a retailer's privacy policy."
    link = "/"
    author_name = "Fineprint"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        feed = self.get_feed(self.get_object(request, *args, **kwargs), request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Company | None:
        return None

    def get_feed(self, obj: Company | None, request: HttpRequest) -> Atom1Feed:
        """What Django's `Feed.get_feed` makes of this class's attributes, each asked for directly.

        The same document byte for byte (tests/pages/test_page_bytes.py): an Atom feed with the
        site's host (no django.contrib.sites), no enclosures, no author e-mail or link.
        """
        domain, secure = request.get_host(), request.is_secure()
        if obj is None:
            title, subtitle, link = self.title, self.subtitle, self.link
        else:
            title, subtitle, link = self.title(obj), self.subtitle(obj), self.link(obj)  # type: ignore[operator]
        feed = self.feed_type(
            title=title,
            subtitle=subtitle,
            link=add_domain(domain, link, secure),
            description=None,
            language=get_language(),
            feed_url=add_domain(domain, request.path, secure),
            author_name=self.author_name,
        )
        for item in self.items() if obj is None else self.items(obj):  # type: ignore[call-arg]
            link = add_domain(domain, self.item_link(item), secure)
            feed.add_item(
                title=self.item_title(item),
                link=link,
                description=self.item_description(item),
                unique_id=self.item_guid(item),
                unique_id_is_permalink=self.item_guid_is_permalink,
                enclosures=[],
                pubdate=self.item_pubdate(item),
                updateddate=self.item_updateddate(item),
                author_name=self.item_author_name(item),
            )
        return feed

    def items(self) -> Any:
        return with_cards(PolicyVersion.objects.filter(extractor_change=False).order_by("-captured_at", "-pk"))

    def item_title(self, item: Entry) -> str:
        if item.sequence == 1:
            return f"{item.company_name}: first version recorded"
        return f"{item.company_name}: privacy policy changed (version {item.sequence})"

    def item_description(self, item: Entry) -> str:
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

    def _changes(self, item: Entry) -> str:
        if item.sequence == 1:
            return format_html("<p>Fineprint recorded the first version of {}'s privacy policy.</p>", item.company_name)
        changes = item.feed_changes
        if changes is None:  # not derived yet: its card, or its predecessor's, is still being made
            return format_html("<p>{}</p>", "The policy changed; what changed on its card is being worked out.")
        if not changes:
            return format_html("<p>{}</p>", "The wording changed; the card's answers did not.")
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((c["text"],) for c in changes)))

    def item_link(self, item: Entry) -> str:
        if item.sequence == 1:
            return reverse("version", args=[item.company_slug, item.sequence])
        return diff_path(item)

    def item_guid(self, item: Entry) -> str:
        return f"{settings.SITE_URL.rstrip('/')}/c/{item.company_slug}/v/{item.sequence}/"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> datetime:
        return item.captured_at

    def item_updateddate(self, item: Entry) -> datetime:
        return item.captured_at

    def item_author_name(self, item: Entry) -> str:
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
