"""Checking one watched URL: fetch it safely, extract the text, record a version if it changed.

A failed check never touches the archive: versions are only written through `record_version`,
and only after a page was fetched and extracted in full.

One check has one network budget, `FetchConfig.deadline_seconds` (30 s): robots.txt of every
site in the redirect chain, the page, and the retry all draw on the same `Deadline`, so a check
can never hold a worker (or an admin request) for longer than that on the network.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from policies.archive import text_sha256
from policies.fetch import (
    EXTENSIONS,
    MARKDOWN,
    PLAIN,
    Deadline,
    FetchConfig,
    FetchError,
    FetchResult,
    RefusedTarget,
    RobotsDisallowed,
    RobotsRules,
    check_target,
    fetch,
    read_robots,
    robots_url,
    sniff,
)
from policies.ingest import EXTRACTOR_VERSION, Extracted, IngestError
from policies.models import PolicyVersion, Source
from policies.sandbox import run_limited
from summaries.recording import record_version
from watch.models import FAILURES_BEFORE_INACCESSIBLE, CheckAttempt, Outcome, Status, Trigger, WatchedURL
from watch.selectors import SelectorError, trim_and_extract

logger = logging.getLogger(__name__)

# While a check runs its URL is pushed this far ahead, so other workers skip it; if the worker
# dies the URL falls due again after the lease instead of waiting a whole interval. A check is
# bounded well inside it: 30 s of network, two sandboxed extractions of at most 20 s each (the
# page and, on a change, the previous snapshot) and the parser. The lease is renewed when the
# page has arrived, and a check that still overran it is abandoned without recording anything.
LEASE = timedelta(minutes=10)

# A retry with less time than this left on the check's deadline is not made: it could not
# finish a connection and a page, and would only swap the real error for a deadline one.
RETRY_MIN_SECONDS = 1.0


@dataclass(frozen=True)
class CheckResult:
    attempt: CheckAttempt
    version: PolicyVersion | None
    message: str

    @property
    def outcome(self) -> str:
        return self.attempt.outcome


@dataclass(frozen=True)
class _Done:
    outcome: str
    version: PolicyVersion | None = None
    error: str = ""
    http_status: int | None = None
    bytes_received: int | None = None
    final_url: str = ""
    tries: int = 1
    robots_overridden: bool = False

    @property
    def succeeded(self) -> bool:
        return self.outcome not in (Outcome.FAILED, Outcome.ROBOTS)


def fetch_config() -> FetchConfig:
    return FetchConfig.from_settings(settings)


def due(now=None, company_slug: str | None = None) -> QuerySet[WatchedURL]:
    urls = WatchedURL.objects.filter(active=True, next_check_at__lte=now or timezone.now())
    if company_slug:
        urls = urls.filter(company__slug=company_slug)
    return urls.select_related("company").order_by("next_check_at", "pk")


def claim(watched_url_id: int, now=None) -> bool:
    """Take a due URL for this worker; of several racing workers exactly one wins."""
    now = now or timezone.now()
    taken = WatchedURL.objects.filter(pk=watched_url_id, active=True, next_check_at__lte=now).update(
        next_check_at=now + LEASE
    )
    return taken == 1


def run_check(
    watched_url_id: int, *, trigger: str = Trigger.SCHEDULE, force: bool = False, config: FetchConfig | None = None
) -> CheckResult | None:
    """Check one URL by id; None when it is not due (or another worker has it) and not forced."""
    if not force and not claim(watched_url_id):
        return None
    watched = WatchedURL.objects.select_related("company").filter(pk=watched_url_id).first()
    if watched is None:
        return None
    return check(watched, trigger=trigger, config=config)


def check(watched: WatchedURL, *, trigger: str = Trigger.SCHEDULE, config: FetchConfig | None = None) -> CheckResult:
    started_at = timezone.now()
    clock = time.monotonic()
    try:
        done = _attempt(watched, config or fetch_config())
    except Exception as exc:  # a bug must not leave the URL stuck or hide from the history
        logger.exception("check of %s failed unexpectedly", watched.url)
        done = _Done(Outcome.FAILED, error=f"Unexpected error while checking: {type(exc).__name__}.")
    duration_ms = int((time.monotonic() - clock) * 1000)
    attempt = _finish(watched, done, started_at=started_at, duration_ms=duration_ms, trigger=trigger)
    return CheckResult(attempt=attempt, version=done.version, message=describe(attempt))


def describe(attempt: CheckAttempt) -> str:
    """The result in plain words, for admin messages and the command's output."""
    version = attempt.version
    if attempt.outcome == Outcome.NEW_VERSION and version:
        return f"New version {version.sequence} recorded."
    if attempt.outcome == Outcome.EXTRACTOR_CHANGE and version:
        return (
            f"Version {version.sequence} recorded, but the text changed only because Fineprint's text "
            "extraction changed, not the site; shoppers see no change."
        )
    if attempt.outcome == Outcome.UNCHANGED:
        return f"Unchanged since version {version.sequence}." if version else "Unchanged."
    if attempt.outcome == Outcome.ROBOTS:
        return f"Not fetched: {attempt.error}"
    return f"The check failed: {attempt.error}"


# --- one attempt ------------------------------------------------------------------------------


def _attempt(watched: WatchedURL, config: FetchConfig) -> _Done:
    deadline = Deadline.start(config.deadline_seconds)
    robots = _RobotsGate(watched, config, deadline)
    tries = 0
    while True:
        tries += 1
        try:
            page = fetch(watched.url, config, deadline=deadline, before_request=robots.check)
            break
        except RobotsDisallowed as exc:
            return _Done(
                Outcome.ROBOTS,
                error=exc.message,
                http_status=exc.status,
                final_url=exc.url if robots.is_redirect(exc.url) else "",
                tries=tries,
                robots_overridden=robots.overridden,
            )
        except FetchError as exc:
            # Timeouts and 5xx get one more try per run, but only inside the same deadline.
            if exc.retryable and tries < 2 and deadline.remaining() >= RETRY_MIN_SECONDS:
                continue
            return _Done(
                Outcome.FAILED,
                error=exc.message,
                http_status=exc.status,
                bytes_received=exc.bytes_received,
                tries=tries,
                robots_overridden=robots.overridden,
            )
    renew_lease(watched)
    leased_at = time.monotonic()
    seen = {
        "http_status": page.status,
        "bytes_received": len(page.content),
        "final_url": page.final_url,
        "tries": tries,
        "robots_overridden": robots.overridden,
    }
    try:
        extracted = extract_page(page.content, watched, page.media_type)
    except (IngestError, SelectorError) as exc:
        return _Done(Outcome.FAILED, error=f"The page could not be read as a policy: {exc}", **seen)
    if time.monotonic() - leased_at > LEASE.total_seconds():
        # Another worker may already have claimed the URL again: leave the archive to it.
        return _Done(Outcome.FAILED, error=OVERRAN, **seen)
    version, outcome = _record(watched, extracted, page)
    return _Done(outcome, version=version, **seen)


OVERRAN = "The check took longer than its lease and was abandoned; nothing was recorded."


def renew_lease(watched: WatchedURL) -> None:
    """Push the URL a full lease ahead again (only if it is still ours: not yet rescheduled)."""
    now = timezone.now()
    WatchedURL.objects.filter(pk=watched.pk, next_check_at__gt=now).update(next_check_at=now + LEASE)


class _RobotsGate:
    """robots.txt for every URL a check requests: the watched URL and each redirect target.

    Each site's robots.txt is read once per check (through the same safe path, same rules: 4xx
    allows, 5xx or unreachable disallows after one more try) and then answers for every URL of
    that site, including the page's own retry. The URL's admin override applies to every site
    of the chain, and each URL it lets through is logged.
    """

    def __init__(self, watched: WatchedURL, config: FetchConfig, deadline: Deadline) -> None:
        self.watched = watched
        self.config = config
        self.deadline = deadline
        self.overridden = False
        self._sites: dict[str, RobotsRules] = {}
        self._logged: set[str] = set()
        # The form fetch() hands to the hook (host lower-cased, no fragment), to tell the watched
        # URL from a redirect target; a refused URL never reaches the hook, so None is harmless.
        try:
            self._start: str | None = check_target(watched.url, config.allow_loopback)
        except RefusedTarget:
            self._start = None

    def is_redirect(self, url: str) -> bool:
        return url != self._start

    def check(self, url: str) -> None:
        site = robots_url(url)
        rules = self._sites.get(site)
        if rules is None:
            rules = self._sites[site] = self._read(url)
        verdict = rules.verdict(url)
        if verdict.allowed:
            return
        reason = verdict.reason
        if self.is_redirect(url):
            reason = f"{reason.removesuffix('.')} (at {url}, where the page redirected)."
        if not self.watched.ignore_robots:
            raise RobotsDisallowed(reason, url=url, status=verdict.status)
        self.overridden = True
        if url not in self._logged:
            self._logged.add(url)
            logger.warning("robots.txt override used for %s (company %s): %s", url, self.watched.company.slug, reason)

    def _read(self, url: str) -> RobotsRules:
        rules = read_robots(url, self.config, deadline=self.deadline)
        if rules.unreadable and self.deadline.remaining() >= RETRY_MIN_SECONDS:
            rules = read_robots(url, self.config, deadline=self.deadline)  # timeouts and 5xx: one more try
        return rules


def extract_page(content: bytes, watched: WatchedURL, media_type: str = "") -> Extracted:
    """Selectors (HTML only), then the extractor: the same steps for a new page and an old snapshot.

    `media_type` is what the server said (or what was stored with the snapshot); only Markdown
    needs it, since its bytes look like plain text.
    """
    kind = MARKDOWN if media_type == MARKDOWN and sniff(content) == PLAIN else sniff(content)
    extension = EXTENSIONS.get(kind or "", "txt")
    remove = tuple(watched.remove_selector_list)
    return run_limited(trim_and_extract, content, extension, watched.keep_selector, remove)


def _record(watched: WatchedURL, extracted: Extracted, page: FetchResult) -> tuple[PolicyVersion, str]:
    company = watched.company
    sha = text_sha256(extracted.text)
    versions = PolicyVersion.objects.filter(company=company).order_by("-sequence")
    # Compared with this URL's own latest version first: a company watched at two URLs must not
    # record a "new" version each time the checks alternate between them.
    previous = versions.filter(source_url=watched.url).first() or versions.first()
    if previous is not None and previous.sha256 == sha:
        return previous, Outcome.UNCHANGED
    extractor_change = previous is not None and _reextracts_to(previous, extracted.text, watched)
    version, created = record_version(
        company,
        extracted,
        original=page.content,
        source=Source.URL,
        source_url=watched.url,
        extractor_version=EXTRACTOR_VERSION,
        extractor_change=extractor_change,
    )
    if not created:
        return version, Outcome.UNCHANGED
    return version, Outcome.EXTRACTOR_CHANGE if extractor_change else Outcome.NEW_VERSION


def _reextracts_to(previous: PolicyVersion, text: str, watched: WatchedURL) -> bool:
    """Whether today's extractor turns the previous snapshot into `text`: then only we changed."""
    if not previous.original:
        return False
    try:
        with previous.original.open("rb") as snapshot:
            data = snapshot.read()
        return extract_page(data, watched, previous.media_type).text == text
    except (OSError, ValueError):  # a missing or unreadable snapshot proves nothing
        return False


def _finish(watched: WatchedURL, done: _Done, *, started_at, duration_ms: int, trigger: str) -> CheckAttempt:
    with transaction.atomic():
        row = WatchedURL.objects.select_for_update().get(pk=watched.pk)
        now = timezone.now()
        if done.succeeded:
            row.consecutive_failures = 0
            row.status = Status.OK
            row.last_error = ""
        else:
            row.consecutive_failures += 1
            if row.consecutive_failures >= FAILURES_BEFORE_INACCESSIBLE:
                row.status = Status.INACCESSIBLE
            row.last_error = done.error
        row.last_checked_at = now
        row.next_check_at = now + row.interval
        row.save(update_fields=["consecutive_failures", "status", "last_error", "last_checked_at", "next_check_at"])
        attempt = CheckAttempt.objects.create(
            watched_url=row,
            started_at=started_at,
            duration_ms=duration_ms,
            trigger=trigger,
            outcome=done.outcome,
            http_status=done.http_status,
            bytes_received=done.bytes_received,
            final_url=done.final_url[:2000],
            tries=done.tries,
            robots_overridden=done.robots_overridden,
            error=done.error,
            version=done.version,
        )
    for field in ("consecutive_failures", "status", "last_error", "last_checked_at", "next_check_at"):
        setattr(watched, field, getattr(row, field))
    return attempt
