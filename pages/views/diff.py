"""What changed between two versions: card-level changes first, then the text.

Two adjacent versions show the changes stored with the newer card when it was recorded; only
other pairs (unbounded in number) compare their cards here.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from pages.forms import VersionPairForm
from pages.views.limits import over_limit, too_many
from pages.views.render import render_page
from policies.models import Company, PolicyVersion
from summaries.changes import CHANGES_VERSION, card_changes
from summaries.models import Summary
from summaries.textdiff import ALGORITHM, TextDiff, text_diff

# Versions never change, so a pair's diff is good until the algorithm changes (part of the key).
DIFF_CACHE_SECONDS = 7 * 24 * 3600


def default_pair(sequences: list[tuple[int, bool]]) -> tuple[int, int] | None:
    """The last real policy change and the version before it; re-extractions are skipped.

    `sequences` is (sequence, extractor_change) in ascending order.
    """
    if len(sequences) < 2:
        return None
    real = [seq for seq, extractor in sequences[1:] if not extractor]
    newer = real[-1] if real else sequences[-1][0]
    older = max(seq for seq, _ in sequences if seq < newer)
    return older, newer


def text_diff_for(company: Company, a: int, b: int) -> tuple[PolicyVersion, PolicyVersion, TextDiff]:
    """The pair and its text diff, computed once per pair and then served from the cache.

    The texts (the heavy part of a version row) are read only when the diff is not cached; the
    cached entry carries both versions' hashes, so it can never describe other texts.
    """
    key = f"textdiff:{ALGORITHM}:{company.pk}:{a}:{b}"
    cached = cache.get(key)
    versions = PolicyVersion.objects.filter(company=company, sequence__in=[a, b])
    pair = {v.sequence: v for v in (versions.defer("text") if cached else versions)}
    old, new = pair[a], pair[b]
    if cached and cached[:2] == (old.sha256, new.sha256):
        return old, new, cached[2]
    found = text_diff(old.text, new.text)
    cache.set(key, (old.sha256, new.sha256, found), DIFF_CACHE_SECONDS)
    return old, new, found


def card_changes_for(old: PolicyVersion, new: PolicyVersion) -> tuple[bool, list]:
    """Whether both versions have cards, and what changed on them (stored for adjacent versions)."""
    cards = Summary.objects.newest_by_version([old, new]).values()
    if len(cards) < 2:
        return False, []
    stored = next(s for s in cards if s.version_id == new.pk)
    if new.sequence == old.sequence + 1 and stored.changes is not None and stored.changes_version == CHANGES_VERSION:
        return True, stored.changes
    old_card = next(s.card for s in cards if s.version_id == old.pk)
    return True, card_changes(old_card, stored.card, old.text, new.text)


@require_safe
def diff(request: HttpRequest, slug: str) -> HttpResponse:
    if over_limit(request, "diff"):
        return too_many(request)
    company = get_object_or_404(Company.objects.public(), slug=slug)
    sequences = list(
        PolicyVersion.objects.filter(company=company).order_by("sequence").values_list("sequence", "extractor_change")
    )
    known = {seq for seq, _ in sequences}
    a, b, notes = VersionPairForm(request.GET, known).pair()
    pair = default_pair(sequences)
    if pair and (a is None or b is None):
        if a is None and b is None:
            a, b = pair
        elif a is None:
            a = max((s for s in known if s < b), default=None) or pair[0]  # type: ignore[operator]
        else:
            b = max(known)
    if a is not None and b is not None and a == b:
        notes.append("Those are the same version; pick two different ones to see what changed.")
    if a is not None and b is not None and a > b:
        a, b = b, a
        notes.append("We put the older version first.")

    old = new = None
    has_cards = False
    changes = []
    text_diff = None
    if a is not None and b is not None and a != b:
        old, new, text_diff = text_diff_for(company, a, b)
        has_cards, changes = card_changes_for(old, new)
    between = [seq for seq, extractor in sequences if a is not None and b is not None and a < seq <= b]
    extractor_only = bool(between) and all(extractor for seq, extractor in sequences if seq in between)
    context = {
        "page_title": f"{company.name}: what changed",
        "company": company,
        "sequences": sequences,
        "a": a,
        "b": b,
        "old": old,
        "new": new,
        "changes": changes,
        "has_cards": has_cards,
        "text_diff": text_diff,
        "notes": notes,
        "extractor_only": extractor_only,
    }
    return render_page(request, "pages/diff.html", context)
