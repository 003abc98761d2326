"""HTTPS through the pinned address: the certificate is checked against the host name (not the
IP we connect to), an untrusted certificate is refused, and the deadline also cuts TLS reads."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from policies.fetch import ConnectionFailed, DeadlineExceeded, fetch
from tests.fetch.conftest import PUBLIC_IP
from tests.fetch.server import POLICY_HTML, PolicyServer, page, trickle


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    where = tmp_path_factory.mktemp("tls")
    openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Fineprint Test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=where,
    )  # fmt: skip
    openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "site.key", "-out", "site.csr", "-subj", "/CN=origin.test",
        cwd=where,
    )  # fmt: skip
    (where / "ext.cnf").write_text(
        "subjectAltName=DNS:origin.test\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n"
    )
    openssl(
        "x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "site.pem", "-days", "2", "-extfile", "ext.cnf",
        cwd=where,
    )  # fmt: skip
    return where


@pytest.fixture
def tls_site(certs, net):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs / "site.pem", certs / "site.key")
    with PolicyServer(tls=context) as server:
        net.tls_port = server.port
        yield server


def test_https_is_verified_against_the_host_name_while_pinned_to_the_ip(tls_site, net, certs, public_config):
    tls_site.routes["/privacy"] = page(POLICY_HTML)
    result = fetch("https://origin.test/privacy", replace(public_config, ca_bundle=str(certs / "ca.pem")))
    assert result.content == POLICY_HTML
    assert net.connects == [(PUBLIC_IP, 443)]
    assert tls_site.log[-1][1]["Host"] == "origin.test"


def test_untrusted_certificate_is_refused(tls_site, public_config):
    tls_site.routes["/privacy"] = page(POLICY_HTML)
    with pytest.raises(ConnectionFailed, match="certificate"):
        fetch("https://origin.test/privacy", public_config)
    assert tls_site.hits("/privacy") == 0


def test_certificate_for_another_name_is_refused(tls_site, net, certs, public_config):
    net.names["other.test"] = [PUBLIC_IP]
    tls_site.routes["/privacy"] = page(POLICY_HTML)
    with pytest.raises(ConnectionFailed, match="certificate"):
        fetch("https://other.test/privacy", replace(public_config, ca_bundle=str(certs / "ca.pem")))


def test_deadline_cuts_a_trickling_tls_body(tls_site, certs, public_config):
    tls_site.routes["/slow"] = trickle(interval=0.2, total=600)
    config = replace(public_config, ca_bundle=str(certs / "ca.pem"), deadline_seconds=1.0, read_timeout=5.0)
    with pytest.raises(DeadlineExceeded):
        fetch("https://origin.test/slow", config)
