"""The client's address, read from the trusted proxy's header when the request came through it.

Behind nginx every request arrives from the proxy's own address, so rate limits and the admin
lockout would count the whole world as one client (and five wrong passwords from anyone would
lock every admin out). The proxy puts the real address in a header it overwrites
(`TRUSTED_PROXY_HEADER`, e.g. X-Real-IP); that header is believed only when the request's peer
is one of `TRUSTED_PROXIES`, so a client talking to gunicorn directly cannot forge it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    header = settings.TRUSTED_PROXY_HEADER
    if header and remote in settings.TRUSTED_PROXIES:
        # For X-Forwarded-For the last entry is the one our proxy appended; earlier ones are the client's word.
        claimed = (request.META.get(header, "") or "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(claimed))
        except ValueError:
            pass  # a proxy that sent nothing usable: fall back to the peer
    return remote


def ratelimit_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key: the client address (one bucket per visitor, not per proxy)."""
    return client_ip(request)
