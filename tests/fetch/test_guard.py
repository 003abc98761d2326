"""The address guard: every forbidden target is refused, directly and as a redirect target,
and no socket ever connects to it."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from policies.fetch import FetchError, RefusedTarget, TooManyRedirects, fetch, fetch_robots
from tests.fetch.conftest import PUBLIC_IP
from tests.fetch.server import POLICY_HTML, page, redirect, redirect_to_query

# Names the fake resolver answers with forbidden addresses.
RESOLVES = {
    "private.test": ["10.1.2.3"],
    "home-router.test": ["192.168.0.1"],
    "metadata.test": ["169.254.169.254"],
    "cgnat.test": ["100.64.12.1"],
    "loop6.test": ["::1"],
    "mapped.test": ["::ffff:127.0.0.1"],
    "ula.test": ["fd00::5"],
    "linklocal6.test": ["fe80::1"],
    "sitelocal.test": ["fec0::1"],
    "nat64.test": ["64:ff9b::a00:1"],
    "sixtofour.test": ["2002:a00:1::1"],
}

FORBIDDEN = [
    "http://127.0.0.1/",
    "http://127.45.6.7/privacy",
    "http://[::1]/",
    "http://0.0.0.0/",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://172.31.255.254/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://100.127.255.254/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::]/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://198.18.0.1/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://127.1/",
    "http://017700000001/",
    "http://127.0.0.1./",
    *(f"http://{name}/privacy" for name in RESOLVES),
    "file:///etc/passwd",
    "ftp://origin.test/privacy.txt",
    "gopher://origin.test:70/1",
    "http://origin.test:8080/privacy",
    "https://origin.test:22/",
    "http://origin.test:0/",
    "http://user:secret@origin.test/privacy",
]


@pytest.fixture
def hostile_net(net):
    net.names.update(RESOLVES)
    return net


def test_the_list_is_long_enough():
    assert len(FORBIDDEN) >= 25


@pytest.mark.parametrize("target", FORBIDDEN)
def test_direct_fetch_is_refused_without_connecting(hostile_net, public_config, target):
    with pytest.raises(RefusedTarget):
        fetch(target, public_config)
    assert hostile_net.connects == []


@pytest.mark.parametrize("target", FORBIDDEN)
def test_redirect_to_forbidden_target_is_refused_without_connecting(hostile_net, server, public_config, target):
    server.routes["/go"] = redirect_to_query()
    with pytest.raises(RefusedTarget):
        fetch(f"http://origin.test/go?to={quote(target, safe='')}", public_config)
    assert server.hits("/go") == 1  # the public origin was reached...
    assert hostile_net.forbidden_connects() == []  # ...and nothing behind it


@pytest.mark.parametrize("target", FORBIDDEN)
def test_robots_fetch_is_refused_too(hostile_net, public_config, target):
    with pytest.raises(RefusedTarget):
        fetch_robots(target, public_config)
    assert hostile_net.connects == []


def test_public_origin_is_fetched_with_host_header_and_one_lookup(net, server, public_config):
    server.routes["/privacy"] = page(POLICY_HTML)
    result = fetch("http://origin.test/privacy", public_config)
    assert result.content == POLICY_HTML
    assert net.lookups == ["origin.test"]
    assert net.connects == [(PUBLIC_IP, 80)]
    assert server.log[-1][1]["Host"] == "origin.test"


def test_resolved_address_is_pinned_for_the_connection(net, server, public_config):
    """A resolver that would answer loopback on any later lookup: the connection still goes to
    the address that was checked, because the name is looked up exactly once per request."""
    answers = iter([[PUBLIC_IP]])
    net.names["pin.test"] = lambda: next(answers, ["127.0.0.1"])
    server.routes["/privacy"] = page(POLICY_HTML)
    assert fetch("http://pin.test/privacy", public_config).content == POLICY_HTML
    assert net.lookups == ["pin.test"]
    assert net.connects == [(PUBLIC_IP, 80)]


def test_rebinding_on_the_second_lookup_is_refused_on_redirect(net, server, public_config):
    answers = iter([[PUBLIC_IP]])
    net.names["rebind.test"] = lambda: next(answers, ["127.0.0.1"])
    server.routes["/hop"] = redirect("http://rebind.test/privacy")
    server.routes["/privacy"] = page(POLICY_HTML)
    with pytest.raises(RefusedTarget):
        fetch("http://rebind.test/hop", public_config)
    assert net.lookups == ["rebind.test", "rebind.test"]
    assert net.forbidden_connects() == []
    assert server.hits("/privacy") == 0


def test_rebinding_between_robots_and_page_is_refused(net, server, public_config):
    answers = iter([[PUBLIC_IP]])
    net.names["rebind.test"] = lambda: next(answers, ["10.0.0.7"])
    server.routes["/privacy"] = page(POLICY_HTML)
    assert fetch_robots("http://rebind.test/privacy", public_config).allowed  # 404: allowed
    with pytest.raises(RefusedTarget):
        fetch("http://rebind.test/privacy", public_config)
    assert net.forbidden_connects() == []
    assert server.hits("/privacy") == 0


def test_name_with_a_private_first_answer_is_refused(net, public_config):
    net.names["mixed.test"] = ["10.9.9.9", PUBLIC_IP]
    with pytest.raises(RefusedTarget):
        fetch("http://mixed.test/privacy", public_config)
    assert net.connects == []


def test_six_redirects_are_refused_five_are_followed(net, server, public_config):
    for n in range(1, 7):
        server.routes[f"/chain/{n}"] = redirect(f"/chain/{n - 1}")
    server.routes["/chain/0"] = page(POLICY_HTML)
    assert fetch("http://origin.test/chain/5", public_config).redirects[-1] == "http://origin.test/chain/0"
    before = len(server.log)
    with pytest.raises(TooManyRedirects):
        fetch("http://origin.test/chain/6", public_config)
    assert [path for path, _ in server.log[before:]] == [f"/chain/{n}" for n in range(6, 0, -1)]
    assert net.forbidden_connects() == []


def test_loopback_is_refused_unless_the_test_flag_is_on(server, public_config, loopback_config):
    server.routes["/privacy"] = page(POLICY_HTML)
    with pytest.raises(RefusedTarget):
        fetch(server.url("/privacy"), public_config)
    assert server.hits("/privacy") == 0
    assert fetch(server.url("/privacy"), loopback_config).content == POLICY_HTML


def test_loopback_flag_does_not_open_private_networks(net, loopback_config):
    net.names.update(RESOLVES)
    for target in ("http://10.0.0.5/", "http://private.test/", "http://169.254.169.254/", "http://origin.test:8080/"):
        with pytest.raises(RefusedTarget):
            fetch(target, loopback_config)
    assert net.connects == []


def test_refusals_explain_themselves_in_plain_words(net, public_config):
    net.names.update(RESOLVES)
    messages = {}
    for target in (
        "ftp://origin.test/x",
        "http://origin.test:8080/",
        "http://169.254.169.254/",
        "http://private.test/",
    ):
        with pytest.raises(FetchError) as caught:
            fetch(target, public_config)
        messages[target] = caught.value.message
    assert "http" in messages["ftp://origin.test/x"]
    assert "80 and 443" in messages["http://origin.test:8080/"]
    assert "metadata" in messages["http://169.254.169.254/"]
    assert "private" in messages["http://private.test/"]
