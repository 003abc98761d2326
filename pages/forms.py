"""Query strings through Django forms, read leniently: a bad value is dropped with a note, never an error."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC
from urllib.parse import urlencode

from django import forms
from django.utils import timezone

from policies.models import Sector
from reviews.forms import MAX_FACT_KEY

API_PAGE = 100
API_MAX_PAGE = 500
MAX_QUERY_CHARS = 100
MAX_COMPARE = 4
MIN_COMPARE = 2

SELLS_CHOICES = [
    ("", "Any"),
    ("no", "Says it does not sell"),
    ("yes", "Sells or shares data"),
    ("not_stated", "Does not say"),
]

GRADE_CHOICES = [("", "Any grade"), *((g, f"Grade {g}") for g in "ABCDE"), ("none", "Not enough information")]

SORT_CHOICES = [
    ("name", "Name, A to Z"),
    ("grade", "Best grade first"),
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
    grade: str = ""
    sort: str = "name"
    page: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.sells or self.no_ads or self.deletion or self.gpc or self.sector or self.grade)

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
        if state.grade:
            pairs.append(("grade", state.grade))
        if state.sort != "name":
            pairs.append(("sort", state.sort))
        if state.page != 1:
            pairs.append(("page", str(state.page)))
        return ("?" + urlencode(pairs)) if pairs else "?"


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The search text, squeezed and cut to a sane length; the flag says it was cut."""
    text = " ".join((raw or "").split())
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS].rstrip(), True
    return text, False


def parse_span(raw: str | None, text_length: int) -> tuple[int, int] | None:
    """`"12-40"` to (12, 40) when it is a non-empty span inside the text, else None."""
    match = re.fullmatch(r"\s*(\d{1,9})\s*-\s*(\d{1,9})\s*", raw or "")
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if 0 <= start < end <= text_length:
        return start, end
    return None


def parse_slugs(values: list[str]) -> list[str]:
    """Slugs from `?c=a,b&c=c`, in order, without duplicates or blanks."""
    seen: list[str] = []
    for value in values:
        for part in value.split(","):
            slug = part.strip().lower()[:200]
            if slug and slug not in seen:
                seen.append(slug)
    return seen


class QueryField(forms.CharField):
    """Search text squeezed to single spaces; cutting it to length is the form's job (with a note)."""

    def to_python(self, value: object) -> str:
        return " ".join(str(value or "").split())


class FlagField(forms.BooleanField):
    """A filter switched on by a checkbox or a hand-written `1`, `on`, `true` or `yes`."""

    widget = forms.HiddenInput

    def to_python(self, value: object) -> bool:
        return str(value or "").lower() in ("1", "on", "true", "yes")


class BrowseFiltersForm(forms.Form):
    """The browse page's query string. Lenient: a bad value falls back to its default, and each
    field's error message is the friendly note the page shows about it."""

    q = QueryField(required=False)
    sells = forms.ChoiceField(
        choices=SELLS_CHOICES,
        required=False,
        error_messages={"invalid_choice": "We ignored an unknown “sells data” filter."},
    )
    no_ads = FlagField(required=False)
    deletion = FlagField(required=False)
    gpc = FlagField(required=False)
    sector = forms.ChoiceField(required=False, error_messages={"invalid_choice": "We ignored an unknown sector."})
    grade = forms.ChoiceField(
        choices=GRADE_CHOICES,
        required=False,
        error_messages={"invalid_choice": "We ignored an unknown grade filter."},
    )
    sort = forms.ChoiceField(
        choices=[("", ""), *SORT_CHOICES],
        required=False,
        error_messages={"invalid_choice": "We ignored an unknown sort order and sorted by name."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=999_999_999,
        error_messages={
            key: "That page number didn't make sense, so here is the first page."
            for key in ("invalid", "min_value", "max_value")
        },
    )

    def __init__(self, data: Mapping[str, str], sectors: Iterable[str]) -> None:
        super().__init__(data)
        self.fields["sector"].choices = [("", ""), *((value, value) for value in sectors)]

    def params(self) -> BrowseParams:
        """The state to show: valid values, defaults for the rest, and a note for each dropped value."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
        params = BrowseParams(
            sells=data.get("sells") or "",
            no_ads=bool(data.get("no_ads")),
            deletion=bool(data.get("deletion")),
            gpc=bool(data.get("gpc")),
            sector=data.get("sector") or "",
            grade=data.get("grade") or "",
            sort=data.get("sort") or "name",
            page=data.get("page") or 1,
        )
        params.q, cut = clean_query(data.get("q"))
        if cut:
            params.notes.append(f"Your search was very long, so we used its first {MAX_QUERY_CHARS} characters.")
        params.notes += [message for name in self.fields for message in self.errors.get(name, [])]
        return params


def parse_browse(get: Mapping[str, str], sectors: Iterable[str]) -> BrowseParams:
    return BrowseFiltersForm(get, sectors).params()


class SlugListField(forms.Field):
    """Company slugs from repeated or comma-separated `?c=` values."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: object) -> list[str]:
        return parse_slugs([str(v) for v in value or []])  # type: ignore[attr-defined]


class CompareForm(forms.Form):
    """The compare page's query string: the chosen slugs and the "add a company" text."""

    c = SlugListField(required=False)
    add = QueryField(required=False)

    def clean_add(self) -> str:
        return clean_query(self.cleaned_data.get("add"))[0]


class VersionPairForm(forms.Form):
    """The diff page's `?a=&b=`: version numbers of this policy; an unknown one is dropped with a note."""

    a = forms.IntegerField(required=False)
    b = forms.IntegerField(required=False)

    def __init__(self, data: Mapping[str, str], known: set[int]) -> None:
        super().__init__(data)
        self.known = known

    def _known(self, name: str) -> int | None:
        value = self.cleaned_data.get(name)
        if value is not None and value not in self.known:
            raise forms.ValidationError("unknown version", code="unknown")
        return value

    def clean_a(self) -> int | None:
        return self._known("a")

    def clean_b(self) -> int | None:
        return self._known("b")

    def pair(self) -> tuple[int | None, int | None, list[str]]:
        """The valid numbers (None where missing or dropped) and a note for each dropped one."""
        self.is_valid()
        notes = [
            f"There is no version “{str(self.data.get(name, ''))[:20]}” of this policy, so we picked one for you."
            for name in ("a", "b")
            if name in self.errors
        ]
        a, b = (None if name in self.errors else self.cleaned_data.get(name) for name in ("a", "b"))
        return a, b, notes


class HighlightForm(forms.Form):
    """The version page's `?hl=start-end`: a span inside the text, or nothing (and a note)."""

    hl = forms.CharField(required=False, strip=False)

    def __init__(self, data: Mapping[str, str], text_length: int) -> None:
        super().__init__(data)
        self.text_length = text_length

    def clean_hl(self) -> tuple[int, int] | None:
        raw = self.cleaned_data.get("hl")
        span = parse_span(raw, self.text_length)
        if raw and span is None:
            raise forms.ValidationError("That highlight is not a passage of this version.", code="bad_span")
        return span

    def span(self) -> tuple[int, int] | None:
        return self.cleaned_data.get("hl") if self.is_valid() else None


class ReportQueryForm(forms.Form):
    """The report page's query string: `?fact=KEY` (the fact the visitor came from) and `?sent=1` after a report.

    The fact is kept as asked for (cut to a fact key's length) so the page can name it; the report
    form itself only takes it while the fact is on the card (`reviews.forms.ReportForm`).
    """

    fact = forms.CharField(required=False, strip=False)
    sent = FlagField(required=False)

    def clean_fact(self) -> str:
        return self.cleaned_data["fact"][:MAX_FACT_KEY]


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
