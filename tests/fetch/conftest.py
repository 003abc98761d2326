"""Fixtures for fetch tests: a local server, and a fake network in front of it.

`net` replaces name resolution (socket.getaddrinfo) and spies on every socket.connect. One
made-up public address, PUBLIC_IP port 80, is routed to the local server so redirect chains
can start from an ordinary-looking public site while loopback stays forbidden; every other
connection attempt is recorded and refused, so no test can reach the internet.
"""

from __future__ import annotations

import _socket
import ipaddress
import socket
from collections.abc import Callable, Iterator

import pytest

from policies.fetch import FetchConfig
from tests.fetch.server import PolicyServer

PUBLIC_IP = "93.184.216.34"
USER_AGENT = "FineprintBot/1.0 (+https://fineprint.example/bot)"


class FakeNet:
    def __init__(self, server: PolicyServer) -> None:
        self.server = server
        self.names: dict[str, list[str] | Callable[[], list[str]]] = {"origin.test": [PUBLIC_IP]}
        self.lookups: list[str] = []
        self.connects: list[tuple] = []
        self.tls_port: int | None = None  # where PUBLIC_IP:443 leads, when a test runs a TLS site

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        host = host.decode() if isinstance(host, bytes) else str(host)
        port = int(port or 0)
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            self.lookups.append(host)
            entry = self.names.get(host.lower())
            if entry is None:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None
            addresses = entry() if callable(entry) else list(entry)
        results = []
        for address in addresses:
            if ipaddress.ip_address(address).version == 4:
                results.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
            else:
                results.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
        return results

    def connect(self, sock: socket.socket, address) -> None:
        self.connects.append(tuple(address[:2]))
        if tuple(address[:2]) == (PUBLIC_IP, 80):
            return _socket.socket.connect(sock, ("127.0.0.1", self.server.port))
        if tuple(address[:2]) == (PUBLIC_IP, 443) and self.tls_port:
            return _socket.socket.connect(sock, ("127.0.0.1", self.tls_port))
        raise ConnectionRefusedError(f"test network refuses {address!r}")

    def forbidden_connects(self) -> list[tuple]:
        return [address for address in self.connects if address not in ((PUBLIC_IP, 80), (PUBLIC_IP, 443))]


@pytest.fixture
def server() -> Iterator[PolicyServer]:
    with PolicyServer() as running:
        yield running


@pytest.fixture
def net(server: PolicyServer, monkeypatch) -> FakeNet:
    fake = FakeNet(server)
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: fake.connect(sock, address))
    return fake


@pytest.fixture
def public_config() -> FetchConfig:
    """Production rules: loopback forbidden."""
    return FetchConfig(user_agent=USER_AGENT, allow_loopback=False, deadline_seconds=10)


@pytest.fixture
def loopback_config() -> FetchConfig:
    """Test rules: the local server on 127.0.0.1 may be reached directly."""
    return FetchConfig(user_agent=USER_AGENT, allow_loopback=True, deadline_seconds=10)
