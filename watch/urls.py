from django.urls import path

from watch.feeds import ChangesFeed, CompanyChangesFeed, legacy_company_feed

urlpatterns = [
    path("changes.atom", ChangesFeed(), name="feed-changes"),
    # Company feeds have a path segment of their own, so no company slug (not even "changes")
    # can take the address of a site-wide feed, now or when another one is added.
    path("c/<slug:slug>.atom", CompanyChangesFeed(), name="feed-company"),
    # Where company feeds used to be: kept working for existing subscribers as a permanent
    # redirect. It comes after every site-wide feed, which win on a name clash.
    path("<slug:slug>.atom", legacy_company_feed, name="feed-company-legacy"),
]
