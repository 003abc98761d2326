"""Builds the browser tests' data through the real path: ingest, record (which parses), store the card."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from unittest import mock

from policies.ingest import from_text
from policies.models import Company, PolicyVersion, Sector
from summaries import parser
from summaries.recording import record_version
from tests.browser import policy_texts

_real_summarize = parser.summarize


@functools.cache
def _card_for(text: str) -> dict:
    return _real_summarize(text)


def _summarize_once(text: str) -> dict:
    """The parser's own card, computed once per text per session: every test rebuilds the same data."""
    return copy.deepcopy(_card_for(text))


@dataclass(frozen=True)
class Catalogue:
    quiet_quill: Company
    bargain_barn: Company
    fresh_fig: Company
    lumen_lamps: Company
    lumen_versions: list[PolicyVersion]

    @property
    def companies(self) -> list[Company]:
        return [self.quiet_quill, self.bargain_barn, self.fresh_fig, self.lumen_lamps]

    @property
    def names_by_name(self) -> list[str]:
        return sorted(c.name for c in self.companies)


def _record(company: Company, text: str, captured: datetime) -> PolicyVersion:
    # Captured dates are fixed so "recently updated" sorting has a known answer.
    with (
        mock.patch("django.utils.timezone.now", return_value=captured),
        mock.patch("summaries.recording.summarize", _summarize_once),
    ):
        version, created = record_version(company, from_text(text), original=text.encode())
    assert created, f"{company.name}: the text was not recorded as a new version"
    return version


def build_catalogue() -> Catalogue:
    """Four fictional retailers with contrasting practices; Lumen Lamps has three versions."""
    quiet = Company.objects.create(
        name="Quiet Quill Stationery", slug="quiet-quill", sector=Sector.BOOKS, website="https://quietquill.example"
    )
    bargain = Company.objects.create(
        name="Bargain Barn", slug="bargain-barn", sector=Sector.GENERAL, aliases="BB Discount\nbargainbarn.example"
    )
    fig = Company.objects.create(name="Fresh Fig Grocers", slug="fresh-fig", sector=Sector.FOOD)
    lumen = Company.objects.create(name="Lumen Lamps", slug="lumen-lamps", sector=Sector.HOME_GOODS)

    _record(fig, policy_texts.FRESH_FIG, datetime(2024, 6, 1, 9, tzinfo=UTC))
    _record(bargain, policy_texts.BARGAIN_BARN, datetime(2025, 1, 15, 9, tzinfo=UTC))
    _record(quiet, policy_texts.QUIET_QUILL, datetime(2025, 3, 1, 9, tzinfo=UTC))
    dates = [datetime(y, m, 1, 9, tzinfo=UTC) for y, m in ((2024, 2), (2024, 9), (2025, 4))]
    lumen_versions = [_record(lumen, text, when) for text, when in zip(policy_texts.LUMEN_LAMPS, dates, strict=True)]
    return Catalogue(quiet, bargain, fig, lumen, lumen_versions)


def add_fillers(count: int) -> list[Company]:
    """Companies with a policy but no card yet (only companies with a version are listed), named to
    sort after the catalogue: enough to need a second page."""
    from tests.pages.factories import add_version

    fillers = []
    for n in range(1, count + 1):
        filler = Company.objects.create(
            name=f"Zephyr Filler {n:02d}", slug=f"zephyr-filler-{n:02d}", sector=Sector.OTHER
        )
        add_version(filler, f"Filler {n}: we collect your e-mail address.")
        fillers.append(filler)
    return fillers
