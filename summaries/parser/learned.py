"""Practice labels from a learned model: hashed word n-grams plus the rule scores, one logistic model per practice.

Inference is numpy only. The weights (`weights/practices.npz`, see `weights/NOTICE.md` for provenance and licence)
are trained by `python -m training.train` and loaded once per process. The rules stay where they are needed:
evidence offsets, negation and card fields; this module only decides which practices a passage is about.

Features, shared with training so both read a passage the same way:
- every distinct lower-case word and word pair of the passage, and every word of its heading (marked apart),
  hashed (CRC-32) into `2**HASH_BITS` buckets; binary, scaled to unit length so long and short passages compare;
- the rule scorer's ten practice scores (log-scaled) and its ten labels (0/1).
"""

from __future__ import annotations

import itertools
import math
import os
import re
import unicodedata
import zlib
from functools import cache
from pathlib import Path

import numpy as np

from summaries.parser import codes

PRACTICES = codes.PRACTICES
HASH_BITS = 18
WEIGHTS = Path(__file__).resolve().parent / "weights" / "practices.npz"
# The static token table distilled from all-MiniLM-L6-v2 (`training/distill.py`) and its WordPiece vocabulary.
TOKENS = WEIGHTS.parent / "tokens.npz"
VOCAB = WEIGHTS.parent / "minilm-vocab.txt"
RULE_FEATURES = 2 * len(PRACTICES)
# Off unless switched on: on OPP-115 passages the model does not yet beat the rules (see weights/NOTICE.md).
SETTING = "FINEPRINT_LEARNED_PRACTICES"
DEFAULT = "0"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_MASK = (1 << HASH_BITS) - 1


def hashed(text: str, heading: str = "") -> list[int]:
    """The distinct hash buckets of a passage's words, word pairs and heading words, sorted."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    grams = set(words)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    grams.update("h:" + w for w in _WORD.findall(heading.lower()))
    return sorted({zlib.crc32(g.encode()) & _MASK for g in grams})


_PIECES = re.compile(r"[^\W_]+|\S")
_CACHE_LIMIT = 200_000


class WordPiece:
    """BERT's uncased tokenizer (basic split, then greedy longest-match WordPiece), in plain Python.

    Lower-cases, strips accents (NFD, combining marks dropped), splits runs of letters and digits from every other
    non-space character, then cuts each word into the longest vocabulary pieces (`##` marks a continuation); a word
    with no such cut, or longer than 100 characters, is `[UNK]`. Simplified from BERT's basic tokenizer in that any
    non-alphanumeric character stands alone (BERT keeps symbols such as `©` attached); CJK text is not split per
    character. Words are cached, so running text costs a dict look-up per word.
    """

    def __init__(self, vocab: list[str]) -> None:
        self.ids = {token: i for i, token in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls, self.sep = self.ids["[CLS]"], self.ids["[SEP]"]
        self._cache: dict[str, tuple[int, ...]] = {}

    def word(self, word: str) -> tuple[int, ...]:
        found = self._cache.get(word)
        if found is not None:
            return found
        pieces: list[int] = []
        start = 0
        while start < len(word) and len(word) <= 100:
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    break
                end -= 1
            else:
                pieces.clear()
                break
            pieces.append(self.ids[piece])
            start = end
        pieces = pieces or [self.unk]
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = found = tuple(pieces)
        return found

    def encode(self, text: str, special: bool = False) -> list[int]:
        text = text.lower()
        if not text.isascii():
            text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        out = [self.cls] if special else []
        for w in _PIECES.findall(text):
            out.extend(self.word(w))
        if special:
            out.append(self.sep)
        return out


def pooled(ids: list[int], table: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The weighted mean of a passage's token vectors (zeros for a passage without tokens), float32."""
    if not ids:
        return np.zeros(table.shape[1], dtype=np.float32)
    w = weights[ids]
    total = float(w.sum())
    return (w @ table[ids].astype(np.float32)) / (total if total > 0 else 1.0)


def rule_features(scores: dict[str, float], labels: list[str]) -> np.ndarray:
    """The rule scorer's view of a passage: log-scaled scores, then its labels as 0/1, in `PRACTICES` order."""
    out = np.zeros(RULE_FEATURES, dtype=np.float32)
    for i, code in enumerate(PRACTICES):
        out[i] = math.log1p(max(scores.get(code, 0.0), 0.0))
        out[len(PRACTICES) + i] = code in labels
    return out


class Model:
    """Weights of the ten one-vs-rest logistic models and the per-practice decision thresholds.

    A model trained with the static token vectors also carries `dense` (dims x 10) and what makes its block
    (`token_weights`, `dense_mean`, `dense_multiplier`). The dense block is linear in the token vectors, so it is
    folded once at load into ten logits per vocabulary token (`token_logits`) and a bias shift: a passage then costs a
    weighted mean of ten numbers per token, exactly what the full (vector - mean) * multiplier @ dense gives.
    """

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            if tuple(str(c) for c in data["practices"]) != PRACTICES or int(data["hash_bits"]) != HASH_BITS:
                raise ValueError(f"{path.name} was trained for other practices or features")
            self.words = np.ascontiguousarray(data["words"], dtype=np.float32)  # (2**HASH_BITS, 10)
            self.rules = np.ascontiguousarray(data["rules"], dtype=np.float32)  # (RULE_FEATURES, 10)
            self.bias = np.asarray(data["bias"], dtype=np.float32)
            self.thresholds = np.asarray(data["thresholds"], dtype=np.float32)
            self.token_logits: np.ndarray | None = None
            if "dense" in data.files:
                coef = data["dense"].astype(np.float64) * data["dense_multiplier"].astype(np.float64)[:, None]
                self.bias = (self.bias - data["dense_mean"].astype(np.float64) @ coef).astype(np.float32)
                self.token_logits = (token_table().astype(np.float64) @ coef).astype(np.float32)  # (vocab, 10)
                self.token_weights = np.asarray(data["token_weights"], dtype=np.float32)

    def probabilities(self, buckets: list[int], rules: np.ndarray, ids: list[int] | None = None) -> np.ndarray:
        z = self.bias + rules @ self.rules
        if buckets:
            z = z + self.words[buckets].sum(axis=0) / math.sqrt(len(buckets))
        if self.token_logits is not None and ids:
            z = z + pooled(ids, self.token_logits, self.token_weights)
        return 1.0 / (1.0 + np.exp(-z))

    def labels(self, buckets: list[int], rules: np.ndarray, ids: list[int] | None = None) -> list[str]:
        """Practices over their thresholds, most probable first; the most probable one if none is."""
        p = self.probabilities(buckets, rules, ids)
        order = np.argsort(-p, kind="stable")
        chosen = [PRACTICES[i] for i in order if p[i] >= self.thresholds[i]]
        return chosen or [PRACTICES[int(order[0])]]

    def classify(self, text: str, heading: str, scores: dict[str, float], rule_labels: list[str]) -> list[str]:
        """The labels of one passage from its text and heading and the rule scorer's view of it."""
        ids = tokenizer().encode(text) if self.token_logits is not None else None
        return self.labels(hashed(text, heading), rule_features(scores, rule_labels), ids)


@cache
def tokenizer() -> WordPiece:
    """all-MiniLM-L6-v2's WordPiece vocabulary (`weights/minilm-vocab.txt`), loaded once per process."""
    return WordPiece(VOCAB.read_text(encoding="utf-8").splitlines())


@cache
def token_table() -> np.ndarray:
    """The distilled static token vectors (vocabulary x dims, float16), loaded once per process."""
    with np.load(TOKENS, allow_pickle=False) as data:
        return np.ascontiguousarray(data["vectors"])


@cache
def enabled() -> bool:
    """Whether passage labels come from the model: the `FINEPRINT_LEARNED_PRACTICES` setting, read once per process."""
    on = os.environ.get(SETTING, DEFAULT).strip().lower() in ("1", "true", "yes", "on")
    return on and model() is not None


@cache
def model() -> Model | None:
    """The shipped model, loaded once per process; None where the weights file is absent."""
    return Model(WEIGHTS) if WEIGHTS.exists() else None


def learned_practices(text: str, heading: str, scores: dict[str, float], rule_labels: list[str]) -> list[str] | None:
    """The model's practice labels for a passage, or None where no model is installed."""
    loaded = model()
    if loaded is None:
        return None
    return loaded.classify(text, heading, scores, rule_labels)
