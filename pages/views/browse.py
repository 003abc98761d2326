"""Browse: every company with its key badges, searchable, filterable and sortable."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from pages.forms import FLAG_FILTERS, GRADE_CHOICES, SELLS_CHOICES, SORT_CHOICES, BrowseFiltersForm, BrowseParams
from pages.views.limits import over_limit, too_many
from pages.views.render import render_page
from policies.models import SHORT_SEARCH, Company, CompanyTally, Sector

PER_PAGE = 20
# From this many rows in, a page reads its keys first (see `CountedPaginator._slice`).
DEFERRED_FROM = 200

ORDERINGS = {
    "name": ["name", "pk"],
    "name_desc": ["-name", "-pk"],
    # The public grade is a column of the company row (indexed with the name); no grade sorts last.
    "grade": [F("grade").asc(nulls_last=True), "name", "pk"],
    # Exactly the columns and NULL placement of company_public_updated_idx / _oldest_idx.
    "recent": [F("last_updated").desc(nulls_last=True), "name", "pk"],
    "oldest": [F("last_updated").asc(nulls_last=True), "name", "pk"],
}


def unindexed(name: str) -> Coalesce:
    """The column `name` as an expression no index is on (COALESCE(x, x) is x).

    A search finds its few matches through the search indexes. Ordered by a plain column, the page
    also matches a browse index's order, and PostgreSQL may walk that index instead, testing every
    public row against the search until it has a page: it guesses the search matches more rows than
    it does. Sorting by an expression leaves it one plan, find then sort (at 100,000 companies the
    page of a search matching 1,000: 1.8 s walking the name index, 0.09 s found then sorted; a
    search matching most rows loses a little: 24 -> 109 ms for one matching 1 in 100).
    """
    return Coalesce(F(name), F(name))


# Only the leading key needs hiding: an index whose first column is not the sort's cannot order it.
SEARCH_ORDERINGS = {
    "name": [unindexed("name"), "pk"],
    "name_desc": [unindexed("name").desc(), "-pk"],
    "grade": [unindexed("grade").asc(nulls_last=True), "name", "pk"],
    "recent": [unindexed("last_updated").desc(nulls_last=True), "name", "pk"],
    "oldest": [unindexed("last_updated").asc(nulls_last=True), "name", "pk"],
}


def browse_companies(params: BrowseParams, *, near: bool = True) -> QuerySet[Company]:
    """The public companies the browse page lists for `params`, in its order (not yet paged).

    `near=False` leaves out the names a typo away from the search (see `browse_paginator`).
    """
    qs = Company.objects.public()
    if params.q:
        qs = qs.search(params.q, near=near)
    if params.sells:
        qs = qs.filter(badge_sells=params.sells)
    if params.no_ads:
        qs = qs.filter(badge_ads=False)
    if params.deletion:
        qs = qs.filter(badge_deletion=True)
    if params.gpc:
        qs = qs.filter(badge_gpc=True)
    if params.sector:
        qs = qs.filter(sector=params.sector)
    if params.grade:
        graded = None if params.grade == "none" else params.grade
        # A held card has no public grade and no badges, so it never counts as graded or thin.
        qs = qs.filter(grade=graded, badge_sells__isnull=False)
    return qs.order_by(*(SEARCH_ORDERINGS if params.q else ORDERINGS)[params.sort])


def browse_count(params: BrowseParams) -> int:
    """How many companies the filters select, from the tally (no search: a search counts its matches)."""
    grade: str | None = params.grade
    if params.grade == "none":
        grade = None
    return CompanyTally.objects.public_count(
        sells=params.sells,
        no_ads=params.no_ads,
        deletion=params.deletion,
        gpc=params.gpc,
        sector=params.sector,
        grade=grade,
    )


class CountedPaginator(Paginator):
    """A paginator told its count (no COUNT query) that reads a page past the middle from the end.

    An OFFSET page makes the database step over every row before it; counted from the nearer
    end, in the reverse order (every browse order ends with the primary key, so it is total and
    the reverse is exact), no page steps over more than half the rows, and the last pages, which
    the page links offer, are as cheap as the first. `rows` are a page's rows already read (a
    search reads its first page and its count in one query).
    """

    def __init__(self, object_list: QuerySet[Company], per_page: int, count: int, rows=None) -> None:
        super().__init__(object_list, per_page)
        self._count = count
        self._rows = rows or {}

    @staticmethod
    def _slice(ordered: QuerySet[Company], start: int, stop: int) -> list[Company]:
        """Rows `start:stop` of `ordered`; past the first pages, their keys first, from the index alone.

        Stepping over rows inside a browse index that holds every filtered column reads no table row
        (PostgreSQL fetches each row it steps over from the table otherwise: page 2,500 in 100,000,
        ~80 ms); then only the page's rows are read, by key.
        """
        if start < DEFERRED_FROM:
            return list(ordered[start:stop])
        keys = list(ordered.values_list("pk", flat=True)[start:stop])
        found = Company.objects.in_bulk(keys)  # by key alone: the filters could lead to another index
        return [found[key] for key in keys if key in found]

    @cached_property
    def count(self) -> int:
        return self._count

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if number in self._rows:
            rows = self._rows[number]
        elif top <= bottom:
            rows = []
        elif bottom > self.count - top:
            rows = self._slice(self.object_list.reverse(), self.count - top, self.count - bottom)[::-1]
        else:
            rows = self._slice(self.object_list, bottom, top)
        return self._get_page(rows, number, self)


def browse_paginator(params: BrowseParams, qs: QuerySet[Company]) -> CountedPaginator:
    """The browse pages of `qs`, counted without a COUNT of every public company.

    Filters alone are counted by the tally. A search counts its matches in its page query
    (`COUNT(*) OVER ()`: the matches are all found and sorted for the page anyway); only a page
    past the last match costs a separate count. On PostgreSQL a search first looks for the text
    itself (in names, aliases, slugs, websites, whole words); only when nothing has it are names a
    typo away its results, so the costly similarity search runs only for the searches that need it.
    """
    if not params.q:
        return CountedPaginator(qs, PER_PAGE, browse_count(params))
    searches = [qs]
    if connection.vendor == "postgresql" and len(params.q) >= SHORT_SEARCH:
        searches.insert(0, browse_companies(params, near=False))
    bottom = (params.page - 1) * PER_PAGE
    for found in searches:
        rows = list(found.annotate(matches=Window(Count("*")))[bottom : bottom + PER_PAGE])
        if rows:
            return CountedPaginator(found, PER_PAGE, rows[0].matches, rows={params.page: rows})
        if params.page > 1 and (matches := found.count()):
            return CountedPaginator(found, PER_PAGE, matches)  # past the last page: the paginator goes back
    return CountedPaginator(qs, PER_PAGE, 0)


@require_safe
def browse(request: HttpRequest) -> HttpResponse:
    params = BrowseFiltersForm(request.GET, Sector.values).params()
    if params.q and over_limit(request, "search"):
        return too_many(request)
    qs = browse_companies(params)

    paginator = browse_paginator(params, qs)
    page = paginator.get_page(params.page)
    if page.number != params.page:
        params.notes.append(f"There is no page {params.page}; here is the last page, {page.number}.")
        params.page = page.number
    sector_labels = dict(Sector.choices)
    companies = list(page.object_list)
    for company in companies:
        company.sector_label = sector_labels.get(company.sector, company.sector)

    context = {
        "page_title": "Browse companies",
        "params": params,
        "page": page,
        "companies": companies,
        "sells_choices": SELLS_CHOICES,
        "grade_choices": GRADE_CHOICES,
        "sort_choices": SORT_CHOICES,
        "flag_filters": [(name, text, getattr(params, name)) for name, text in FLAG_FILTERS],
        "sectors": Sector.choices,
        "page_links": [
            (n, params.query(page=n) if isinstance(n, int) else "")
            for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ],
        "prev_link": params.query(page=page.number - 1) if page.has_previous() else "",
        "next_link": params.query(page=page.number + 1) if page.has_next() else "",
    }
    response = render_page(request, "pages/browse.html", context, fragments={"results": "results"})
    if getattr(request, "htmx", None):
        # The address bar shows the tidy state (no empty fields), and a corrected page number.
        query = params.query()
        response["HX-Push-Url"] = reverse("browse") + (query if query != "?" else "")
    return response
