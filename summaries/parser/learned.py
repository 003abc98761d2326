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
import zlib
from functools import cache
from pathlib import Path

import numpy as np

from summaries.parser import codes

PRACTICES = codes.PRACTICES
HASH_BITS = 18
WEIGHTS = Path(__file__).resolve().parent / "weights" / "practices.npz"
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


def rule_features(scores: dict[str, float], labels: list[str]) -> np.ndarray:
    """The rule scorer's view of a passage: log-scaled scores, then its labels as 0/1, in `PRACTICES` order."""
    out = np.zeros(RULE_FEATURES, dtype=np.float32)
    for i, code in enumerate(PRACTICES):
        out[i] = math.log1p(max(scores.get(code, 0.0), 0.0))
        out[len(PRACTICES) + i] = code in labels
    return out


class Model:
    """Weights of the ten one-vs-rest logistic models and the per-practice decision thresholds."""

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            if tuple(str(c) for c in data["practices"]) != PRACTICES or int(data["hash_bits"]) != HASH_BITS:
                raise ValueError(f"{path.name} was trained for other practices or features")
            self.words = np.ascontiguousarray(data["words"], dtype=np.float32)  # (2**HASH_BITS, 10)
            self.rules = np.ascontiguousarray(data["rules"], dtype=np.float32)  # (RULE_FEATURES, 10)
            self.bias = np.asarray(data["bias"], dtype=np.float32)
            self.thresholds = np.asarray(data["thresholds"], dtype=np.float32)

    def probabilities(self, buckets: list[int], rules: np.ndarray) -> np.ndarray:
        z = self.bias + rules @ self.rules
        if buckets:
            z = z + self.words[buckets].sum(axis=0) / math.sqrt(len(buckets))
        return 1.0 / (1.0 + np.exp(-z))

    def labels(self, buckets: list[int], rules: np.ndarray) -> list[str]:
        """Practices over their thresholds, most probable first; the most probable one if none is."""
        p = self.probabilities(buckets, rules)
        order = np.argsort(-p, kind="stable")
        chosen = [PRACTICES[i] for i in order if p[i] >= self.thresholds[i]]
        return chosen or [PRACTICES[int(order[0])]]


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
    return loaded.labels(hashed(text, heading), rule_features(scores, rule_labels))
