"""The one way Fineprint reaches the network: fetching a policy page, safely.

Everything outbound goes through `fetch()` (a policy page) or `read_robots()` /
`fetch_robots()` (a site's robots.txt, fetched by the same path). Pure of Django models:
settings come in as a `FetchConfig`.

What makes it safe:
- only http/https on ports 80 and 443, no credentials in the URL, no numeric host spellings
  other than a plain dotted quad or IPv6 literal;
- the host is resolved once per request by requests-hardened's adapter, the connection is made
  to that exact address (so DNS rebinding cannot switch it), and the address is checked against
  our own stricter list before any socket opens: loopback, private, link-local, metadata,
  CGNAT, multicast, reserved, unspecified, IPv6 ULA/link-/site-local and IPv4-mapped forms are
  refused; loopback only when a test turns `allow_loopback` on;
- redirects are followed here, not by requests, so every hop goes through the same checks (and
  through the caller's `before_request` hook, which is how robots.txt is applied to each host);
- the body is read in chunks with a byte cap on both the wire bytes and the decompressed
  bytes (a gzip bomb stops at the cap);
- one total `Deadline` covers everything: the name lookup (run in a helper thread, because
  getaddrinfo cannot be interrupted), connecting, TLS, headers and body; a watchdog shuts the
  socket when it runs out, so a server trickling a byte at a time cannot hold a worker. A caller
  can share one deadline between several fetches (robots.txt, the page, a retry);
- the declared Content-Type must be on the allowlist and agree with the bytes' magic.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions
from protego import Protego
from requests_hardened.ip_filter import EXTRA_BLOCKED_NET_RANGES, InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter

from policies.ingest.sniff import binary_kind, is_pdf, is_zip

MAX_BYTES = 10 * 1024 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
ALLOWED_PORTS = (80, 443)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024

HTML = "text/html"
PLAIN = "text/plain"
MARKDOWN = "text/markdown"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Markdown under its registered type (RFC 7763) and the older name many servers still send.
_MARKDOWN_ALIASES = ("text/x-markdown",)
ALLOWED_TYPES = (HTML, PLAIN, MARKDOWN, PDF, DOCX, *_MARKDOWN_ALIASES)
EXTENSIONS = {HTML: "html", PLAIN: "txt", MARKDOWN: "md", PDF: "pdf", DOCX: "docx"}

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_METADATA = (ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"))


# --- configuration, results and errors -------------------------------------------------------


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str
    allow_loopback: bool = False
    max_bytes: int = MAX_BYTES
    deadline_seconds: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    max_redirects: int = 5
    # Extra CA certificates to trust (a PEM file), for a test site's own CA; None trusts the usual ones.
    ca_bundle: str | None = None

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> FetchConfig:
        """Build from Django settings (or any object with the same attributes)."""
        values: dict[str, Any] = {
            "user_agent": settings.FETCH_USER_AGENT,
            "allow_loopback": getattr(settings, "FETCH_ALLOW_LOOPBACK_FOR_TESTS", False) is True,
        }
        values.update(overrides)
        return cls(**values)

    @property
    def robots_token(self) -> str:
        """The product token robots.txt groups are matched against ("FineprintBot")."""
        return re.split(r"[/\s]", self.user_agent.strip(), maxsplit=1)[0] or "*"


class FetchError(Exception):
    """A fetch that did not produce a usable page; the message is fit to show an admin."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None, bytes_received: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.bytes_received = bytes_received


class RefusedTarget(FetchError):
    """The address is not one we will ever connect to (scheme, port, network)."""


class FetchTimeout(FetchError):
    retryable = True


class DeadlineExceeded(FetchError):
    """The whole exchange ran past the total deadline; retrying would only hold a worker longer."""


class ConnectionFailed(FetchError):
    pass


class HTTPStatusError(FetchError):
    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return self.status is not None and self.status >= 500


class TooManyRedirects(FetchError):
    pass


class TooLarge(FetchError):
    pass


class UnsupportedContent(FetchError):
    pass


class RobotsDisallowed(FetchError):
    """A `before_request` hook refused a URL of the chain because of its site's robots.txt."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message, status=status)
        self.url = url


# Called with each URL just before it is requested (the first and every redirect target, each
# already through `check_target`); it may raise a `FetchError` to stop the fetch there.
BeforeRequest = Callable[[str], None]


@dataclass(frozen=True)
class Deadline:
    """A total time budget on the monotonic clock, shareable between several exchanges."""

    seconds: float  # the budget as configured, for messages
    ends_at: float

    @classmethod
    def start(cls, seconds: float) -> Deadline:
        return cls(seconds, time.monotonic() + seconds)

    def remaining(self) -> float:
        return self.ends_at - time.monotonic()

    def capped(self, seconds: float) -> Deadline:
        """This deadline, or one `seconds` from now if that comes first."""
        own = time.monotonic() + seconds
        return self if self.ends_at <= own else Deadline(seconds, own)


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content: bytes
    media_type: str
    extension: str
    elapsed: float
    redirects: tuple[str, ...] = field(default=())

    @property
    def filename(self) -> str:
        return f"policy.{self.extension}"


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    reason: str
    status: int | None = None
    # robots.txt answered 5xx or could not be fetched at all: worth one more try in a run.
    unreadable: bool = False


# --- the address guard ------------------------------------------------------------------------

# inet_aton accepts "2130706433", "0177.0.0.1", "0x7f.1" and friends; nobody publishes a policy
# at such an address, so any numeric spelling other than a plain dotted quad is refused outright.
_NUMERIC_LABEL = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)", re.I)


def forbidden_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool = False) -> str | None:
    """Why we refuse to connect to `ip`, or None when it is an ordinary public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return forbidden_address(ip.ipv4_mapped, allow_loopback)
        if ip.sixtofour is not None and forbidden_address(ip.sixtofour):
            return "a 6to4 address wrapping a private one"
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address"
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "a site-local address"
    if ip.is_private:
        return "a private-network address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved address"
    if any(ip in net for net in EXTRA_BLOCKED_NET_RANGES if net.version == ip.version):
        return "a reserved address"
    return None


def check_target(url: str, allow_loopback: bool = False) -> str:
    """Refuse URLs we never fetch, before any lookup; returns the URL with its host lower-cased."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise RefusedTarget("The address is not a valid URL.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise RefusedTarget("Only http:// and https:// addresses can be fetched.")
    if parts.username is not None or parts.password is not None:
        raise RefusedTarget("Addresses with a user name or password in them are not fetched.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise RefusedTarget("The address has no host name.")
    literal = _ip_literal(host)
    if literal is None and all(_NUMERIC_LABEL.fullmatch(label) for label in host.split(".")):
        raise RefusedTarget("Numeric host names other than a plain IP address are not fetched.")
    if literal is None and host.split(".")[-1].isdigit():
        raise RefusedTarget("Numeric host names other than a plain IP address are not fetched.")
    if literal is not None:
        reason = forbidden_address(literal, allow_loopback)
        if reason:
            raise RefusedTarget(f"The address is {reason}; Fineprint only fetches public web sites.")
    # A test server listens on a random port on 127.0.0.1; nothing else may use other ports.
    test_server = allow_loopback and literal is not None and literal.is_loopback
    if port is not None and port not in ALLOWED_PORTS and not test_server:
        raise RefusedTarget("Only the standard web ports (80 and 443) can be fetched.")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


# --- the deadline watchdog --------------------------------------------------------------------


_CLOCK_SLACK = 0.01  # seconds; socket timeouts round up to the millisecond


class _Watchdog:
    """Shuts every socket of one fetch at the deadline, ending any read blocked on it."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(deadline.remaining(), 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.deadline.remaining()

    def expired(self) -> bool:
        # Socket timeouts are capped at the time left, so when the deadline binds a socket
        # timeout and this watchdog go off together; whichever wins, it is the deadline, and
        # reporting it as a (retryable) timeout would depend on a race.
        return self.fired or self.remaining() <= _CLOCK_SLACK

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    # The plain socket method, also on a TLS socket: it wakes a blocked recv without touching
    # the TLS object the reading thread is using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_WATCHDOG: contextvars.ContextVar[_Watchdog | None] = contextvars.ContextVar("fetch_watchdog", default=None)


def _register(sock: socket.socket) -> None:
    watchdog = _WATCHDOG.get()
    if watchdog is not None:
        watchdog.register(sock)


class _HTTPConnection(urllib3.connection.HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _register(sock)
        return sock


class _HTTPSConnection(urllib3.connection.HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _register(sock)
        return sock

    def connect(self) -> None:
        super().connect()
        if self.sock is not None:
            _register(self.sock)  # the TLS wrapper detached the plain socket registered above


class _HTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection  # type: ignore[assignment]


class _GuardedAdapter(IPFilterAdapter):
    """requests-hardened's pinning adapter, with the lookup bounded and our own check of the pinned address."""

    def __init__(self, *, is_https_proto: bool, allow_loopback: bool, connect_timeout: float) -> None:
        super().__init__(is_https_proto=is_https_proto, allow_loopback=allow_loopback)
        self._connect_timeout = connect_timeout

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def build_connection_pool_key_attributes(self, request, verify, cert=None):  # type: ignore[no-untyped-def]
        # The parent resolves the host (its one lookup, whose answer is pinned) and fills in the
        # Host header and TLS names; only the lookup can block, but it is the whole call that
        # runs bounded, so the pinned answer and the headers always come from the same run.
        resolve = super().build_connection_pool_key_attributes
        host_params, pool_kwargs = _bounded_lookup(lambda: resolve(request, verify, cert), self._connect_timeout)
        pinned = ipaddress.ip_address(host_params["host"].strip("[]"))
        reason = forbidden_address(pinned, self._allow_loopback)
        if reason:
            raise RefusedTarget(f"The host resolves to {reason}; Fineprint only fetches public web sites.")
        return host_params, pool_kwargs


def _bounded_lookup[T](lookup: Callable[[], T], connect_timeout: float) -> T:
    """Run `lookup` (a name resolution) in a helper thread and wait no longer than allowed.

    getaddrinfo has no timeout and cannot be interrupted, so a resolver that never answers would
    hold the worker past any deadline. The helper is a daemon thread: abandoning it costs one idle
    thread until the system resolver gives up by itself, never the worker or the interpreter's exit.
    """
    watchdog = _WATCHDOG.get()
    remaining = watchdog.remaining() if watchdog is not None else connect_timeout
    wait = min(connect_timeout, remaining)
    if wait <= 0 and watchdog is not None:
        raise _deadline(watchdog.deadline)
    outcome: list[tuple[bool, Any]] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append((True, lookup()))
        except BaseException as exc:  # handed to the waiting thread, which raises it
            outcome.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=run, name="fineprint-resolve", daemon=True).start()
    if not done.wait(max(wait, 0.0)):
        if watchdog is not None and remaining <= connect_timeout:
            raise DeadlineExceeded(
                f"The site's name could not be looked up within the {watchdog.deadline.seconds:g}-second limit."
            )
        raise FetchTimeout("The site's name could not be looked up in time (DNS lookup timed out).")
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value


def _session(config: FetchConfig) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies or netrc from the environment: the guard must see the real target
    session.verify = config.ca_bundle or True
    for scheme, is_https in (("http://", False), ("https://", True)):
        adapter = _GuardedAdapter(
            is_https_proto=is_https, allow_loopback=config.allow_loopback, connect_timeout=config.connect_timeout
        )
        session.mount(scheme, adapter)
    session.headers.clear()
    session.headers.update(
        {
            "User-Agent": config.user_agent,
            "Accept": f"{HTML}, {PLAIN};q=0.9, {MARKDOWN};q=0.9, {PDF};q=0.8, {DOCX};q=0.8",
            "Accept-Encoding": "gzip, deflate",
        }
    )
    return session


# --- the exchange -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: tuple[str, ...]


def _exchange(
    url: str,
    config: FetchConfig,
    deadline: Deadline,
    *,
    max_bytes: int,
    check_type: bool = True,
    before_request: BeforeRequest | None = None,
) -> _Raw:
    """GET `url`, following up to `max_redirects` redirects, each one re-checked."""
    current = check_target(url, config.allow_loopback)
    if deadline.remaining() <= 0:
        raise _deadline(deadline)
    watchdog = _Watchdog(deadline)
    token = _WATCHDOG.set(watchdog)
    session = _session(config)
    redirects: list[str] = []
    received = 0
    try:
        while True:
            if before_request is not None:
                before_request(current)
            response = _send(session, current, config, watchdog)
            location = response.headers.get("Location")
            if response.status_code in REDIRECT_STATUSES and location:
                response.close()
                if len(redirects) >= config.max_redirects:
                    raise TooManyRedirects(f"The page redirected more than {config.max_redirects} times.")
                current = check_target(urljoin(current, location.strip()), config.allow_loopback)
                redirects.append(current)
                continue
            status = response.status_code
            headers = {k.lower(): v for k, v in response.headers.items()}
            if not 200 <= status < 300:
                response.close()  # an error page's body is never used
                return _Raw(current, status, headers, b"", tuple(redirects))
            if check_type:
                _refuse_declared_type(headers)
            body = _read_body(response, max_bytes, watchdog)
            received = len(body)
            return _Raw(current, status, headers, body, tuple(redirects))
    except (DeadlineExceeded, RobotsDisallowed):
        raise  # already say what happened; a robots verdict stays one even if the clock ran out meanwhile
    except FetchError as exc:
        if watchdog.fired:
            raise _deadline(deadline, exc.bytes_received or received) from None
        raise
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        if watchdog.expired():
            raise _deadline(deadline, received) from None
        raise _translate(exc) from exc
    finally:
        watchdog.cancel()
        session.close()
        _WATCHDOG.reset(token)


def _deadline(deadline: Deadline, received: int = 0) -> DeadlineExceeded:
    return DeadlineExceeded(
        f"The server took longer than {deadline.seconds:g} seconds to send the page.", bytes_received=received
    )


def _send(session: requests.Session, url: str, config: FetchConfig, watchdog: _Watchdog) -> requests.Response:
    remaining = watchdog.remaining()
    if remaining <= 0:
        raise _deadline(watchdog.deadline)
    timeout = (min(config.connect_timeout, remaining), min(config.read_timeout, remaining))
    return session.get(url, timeout=timeout, allow_redirects=False, stream=True)


def _translate(exc: BaseException) -> FetchError:
    if isinstance(exc, InvalidIPAddress):
        return RefusedTarget("The host resolves to a private or reserved address; Fineprint only fetches public sites.")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return FetchTimeout("The server did not answer in time (connection timed out).")
    if isinstance(exc, requests.exceptions.ReadTimeout | urllib3.exceptions.ReadTimeoutError | TimeoutError):
        return FetchTimeout("The server stopped sending data (read timed out).")
    if isinstance(exc, requests.exceptions.SSLError):
        return ConnectionFailed("The site's secure connection (TLS certificate) could not be verified.")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return RefusedTarget("The address is not a valid URL.")
    if isinstance(exc, requests.exceptions.ConnectionError) and "resolve" in str(exc).lower():
        return ConnectionFailed("The site's name could not be found (DNS lookup failed).")
    return ConnectionFailed("The connection to the site failed or was cut off.")


def _read_body(response: requests.Response, limit: int, watchdog: _Watchdog) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise TooLarge(f"The page is larger than {limit // (1024 * 1024) or 1} MB.")
    inflater = _Inflater.for_encoding(response.headers.get("Content-Encoding", ""))
    body = bytearray()
    wire = 0
    while True:
        if watchdog.fired or watchdog.remaining() <= 0:
            raise _deadline(watchdog.deadline, len(body))
        chunk = response.raw.read(CHUNK, decode_content=False)
        if not chunk:
            break
        wire += len(chunk)
        if wire > limit:
            raise TooLarge(f"The page is larger than {limit // (1024 * 1024) or 1} MB.", bytes_received=wire)
        try:
            body += inflater.feed(chunk, limit - len(body)) if inflater else chunk
        except TooLarge as exc:
            raise TooLarge(exc.message, bytes_received=wire) from None
        if len(body) > limit:
            raise TooLarge(f"The page is larger than {limit // (1024 * 1024) or 1} MB.", bytes_received=wire)
    if watchdog.fired:
        raise _deadline(watchdog.deadline, len(body))
    if inflater:
        body += inflater.finish(limit - len(body))
    return bytes(body)


class _Inflater:
    """Incremental gzip/deflate decoding that never produces more than the room left."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self._d = zlib.decompressobj(wbits)
        self._started = False

    @classmethod
    def for_encoding(cls, header: str) -> _Inflater | None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip() and c.strip().lower() != "identity"]
        if not codings:
            return None
        if len(codings) == 1 and codings[0] in ("gzip", "x-gzip"):
            return cls(16 + zlib.MAX_WBITS)
        if len(codings) == 1 and codings[0] == "deflate":
            return cls(zlib.MAX_WBITS)
        raise UnsupportedContent(f"The server compressed the page in a way we do not read ({header.strip()}).")

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        while data:
            try:
                piece = self._d.decompress(data, max(room - len(out), 0) + 1)
            except zlib.error:
                if self.wbits == zlib.MAX_WBITS and not self._started:
                    # Some servers send raw deflate without the zlib header.
                    self.wbits, self._d = -zlib.MAX_WBITS, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise UnsupportedContent("The server's compressed data is corrupt.") from None
            self._started = True
            out += piece
            if len(out) > room:
                raise TooLarge("The page is larger than the size limit once decompressed.")
            if self._d.eof:
                data = self._d.unused_data
                if data and self.wbits > 16:  # a further gzip member
                    self._d = zlib.decompressobj(self.wbits)
                    continue
                break
            data = self._d.unconsumed_tail
        return bytes(out)

    def finish(self, room: int) -> bytes:
        rest = self._d.flush()
        if len(rest) > room:
            raise TooLarge("The page is larger than the size limit once decompressed.")
        return rest


# --- content types ----------------------------------------------------------------------------

_HTML_HINT = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|title|meta|div|p|h[1-6]|section|article|main)[\s>/]", re.I
)


def media_type_of(header: str) -> str:
    media_type = header.split(";", 1)[0].strip().lower()
    return MARKDOWN if media_type in _MARKDOWN_ALIASES else media_type


def _refuse_declared_type(headers: dict[str, str]) -> None:
    declared = media_type_of(headers.get("content-type", ""))
    if declared not in ALLOWED_TYPES:
        shown = declared or "no content type"
        raise UnsupportedContent(
            f"The server sent {shown}; Fineprint reads web pages, plain text, Markdown, PDF and Word (.docx) documents."
        )


def sniff(data: bytes) -> str | None:
    """The media type the bytes themselves show, or None for a format we do not read."""
    head = data[:8192]
    # Ingestion's one table of magic bytes decides, as it does for uploads.
    if is_pdf(head):
        return PDF
    if is_zip(head):
        return DOCX if b"word/" in data[:65536] or b"[Content_Types].xml" in head else None
    if binary_kind(head):  # images, archives, programs...
        return None
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return HTML if _HTML_HINT.search(head) else PLAIN


def confirm_type(declared: str, data: bytes) -> str:
    """The media type to treat `data` as, when the declared type and the bytes agree."""
    actual = sniff(data)
    if declared == MARKDOWN and actual == PLAIN:
        return MARKDOWN  # Markdown is text by its bytes: only the server's word tells it apart
    if declared in (HTML, PLAIN) and actual in (HTML, PLAIN):
        return actual
    if declared == actual and actual is not None:
        return actual
    what = {PDF: "a PDF", DOCX: "a Word document", None: "a file of another kind"}.get(actual, "text")
    raise UnsupportedContent(f"The server said the page was {declared} but sent {what}.")


# --- public entry points ----------------------------------------------------------------------


def fetch(
    url: str, config: FetchConfig, *, deadline: Deadline | None = None, before_request: BeforeRequest | None = None
) -> FetchResult:
    """Fetch one policy page; raises a `FetchError` saying why in plain words.

    `deadline` defaults to `config.deadline_seconds` from now; pass a shared one to keep several
    fetches (robots.txt, a retry) inside one budget. `before_request` sees every URL of the
    redirect chain before it is requested.
    """
    started = time.monotonic()
    deadline = deadline or Deadline.start(config.deadline_seconds)
    raw = _exchange(url, config, deadline, max_bytes=config.max_bytes, before_request=before_request)
    if not 200 <= raw.status < 300:
        words = _status_words(raw.status)
        raise HTTPStatusError(f"The server answered HTTP {raw.status} ({words}).", status=raw.status)
    if not raw.body:
        raise UnsupportedContent("The server sent an empty page.", status=raw.status)
    media_type = confirm_type(media_type_of(raw.headers.get("content-type", "")), raw.body)
    return FetchResult(
        url=url,
        final_url=raw.final_url,
        status=raw.status,
        content=raw.body,
        media_type=media_type,
        extension=EXTENSIONS[media_type],
        elapsed=time.monotonic() - started,
        redirects=raw.redirects,
    )


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


@dataclass(frozen=True)
class RobotsRules:
    """One site's robots.txt as read once, answering for any URL of that site.

    Either a fixed verdict (no robots.txt, or one that could not be read) or parsed rules.
    """

    robots_url: str
    token: str
    fixed: RobotsVerdict | None = None
    parsed: Protego | None = None
    status: int | None = None

    @property
    def unreadable(self) -> bool:
        return self.fixed is not None and self.fixed.unreadable

    def verdict(self, url: str) -> RobotsVerdict:
        if self.fixed is not None:
            return self.fixed
        if self.parsed is not None and not self.parsed.can_fetch(url, self.token):
            return RobotsVerdict(False, f"robots.txt does not allow {self.token} to fetch this page.", self.status)
        return RobotsVerdict(True, "robots.txt allows this page.", self.status)


def read_robots(url: str, config: FetchConfig, *, deadline: Deadline | None = None) -> RobotsRules:
    """The robots.txt of `url`'s site: 4xx means allowed, 5xx or unreachable disallowed.

    A refused target raises `RefusedTarget` like `fetch()` would: the page is off limits anyway.
    robots.txt gets at most 15 seconds, and never more than the shared `deadline` has left.
    """
    check_target(url, config.allow_loopback)
    where = robots_url(url)
    own = (deadline or Deadline.start(config.deadline_seconds)).capped(min(config.deadline_seconds, 15.0))
    token = config.robots_token
    try:
        # Sites serve robots.txt with all sorts of content types; it is only ever parsed as text.
        raw = _exchange(where, config, own, max_bytes=ROBOTS_MAX_BYTES, check_type=False)
    except RefusedTarget:
        raise
    except FetchError as exc:
        reason = f"robots.txt could not be read ({exc.message}), so the site is treated as closed."
        return RobotsRules(where, token, fixed=RobotsVerdict(False, reason, unreadable=True))
    if 400 <= raw.status < 500:
        verdict = RobotsVerdict(True, f"The site has no robots.txt (HTTP {raw.status}).", raw.status)
        return RobotsRules(where, token, fixed=verdict, status=raw.status)
    if not 200 <= raw.status < 300:
        reason = f"robots.txt answered HTTP {raw.status}, so the site is treated as closed."
        verdict = RobotsVerdict(False, reason, raw.status, unreadable=raw.status >= 500)
        return RobotsRules(where, token, fixed=verdict, status=raw.status)
    parsed = Protego.parse(raw.body.decode("utf-8", errors="replace"))
    return RobotsRules(where, token, parsed=parsed, status=raw.status)


def fetch_robots(url: str, config: FetchConfig, *, deadline: Deadline | None = None) -> RobotsVerdict:
    """Whether robots.txt lets us fetch `url` (see `read_robots`)."""
    return read_robots(url, config, deadline=deadline).verdict(url)


def _status_words(status: int) -> str:
    words = {
        401: "login required",
        403: "access forbidden",
        404: "page not found",
        410: "page gone",
        429: "too many requests",
        500: "server error",
        502: "bad gateway",
        503: "service unavailable",
        504: "gateway timeout",
    }
    if status in words:
        return words[status]
    return "server error" if status >= 500 else "client error" if status >= 400 else "unexpected status"
