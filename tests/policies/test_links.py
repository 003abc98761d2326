"""`slug_path` gives what `reverse()` gives, for every slug and script prefix."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from policies.links import slug_path


@pytest.mark.parametrize("name", ["company", "history", "diff", "report", "api-card", "feed-company"])
@pytest.mark.parametrize("slug", ["juniper", "bench-000001", "a_b-C9", "slug-stand-in-3f9c2e"])
@pytest.mark.parametrize("prefix", ["/", "/shop/"])
def test_slug_path_is_reverse(name, slug, prefix):
    set_script_prefix(prefix)
    try:
        assert slug_path(name, slug) == reverse(name, args=[slug])
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize("slug", ["", "two words", "ünï", "a/b", "a?b"])
def test_a_slug_the_converter_refuses_fails_as_reverse_fails(slug):
    with pytest.raises(NoReverseMatch):
        reverse("company", args=[slug])
    with pytest.raises(NoReverseMatch):
        slug_path("company", slug)
