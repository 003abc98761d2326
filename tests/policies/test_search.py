"""Company search: names, aliases, slugs and domains, from an index kept in sync with the companies."""

from __future__ import annotations

import pytest
from django.db import connection

from policies.models import Company

pytestmark = pytest.mark.django_db


@pytest.fixture
def shops(db):
    Company.objects.create(name="Juniper Hardware", slug="juniper", website="https://juniper.example")
    Company.objects.create(name="Acorn Pantry", slug="acorn-pantry", aliases="Acorn Foods\nacornfoods.example")
    Company.objects.bulk_create([Company(name="Birch Goods", slug="birch-goods")])  # no save(): triggers keep up


def names(text: str) -> list[str]:
    return sorted(Company.objects.search(text).values_list("name", flat=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("juniper", ["Juniper Hardware"]),
        ("HARDWARE", ["Juniper Hardware"]),
        ("rdwa", ["Juniper Hardware"]),  # a substring, as before the index
        ("acorn foods", ["Acorn Pantry"]),  # an alias
        ("acornfoods.example", ["Acorn Pantry"]),  # a domain
        ("juniper.example", ["Juniper Hardware"]),
        ("birch goods", ["Birch Goods"]),
        ("ju", ["Juniper Hardware"]),  # shorter than a trigram: the start of a name
        ("rd", []),  # ... and only the start
        ('quote" OR name', []),  # FTS syntax in the text is just text
        ("nowhere", []),
    ],
)
def test_finds_by_name_alias_slug_and_domain(shops, text, expected):
    assert names(text) == expected


def test_renames_and_deletions_reach_the_index(shops):
    birch = Company.objects.get(slug="birch-goods")
    birch.name = "Cedar Goods"
    birch.save()
    assert names("cedar") == ["Cedar Goods"] and names("birch") == ["Cedar Goods"]  # the slug is unchanged
    birch.delete()
    assert names("cedar") == []


def test_postgresql_forgives_a_typo(shops):
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's")
    assert names("Junipre Hardware") == ["Juniper Hardware"]
