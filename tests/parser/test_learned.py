"""The learned passage classifier: features, weights file, the setting that switches it on."""

from __future__ import annotations

import numpy as np
import pytest

from summaries.parser import codes, learned
from summaries.parser.practices import classify_practices, practice_scores, rule_practices


@pytest.fixture(autouse=True)
def _setting_read_afresh():
    # The setting is read once per process; each test reads it after setting it.
    learned.enabled.cache_clear()
    yield
    learned.enabled.cache_clear()


PASSAGE = "We keep order records for seven years to meet our tax obligations, then delete them."


def _weights(path, **overrides):
    n = len(codes.PRACTICES)
    arrays = {
        "practices": np.array(codes.PRACTICES),
        "hash_bits": np.array(learned.HASH_BITS),
        "words": np.zeros((1 << learned.HASH_BITS, n), dtype=np.float32),
        "rules": np.zeros((learned.RULE_FEATURES, n), dtype=np.float32),
        "bias": np.zeros(n, dtype=np.float32),
        "thresholds": np.full(n, 0.5, dtype=np.float32),
    }
    arrays.update(overrides)
    np.savez(path, **arrays)
    return path


def test_features_are_deterministic_distinct_and_in_range():
    buckets = learned.hashed(PASSAGE, "Retention")
    assert buckets == learned.hashed(PASSAGE, "Retention") == sorted(set(buckets))
    assert all(0 <= b < 1 << learned.HASH_BITS for b in buckets)
    # Words, word pairs and heading words all count; the heading's words are kept apart from the body's.
    assert len(buckets) > len(learned.hashed(PASSAGE))
    assert learned.hashed("Retention") != learned.hashed("", "Retention")


def test_rule_features_are_log_scores_then_labels():
    features = learned.rule_features({"data_retention": np.e - 1}, ["data_retention"])
    i = codes.PRACTICES.index("data_retention")
    assert features[i] == pytest.approx(1.0)
    assert features[len(codes.PRACTICES) + i] == 1.0
    assert features.sum() == pytest.approx(2.0)


def test_model_picks_practices_over_their_thresholds_or_else_the_most_probable(tmp_path):
    n = len(codes.PRACTICES)
    bias = np.full(n, -5.0, dtype=np.float32)
    bias[codes.PRACTICES.index("data_retention")] = 2.0
    bias[codes.PRACTICES.index("other")] = 1.0
    model = learned.Model(_weights(tmp_path / "w.npz", bias=bias))
    assert model.labels([], np.zeros(learned.RULE_FEATURES, dtype=np.float32)) == ["data_retention", "other"]
    bias[:] = -5.0
    bias[codes.PRACTICES.index("policy_change")] = -1.0
    model = learned.Model(_weights(tmp_path / "w2.npz", bias=bias))
    assert model.labels([], np.zeros(learned.RULE_FEATURES, dtype=np.float32)) == ["policy_change"]


def test_weights_for_other_practices_are_refused(tmp_path):
    with pytest.raises(ValueError, match="other practices or features"):
        learned.Model(_weights(tmp_path / "w.npz", hash_bits=np.array(12)))


def test_the_setting_is_off_by_default_and_rules_label_then(monkeypatch):
    monkeypatch.delenv(learned.SETTING, raising=False)
    learned.enabled.cache_clear()
    assert learned.DEFAULT == "0" and not learned.enabled()
    assert classify_practices(PASSAGE) == rule_practices(PASSAGE)


def test_shipped_weights_load_and_label_with_contract_codes(monkeypatch):
    model = learned.model()
    assert model is not None, "summaries/parser/weights/practices.npz is missing"
    assert learned.WEIGHTS.stat().st_size <= 30 * 1024 * 1024
    monkeypatch.setenv(learned.SETTING, "1")
    learned.enabled.cache_clear()
    assert learned.enabled()
    labels = classify_practices(PASSAGE, "How long we keep your information")
    assert labels and set(labels) <= set(codes.PRACTICES)
    assert labels == classify_practices(PASSAGE, "How long we keep your information")
    direct = learned.learned_practices(PASSAGE, "", practice_scores(PASSAGE), rule_practices(PASSAGE))
    assert direct and set(direct) <= set(codes.PRACTICES)
