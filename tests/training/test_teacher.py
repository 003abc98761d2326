"""The teacher check's helpers: texts keyed without holding them, and a linear student that fits its targets."""

from __future__ import annotations

import numpy as np

from training import teacher


def test_text_key_is_a_stable_digest_of_the_text():
    assert teacher.text_key("We keep your data.") == teacher.text_key("We keep your data.")
    assert teacher.text_key("We keep your data.") != teacher.text_key("We sell your data.")
    assert len(teacher.text_key("x")) == 16


def test_the_student_maps_hashed_rows_to_targets_it_can_represent():
    texts = ["we keep your data for two years", "we sell your data to advertisers", "you can opt out of emails"]
    rows = teacher.hashed_rows(texts)
    assert np.allclose(np.asarray(rows.multiply(rows).sum(axis=1)).ravel(), 1.0)
    targets = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]])
    w, b = teacher.fit_student(rows, targets, alpha=1e-6)
    assert np.allclose(rows @ w + b, targets, atol=1e-2)
