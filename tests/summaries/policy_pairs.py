"""Large policy pairs for diff tests and benches, generated (no real policy text)."""

from __future__ import annotations

import random

_WORDS = [
    "we",
    "collect",
    "share",
    "use",
    "keep",
    "your",
    "personal",
    "information",
    "data",
    "with",
    "our",
    "service",
    "providers",
    "partners",
    "affiliates",
    "cookies",
    "account",
    "request",
    "delete",
    "access",
    "opt",
    "out",
    "of",
    "marketing",
    "emails",
    "address",
    "phone",
    "device",
    "location",
    "purchase",
    "history",
    "for",
    "advertising",
    "analytics",
    "security",
    "legal",
    "reasons",
    "when",
    "you",
    "visit",
    "buy",
    "from",
    "us",
    "contact",
]


def sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 24))
    return " ".join(words).capitalize() + "."


def policy(chars: int, seed: int = 400) -> str:
    """About `chars` characters of sentences in paragraphs of 2-6 sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def edited(text: str, share: float, seed: int = 401) -> str:
    """`text` with about `share` of its sentences reworded, dropped or joined by new ones."""
    rng = random.Random(seed)
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        sentences = paragraph.split(". ")
        kept: list[str] = []
        for s in sentences:
            roll = rng.random()
            if roll < share / 3:
                words = s.split(" ")
                words[rng.randrange(len(words))] = rng.choice(_WORDS)
                kept.append(" ".join(words))
            elif roll < 2 * share / 3:
                continue
            elif roll < share:
                kept.extend([s, sentence(rng).rstrip(".")])
            else:
                kept.append(s)
        out.append(". ".join(kept) if kept else paragraph)
    return "\n\n".join(out)


def pair(chars: int = 400_000, share: float = 0.3) -> tuple[str, str]:
    old = policy(chars)
    return old, edited(old, share)


def rewritten_pair(chars: int = 400_000) -> tuple[str, str]:
    """Two unrelated texts of the same size: nothing in common, the diff's worst case."""
    return policy(chars, seed=1), policy(chars, seed=2)
