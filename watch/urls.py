from django.urls import path
from django.views.decorators.http import require_safe

from watch.feeds import ChangesFeed, CompanyChangesFeed, legacy_company_feed

# Feeds are read, never written to: GET and HEAD only, as every public view (`@require_safe`).
urlpatterns = [
    path("changes.atom", require_safe(ChangesFeed()), name="feed-changes"),
    # Company feeds have a path segment of their own, so no company slug (not even "changes")
    # can take the address of a site-wide feed, now or when another one is added.
    path("c/<slug:slug>.atom", require_safe(CompanyChangesFeed()), name="feed-company"),
    # Where company feeds used to be: kept working for existing subscribers as a permanent
    # redirect. It comes after every site-wide feed, which win on a name clash.
    path("<slug:slug>.atom", legacy_company_feed, name="feed-company-legacy"),
]
