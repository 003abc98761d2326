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


def test_wordpiece_cuts_words_into_the_longest_vocabulary_pieces():
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "we", "share", "ad", "##vert", "##iser", "##s", ",", "cafe", "."]
    tokenizer = learned.WordPiece(vocab)
    ids = tokenizer.encode("We share Advertisers, café.")
    assert [vocab[i] for i in ids] == ["we", "share", "ad", "##vert", "##iser", "##s", ",", "cafe", "."]
    # A word with no cut into pieces, or an overlong one, is one unknown token; specials wrap a sentence.
    unknown = tokenizer.encode("xyz " + "a" * 101, special=True)
    assert [vocab[i] for i in unknown] == ["[CLS]", "[UNK]", "[UNK]", "[SEP]"]
    assert tokenizer.encode("") == []


@pytest.mark.skipif(not learned.TOKENS.exists(), reason="no distilled table (python -m training.distill)")
def test_distilled_vocabulary_and_token_table_agree():
    table = learned.token_table()
    assert table.shape[0] == len(learned.tokenizer().ids) == 30522
    assert table.dtype == np.float16 and np.isfinite(table.astype(np.float32)).all()
    ids = learned.tokenizer().encode("We share your personal data with advertisers.")
    assert [list(learned.tokenizer().ids)[i] for i in ids[:5]] == ["we", "share", "your", "personal", "data"]


def test_dense_block_is_folded_into_per_token_logits_exactly(tmp_path, monkeypatch):
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "we", "keep", "order", "records", "for", "seven", "years", "."]
    n, dims = len(codes.PRACTICES), 16
    rng = np.random.default_rng(0)
    table = rng.normal(size=(len(vocab), dims)).astype(np.float16)
    monkeypatch.setattr(learned, "token_table", lambda: table)
    monkeypatch.setattr(learned, "tokenizer", lambda: learned.WordPiece(vocab))
    dense = rng.normal(size=(dims, n)).astype(np.float32)
    mean = rng.normal(size=dims).astype(np.float32)
    multiplier = rng.uniform(0.5, 1.5, size=dims).astype(np.float32)
    weights = rng.uniform(0.1, 1.0, size=len(vocab)).astype(np.float32)
    model = learned.Model(
        _weights(tmp_path / "d.npz", dense=dense, dense_mean=mean, dense_multiplier=multiplier, token_weights=weights)
    )
    ids = learned.tokenizer().encode(PASSAGE)
    assert learned.tokenizer().unk in ids and len(ids) > 5
    rules = np.zeros(learned.RULE_FEATURES, dtype=np.float32)
    vector = learned.pooled(ids, table, weights)
    expected = 1 / (1 + np.exp(-(((vector - mean) * multiplier) @ dense)))
    assert model.probabilities([], rules, ids) == pytest.approx(expected, rel=1e-3, abs=1e-4)
    assert model.classify(PASSAGE, "", {}, []) == model.labels(learned.hashed(PASSAGE), rules, ids)
