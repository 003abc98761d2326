"""Helpers for the browser tests: what the browser reported, axe-core, screenshots.

Kept apart from conftest.py so test modules can import them. Playwright is imported lazily
only if present; the `chromium` fixture decides whether to skip.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `chromium` fixture skips (or fails under CI) before any test uses it
    expect = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}

# Runs in every page before the site's own scripts. Init scripts go through the DevTools
# protocol, so the page's CSP cannot block this listener; it reports through a binding.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__fineprintCsp({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});
"""


def browser_required() -> bool:
    return os.environ.get("FINEPRINT_REQUIRE_BROWSER", "") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip with `reason`, or fail loudly when CI requires the browser tests to run."""
    if browser_required():
        pytest.fail(f"{reason} (FINEPRINT_REQUIRE_BROWSER=1 requires them)", pytrace=False)
    pytest.skip(reason)


@dataclass
class BrowserLog:
    """Everything a page complained about: CSP violations, console errors, uncaught exceptions."""

    csp: list[dict[str, Any]] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Console errors matching these are expected (a deliberate 404's "Failed to load resource").
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def on_console(self, message: Any) -> None:
        text = message.text
        if "Content Security Policy" in text:
            loc = message.location or {}
            where = f"{loc.get('url')}:{loc.get('lineNumber')}:{loc.get('columnNumber')}"
            self.csp.append({"console": text[:160], "at": where})
        elif message.type == "error":
            where = (message.location or {}).get("url", "")
            self.console.append(f"{text} [{where}]" if where else text)

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def problems(self) -> list[str]:
        found = [f"CSP violation: {json.dumps(v, sort_keys=True)}" for v in self.csp]
        found += [f"console error: {c}" for c in self.console if not any(p.search(c) for p in self.allowed)]
        found += [f"uncaught exception: {e}" for e in self.errors]
        return found

    def assert_clean(self, where: str = "") -> None:
        problems = self.problems()
        assert not problems, f"the browser reported problems{' on ' + where if where else ''}:\n" + "\n".join(
            f"  - {p}" for p in problems
        )


def attach_log(context: Any, page: Any) -> BrowserLog:
    log = BrowserLog()
    # Chromium asks for /favicon.ico at some moment of its choosing, so its 404 would make the
    # checks flaky; test_site_icon checks the site's icon deterministically instead.
    log.allow(r"/favicon\.ico\]$")
    context.expose_binding("__fineprintCsp", lambda _source, payload: log.csp.append(payload))
    context.add_init_script(CSP_LISTENER)
    page.on("console", log.on_console)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    return log


def axe_source() -> str:
    if not AXE_JS.exists():
        skip_or_fail(f"axe-core not found at {AXE_JS} (run `make test` or `npm install`): accessibility checks skipped")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; return the violations of the given impacts.

    The source is evaluated through the DevTools protocol, which the page's CSP does not
    govern, so the check runs in the same normal context as the CSP check.
    """
    page.evaluate(axe_source())
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


def assert_accessible(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core found serious or critical problems on {where}:\n" + describe_violations(
        violations
    )


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ (gitignored) for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    path = SCREENSHOTS / f"{safe}.png"
    # caret="initial": hiding the caret leaves style="" on the focused field, which htmx then
    # copies during a swap and the CSP (rightly) blocks; the screenshot must not change the page.
    page.screenshot(path=str(path), full_page=True, caret="initial")
    return path


HTMX_BUSY = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"


def wait_for_htmx_idle(page: Any) -> None:
    """Wait until htmx has no request in flight and has finished settling the last swap.

    New content is only wired up (boosted, given its triggers) when it settles; a key pressed
    on a link before then is an ordinary page load, not the htmx swap a test means to check.
    """
    page.wait_for_function(f"() => !document.querySelector({HTMX_BUSY!r})")
