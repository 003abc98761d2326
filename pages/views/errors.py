"""The site's own 500 page, and a 503 with Retry-After when the database is unreachable.

Django calls `server_error` for any exception a view or middleware let out, with that exception
still current. A database that refuses connections is an outage, not a bug: visitors get the
branded "back soon" page (API clients a JSON body) and a Retry-After, so caches and crawlers
come back later. Neither page touches the database.
"""

from __future__ import annotations

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    database_down = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status = 503 if database_down else 500
    if request.path.startswith("/api/"):
        message = "The service is briefly unavailable; try again shortly." if database_down else "Server error."
        response: HttpResponse = JsonResponse({"error": message}, status=status)
    else:
        page = loader.get_template("503.html" if database_down else "500.html")
        response = HttpResponse(page.render(), status=status)
    if database_down:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
