"""Choosing paragraphs to label: near copies of a paragraph (older versions of a policy) are recognised."""

from __future__ import annotations

from training.candidates import near, shingles


def test_a_reworded_older_version_is_a_near_copy_and_a_different_paragraph_is_not():
    new = shingles("We do not respond to Do Not Track signals sent by your browser at this time.")
    old = shingles("We do not respond to Do Not Track signals sent by your browser.")
    other = shingles("We keep your order records for seven years to meet our tax obligations.")
    assert near(new, old, 0.6)
    assert not near(new, other, 0.6)
    assert not near(frozenset(), frozenset(), 0.6)
