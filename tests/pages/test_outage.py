"""A database that refuses connections gives 503 with Retry-After, and the next request after it is back works."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.pages.factories import make_company


@pytest.fixture
def database_down(transactional_db, client):
    make_company()
    client.raise_request_exception = False  # answer as a server would, instead of re-raising
    connection.close()
    saved = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/fineprint.sqlite3"
    else:
        connection.settings_dict["PORT"] = "1"  # nothing listens there: connection refused

    def recover():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    yield recover
    recover()


def test_pages_answer_503_with_the_branded_page(client, database_down):
    response = client.get("/c/juniper/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"briefly unavailable" in response.content
    assert b'class="site-header"' in response.content


def test_the_api_answers_503_in_json(client, database_down):
    response = client.get("/api/companies.json")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert response["Retry-After"] == "30"


def test_the_first_request_after_recovery_succeeds(client, database_down):
    assert client.get("/c/juniper/").status_code == 503
    database_down()
    assert client.get("/c/juniper/").status_code == 200
