"""OTA datasets: `SERVICE/TERMS TYPE/YYYY-MM-DDTHH-MM-SSZ.md`, as a folder or as a .zip.

A zip is checked whole before anything is read: every name must be relative and stay inside
the archive (no "../", no absolute or drive paths), and the declared sizes must be sane, both
per file and in total, and in their ratio to the compressed size (a zip bomb is refused before
a byte is inflated). Reading still stops at the declared size, should an entry lie about it.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from policies.ota.records import Document, Kind, Record, SourceError

MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 200  # Markdown compresses about 4-10x; hundreds of times is a bomb
_STAMP = "%Y-%m-%dT%H-%M-%SZ"


def _recorded_at(stem: str) -> datetime | None:
    try:
        return datetime.strptime(stem, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


class Dataset:
    location = ""
    web_base = ""

    def _names(self) -> list[str]:
        raise NotImplementedError

    def documents(self, terms_type: str) -> list[Document]:
        by_service: dict[str, Document] = {}
        for name in self._names():
            parts = PurePosixPath(name).parts
            if len(parts) != 3 or parts[1] != terms_type or not parts[2].endswith(".md"):
                continue
            recorded_at = _recorded_at(parts[2].removesuffix(".md"))
            if recorded_at is None:
                continue
            document = by_service.setdefault(parts[0], Document([parts[0]]))
            document.records.append(Record(parts[0], name, recorded_at, Kind.RECORD))
        for document in by_service.values():
            document.records.sort(key=lambda r: r.recorded_at)
        return list(by_service.values())

    def terms_types(self) -> list[str]:
        return sorted({PurePosixPath(n).parts[1] for n in self._names() if len(PurePosixPath(n).parts) == 3})

    def link(self, record: Record) -> str:
        """The document's history in the versions repository the dataset was published from,
        up to this record (whose commit a dataset does not name); "" when that repository is
        not known (the stored dataset path is then the only pointer to the original)."""
        if not self.web_base:
            return ""
        service, terms = PurePosixPath(record.path).parts[:2]
        until = f"{record.recorded_at:%Y-%m-%dT%H:%M:%SZ}"
        return f"{self.web_base}/commits/HEAD/{quote(f'{service}/{terms}.md')}?until={until}"

    def close(self) -> None:
        pass


class FolderDataset(Dataset):
    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.location = str(self.path)

    def _names(self) -> list[str]:
        return [p.relative_to(self.path).as_posix() for p in self.path.glob("*/*/*.md") if p.is_file()]

    def read(self, record: Record, max_bytes: int) -> bytes:
        file = self.path / record.path
        size = file.stat().st_size
        if size > max_bytes:
            raise ValueError(f"{record.path} is {size / 1024 / 1024:.1f} MB (limit 10 MB)")
        return file.read_bytes()


class ZipDataset(Dataset):
    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.location = str(self.path)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise SourceError(f"{path} is not a readable zip file ({exc})") from None
        self._entries = {info.filename: info for info in self.zip.infolist() if not info.is_dir()}
        _check_zip(path, list(self._entries.values()))

    def _names(self) -> list[str]:
        return list(self._entries)

    def read(self, record: Record, max_bytes: int) -> bytes:
        info = self._entries[record.path]
        if info.file_size > max_bytes:
            raise ValueError(f"{record.path} is {info.file_size / 1024 / 1024:.1f} MB (limit 10 MB)")
        with self.zip.open(info) as member:
            data = member.read(max_bytes + 1)
        if len(data) > info.file_size or len(data) > max_bytes:
            raise ValueError(f"{record.path} holds more than its declared size")
        return data

    def close(self) -> None:
        self.zip.close()


def _check_zip(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in entries:
        name = info.filename
        pure = PurePosixPath(name.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
            raise SourceError(f"{path} is refused: its entry {name!r} points outside the archive")
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            ratio = info.file_size // info.compress_size
            raise SourceError(f"{path} is refused: {name!r} inflates {ratio}x (a zip bomb)")
    if total > MAX_TOTAL_BYTES:
        raise SourceError(f"{path} is refused: it would inflate to {total / 1024**3:.1f} GB")


def open_dataset(path: Path) -> Dataset | None:
    if path.is_file() and path.suffix.lower() == ".zip":
        return ZipDataset(path)
    if path.is_file() and zipfile.is_zipfile(path):
        return ZipDataset(path)
    if path.is_dir() and any(path.glob("*/*/*.md")):
        return FolderDataset(path)
    return None
