"""Counting people's views of card pages for the review queue (the counter is reviews.popularity).

Placed before the public cache in MIDDLEWARE so cached pages and 304s are counted too: the
cache answers most visits without running the view. What counts as a view:

- a GET of a company's card page answered 200 or 304 (a 304 is a returning visitor's browser
  showing the copy it has: still a person reading the card);
- not HEAD (link checkers and uptime monitors), not an htmx fragment (part of a page already
  counted; a boosted link or a history restore is a whole page and counts), not a prefetch;
- not a self-declared robot or script: an empty User-Agent or one naming a bot, crawler,
  spider, HTTP library or headless browser. Bots that pretend to be browsers are counted;
  the figure orders a queue, it is not an audience measurement.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from reviews.popularity import count_view

COUNTED_URL_NAME = "company"
ROBOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scan|monitor|check|preview|curl|wget|python|java/|go-http|"
    r"okhttp|libwww|httpclient|axios|node-fetch|headless|phantom|lighthouse",
    re.IGNORECASE,
)


def is_counted(request: HttpRequest, response: HttpResponse) -> bool:
    match = request.resolver_match
    if request.method != "GET" or match is None or match.url_name != COUNTED_URL_NAME:
        return False
    if response.status_code not in (200, 304):
        return False
    headers = request.headers
    if "HX-Request" in headers and "HX-Boosted" not in headers and "HX-History-Restore-Request" not in headers:
        return False
    if "prefetch" in headers.get("Sec-Purpose", "") + headers.get("Purpose", ""):
        return False
    agent = headers.get("User-Agent", "")
    return bool(agent) and not ROBOT.search(agent)


class ViewCountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_counted(request, response):
            count_view(request.resolver_match.kwargs["slug"])
        return response
