from django.urls import path

from watch.feeds import ChangesFeed, CompanyChangesFeed

urlpatterns = [
    # Before the per-company route, which would otherwise read "changes" as a slug.
    path("changes.atom", ChangesFeed(), name="feed-changes"),
    path("<slug:slug>.atom", CompanyChangesFeed(), name="feed-company"),
]
