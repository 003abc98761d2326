"""Most viewed first: which visits of a card page count, how they reach the queue, and the grade on the company row."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db.models import Max
from django.test import Client

from policies.models import Company
from reviews import popularity
from reviews.models import CardReview
from tests.pages.factories import make_company

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def juniper():
    return make_company()


@pytest.fixture
def person():
    return Client(headers={"User-Agent": BROWSER})


def views_of(company) -> int:
    popularity.flush()
    return CardReview.objects.get(company=company).views


def test_a_persons_visits_count_cached_and_revalidated_ones_too(person, juniper):
    first = person.get("/c/juniper/")
    assert first.status_code == 200
    assert person.get("/c/juniper/").status_code == 200  # served from the page cache
    again = person.get("/c/juniper/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert views_of(juniper) == 3


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        ("head", {"User-Agent": BROWSER}),
        ("get", {}),  # no User-Agent at all
        ("get", {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}),
        ("get", {"User-Agent": "curl/8.5.0"}),
        ("get", {"User-Agent": "python-requests/2.32"}),
        ("get", {"User-Agent": BROWSER.replace("Chrome/", "HeadlessChrome/")}),
        ("get", {"User-Agent": BROWSER, "Sec-Purpose": "prefetch"}),
        ("get", {"User-Agent": BROWSER, "HX-Request": "true", "HX-Target": "report-card"}),  # a fragment
    ],
)
def test_robots_head_prefetch_and_fragments_are_not_views(client, juniper, method, headers):
    assert getattr(client, method)("/c/juniper/", headers=headers).status_code == 200
    assert views_of(juniper) == 0


def test_a_boosted_link_is_a_view_and_other_pages_are_not(person, juniper):
    person.get("/c/juniper/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    for url in ("/", "/c/juniper/history/", "/api/c/juniper/card.json", "/c/nobody/"):
        person.get(url)
    assert views_of(juniper) == 1


def test_counting_changes_nothing_public(person, juniper):
    stamp = Company.objects.aggregate(Max("changed_at"))["changed_at__max"]
    etag = person.get("/c/juniper/")["ETag"]
    popularity.flush()
    assert Company.objects.aggregate(Max("changed_at"))["changed_at__max"] == stamp
    assert person.get("/c/juniper/", headers={"If-None-Match": etag}).status_code == 304


def test_flush_moves_only_what_it_read_and_runs_after_responses_when_due(person, juniper, settings):
    person.get("/c/juniper/")
    person.get("/c/juniper/")
    assert CardReview.objects.get(company=juniper).views == 0  # nothing written during the requests
    settings.VIEW_FLUSH_SECONDS = 0
    popularity.flush_if_due(sender=None)  # request_finished's receiver, sent once a response is out
    assert CardReview.objects.get(company=juniper).views == 2
    assert caches[settings.VIEW_COUNT_CACHE].get("views:juniper") == 0
    person.get("/c/juniper/")  # this response's own request_finished flushes it
    assert CardReview.objects.get(company=juniper).views == 3


def test_a_counter_that_fails_never_breaks_the_page(person, juniper, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(caches[popularity.settings.VIEW_COUNT_CACHE], "incr", down)
    assert person.get("/c/juniper/").status_code == 200
    assert views_of(juniper) == 0


def test_queue_orders_newest_or_most_viewed_and_the_index_names_the_most_viewed(client, admin_user):
    old = make_company("Old Popular", "old-popular")
    new = make_company("New Quiet", "new-quiet")
    CardReview.objects.filter(company=old).update(held=True, views=50, version_captured_at="2026-01-01T00:00Z")
    CardReview.objects.filter(company=new).update(held=True, views=2, version_captured_at="2026-06-01T00:00Z")
    client.force_login(admin_user)
    newest = client.get("/admin/reviews/cardreview/").content.decode()
    assert newest.index("New Quiet") < newest.index("Old Popular")
    viewed = client.get("/admin/reviews/cardreview/?order=views").content.decode()
    assert viewed.index("Old Popular") < viewed.index("New Quiet")
    index = client.get("/admin/").content.decode()
    most = index[index.index('id="review-most-viewed"') :]
    assert most.index("Old Popular") < most.index("New Quiet") and "50 views" in most


# --- the grade is a column of the company row ------------------------------------------------


def test_the_grade_is_on_the_company_row_and_follows_a_hold(client, admin_user, juniper):
    grade = client.get("/api/c/juniper/card.json").json()["card"]["grade"]["value"]
    assert grade and Company.objects.get(pk=juniper.pk).grade == grade
    assert "Juniper Hardware" in client.get(f"/?grade={grade}").content.decode()

    staff = Client()
    staff.force_login(admin_user)
    staff.post(f"/admin/reviews/cardreview/{juniper.pk}/change/", {"held": "on"})
    assert Company.objects.get(pk=juniper.pk).grade is None and CardReview.objects.get(company=juniper).grade == grade
    # The cached browse page is out of date at once, and a held card is neither graded nor thin.
    assert "Juniper Hardware" not in client.get(f"/?grade={grade}").content.decode()
    assert "Juniper Hardware" not in client.get("/?grade=none").content.decode()

    staff.post(f"/admin/reviews/cardreview/{juniper.pk}/change/", {})
    assert Company.objects.get(pk=juniper.pk).grade == grade
    assert "Juniper Hardware" in client.get(f"/?grade={grade}").content.decode()


def test_browse_by_grade_reads_only_the_company_table(client, juniper):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/?sort=grade&grade=B")
    assert not [q for q in queries.captured_queries if "reviews_cardreview" in q["sql"]]
