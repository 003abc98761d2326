from __future__ import annotations

from django.test import RequestFactory

from config.client_ip import client_ip


def request(remote: str, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_configured_header_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    assert client_ip(request("127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")) == "127.0.0.1"


def test_the_header_is_believed_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")) == "203.0.113.5"
    assert client_ip(request("198.51.100.7", HTTP_X_REAL_IP="203.0.113.5")) == "198.51.100.7"  # forged


def test_forwarded_for_takes_the_entry_the_proxy_added(settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")) == "203.0.113.5"
    assert client_ip(request("127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")) == "127.0.0.1"
