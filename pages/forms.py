"""The browse page's query string, read leniently: a bad value is dropped with a note, never an error."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC
from urllib.parse import urlencode

from django import forms
from django.utils import timezone

from pages import lib
from policies.models import Sector

API_PAGE = 100
API_MAX_PAGE = 500

SELLS_CHOICES = [
    ("", "Any"),
    ("no", "Says it does not sell"),
    ("yes", "Sells or shares data"),
    ("not_stated", "Does not say"),
]

SORT_CHOICES = [
    ("name", "Name, A to Z"),
    ("name_desc", "Name, Z to A"),
    ("recent", "Recently updated first"),
    ("oldest", "Least recently updated first"),
]

FLAG_FILTERS = [
    ("no_ads", "Doesn't share with advertisers"),
    ("deletion", "Lets you delete your data"),
    ("gpc", "Honours Global Privacy Control"),
]


@dataclass
class BrowseParams:
    q: str = ""
    sells: str = ""
    no_ads: bool = False
    deletion: bool = False
    gpc: bool = False
    sector: str = ""
    sort: str = "name"
    page: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.sells or self.no_ads or self.deletion or self.gpc or self.sector)

    def query(self, **changes: object) -> str:
        """This state as a query string (defaults left out), with `changes` applied."""
        state = replace(self, **changes)  # type: ignore[arg-type]
        pairs: list[tuple[str, str]] = []
        if state.q:
            pairs.append(("q", state.q))
        if state.sells:
            pairs.append(("sells", state.sells))
        for name, _ in FLAG_FILTERS:
            if getattr(state, name):
                pairs.append((name, "1"))
        if state.sector:
            pairs.append(("sector", state.sector))
        if state.sort != "name":
            pairs.append(("sort", state.sort))
        if state.page != 1:
            pairs.append(("page", str(state.page)))
        return ("?" + urlencode(pairs)) if pairs else "?"


def parse_browse(get: Mapping[str, str], sectors: set[str]) -> BrowseParams:
    params = BrowseParams()
    params.q, cut = lib.clean_query(get.get("q"))
    if cut:
        params.notes.append(f"Your search was very long, so we used its first {lib.MAX_QUERY_CHARS} characters.")
    sells = get.get("sells", "")
    if sells in dict(SELLS_CHOICES):
        params.sells = sells
    else:
        params.notes.append("We ignored an unknown “sells data” filter.")
    for name, _ in FLAG_FILTERS:
        setattr(params, name, get.get(name, "") in ("1", "on", "true", "yes"))
    sector = get.get("sector", "")
    if not sector or sector in sectors:
        params.sector = sector
    else:
        params.notes.append("We ignored an unknown sector.")
    sort = get.get("sort", "") or "name"
    if sort in dict(SORT_CHOICES):
        params.sort = sort
    else:
        params.notes.append("We ignored an unknown sort order and sorted by name.")
    raw_page = get.get("page")
    page = lib.parse_int(raw_page)
    if raw_page not in (None, "") and (page is None or page < 1):
        params.notes.append("That page number didn't make sense, so here is the first page.")
    params.page = page if page and page >= 1 else 1
    return params


class CompanyListForm(forms.Form):
    """`/api/companies.json`'s query string: filters, `updated_since`, a page size and a cursor."""

    limit = forms.IntegerField(required=False, min_value=1, max_value=API_MAX_PAGE)
    cursor = forms.CharField(required=False, max_length=400)
    updated_since = forms.DateTimeField(required=False)
    sells = forms.ChoiceField(required=False, choices=[c for c in SELLS_CHOICES if c[0]])
    sector = forms.ChoiceField(required=False, choices=Sector.choices)
    no_ads = forms.BooleanField(required=False)
    deletion = forms.BooleanField(required=False)
    gpc = forms.BooleanField(required=False)

    def clean_cursor(self) -> tuple[str, int] | None:
        raw = self.cleaned_data.get("cursor")
        if not raw:
            return None
        try:
            name, pk = json.loads(base64.urlsafe_b64decode(raw.encode() + b"==="))
            return str(name), int(pk)
        except (ValueError, TypeError, binascii.Error):
            raise forms.ValidationError("This cursor was not made by this API; start again without it.") from None

    def clean_updated_since(self):
        value = self.cleaned_data.get("updated_since")
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value, UTC)
        return value


def make_cursor(name: str, pk: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([name, pk]).encode()).decode().rstrip("=")
