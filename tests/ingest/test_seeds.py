"""The five seed policies (plain text as scraped) come through stable and unchanged in substance."""

from __future__ import annotations

import pytest

from policies.ingest import extract, normalise
from tests.conftest import shared_or_skip


def _seeds():
    return sorted(shared_or_skip("seeds").glob("*.txt"))


def test_every_seed_extracts_to_stable_normalised_text():
    seeds = _seeds()
    assert len(seeds) == 5
    for path in seeds:
        data = path.read_bytes()
        first = extract(data, path.name)
        assert first == extract(data, path.name)
        assert normalise(first.text) == first.text
        assert first.media_type == "text/plain"
        # Nothing of substance is lost: every word of the file is still there, in order.
        assert first.text.split() == normalise(data.decode("utf-8")).split()


def test_seed_with_shop_navigation_keeps_its_lines():
    (path,) = [p for p in _seeds() if p.name.startswith("003_")]
    text = extract(path.read_bytes(), path.name).text
    assert text.startswith("USD:English\nCurrency\nEUR\n")  # plain text is not second-guessed


def test_hidden_addresses_stay_as_the_page_showed_them():
    (path,) = [p for p in _seeds() if p.name.startswith("001_")]
    text = extract(path.read_bytes(), path.name).text
    assert "[email protected]" in text


@pytest.mark.parametrize("prefix", ["004_"])
def test_one_long_paragraph_stays_one_paragraph(prefix):
    (path,) = [p for p in _seeds() if p.name.startswith(prefix)]
    text = extract(path.read_bytes(), path.name).text
    assert max(len(line) for line in text.split("\n")) > 3000
