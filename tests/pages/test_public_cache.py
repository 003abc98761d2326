"""Conditional GET, the shared page cache and compression of the public pages."""

from __future__ import annotations

import gzip
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.settings import cache_from_url
from tests.pages.factories import POLICY, add_version
from tests.pages.test_query_counts import URLS

NONCE = re.compile(r' nonce="([^"]+)"')


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_every_public_response_answers_a_conditional_get(client, url):
    from tests.pages.factories import make_many

    add_version(make_many(4)[0], POLICY + "\nOne more sentence.")
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_change_invalidates_the_cache_and_the_etag(client, juniper):
    first = client.get("/c/juniper/")
    add_version(juniper, POLICY + "\nA new sentence.")
    second = client.get("/c/juniper/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert "Card being prepared" in client.get("/").content.decode() or "summarised it yet" in second.content.decode()


def test_an_edit_to_the_company_invalidates_it(client, juniper):
    client.get("/c/juniper/")
    juniper.name = "Juniper Hardware & Garden"
    juniper.save()
    assert "Juniper Hardware &amp; Garden" in client.get("/c/juniper/").content.decode()


def test_a_cached_page_gets_its_own_nonce_and_csrf_token(client, juniper):
    client.get("/c/juniper/")  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        responses = [client.get("/c/juniper/") for _ in range(2)]
    assert len(queries) == 2  # the stamp, once per request
    nonces = []
    for response in responses:
        html = response.content.decode()
        nonce = NONCE.search(html).group(1)
        assert set(NONCE.findall(html)) == {nonce}
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_htmx_fragments_are_cached_apart_from_pages(client, juniper):
    page = client.get("/")
    fragment = client.get("/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert page.content != fragment.content
    assert "HX-Request" in fragment["Vary"]


def test_html_and_json_are_compressed_but_not_the_admin(client, juniper):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"Juniper" in gzip.decompress(response.content)
    assert client.get("/api/companies.json", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")


def test_cache_url():
    assert cache_from_url("redis://127.0.0.1:6379/3")["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache_from_url("locmem://")["BACKEND"].endswith("LocMemCache")
    with pytest.raises(Exception, match="CACHE_URL"):
        cache_from_url("memcached://x")


def test_pages_are_served_from_redis(client, juniper, settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, db=13, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = {**settings.CACHES, "redis": cache_from_url("redis://127.0.0.1:6379/13")}
    settings.PUBLIC_CACHE_ALIAS = "redis"
    from django.core.cache import caches

    caches["redis"].clear()
    first = client.get("/c/juniper/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/c/juniper/")
    assert len(queries) == 1
    assert NONCE.sub("", first.content.decode()) == NONCE.sub("", second.content.decode()).replace(
        re.search(r'"X-CSRFToken": "[^"]*"', second.content.decode()).group(0),
        re.search(r'"X-CSRFToken": "[^"]*"', first.content.decode()).group(0),
    )
    caches["redis"].clear()


def test_a_recent_stamp_spares_a_cached_page_every_query(client, juniper, settings):
    settings.PUBLIC_STAMP_SECONDS = 60
    client.get("/c/juniper/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/c/juniper/").status_code == 200
    assert len(queries) == 0
