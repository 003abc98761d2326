"""Open whatever SOURCE names: a git clone, a dataset folder or a dataset zip."""

from __future__ import annotations

from pathlib import Path

from policies.ota.dataset import open_dataset
from policies.ota.git import GitSource, is_repository
from policies.ota.records import SourceError


def open_source(path: Path) -> GitSource:
    """A source with `documents()`, `read()`, `link()`, `location` (typed as the git one)."""
    if not path.exists():
        raise SourceError(f"{path} does not exist")
    if is_repository(path):
        return GitSource(path)
    dataset = open_dataset(path)
    if dataset is None:
        raise SourceError(f"{path} is not a git repository, an OTA dataset folder or a dataset .zip")
    return dataset  # type: ignore[return-value]
