"""OTA versions repositories read with the `git` command: `SERVICE/TERMS TYPE.md` per document.

The whole history is listed with one `git log` (renames detected), and file contents are read
through one long-running `git cat-file --batch`, so a history of any length costs two processes.
"""

from __future__ import annotations

import contextlib
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from policies.ota.records import Document, Kind, Record, SourceError, kind_of_message

_RECORD_SEP, _FIELD_SEP = "\x1e", "\x1f"
GIT_TIMEOUT = 600


def git(repo: Path, *args: str, timeout: float = GIT_TIMEOUT) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=false", "-C", str(repo), *args],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise SourceError("the git command is not installed") from None
    except subprocess.TimeoutExpired:
        raise SourceError(f"git {args[0]} took longer than {timeout:.0f} s in {repo}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(f"git {args[0]} failed in {repo}: {message[-1] if message else 'no message'}")
    return done.stdout.decode("utf-8", "replace")


def is_repository(path: Path) -> bool:
    if not path.is_dir():
        return False
    try:
        return git(path, "rev-parse", "--git-dir", timeout=30).strip() != ""
    except SourceError:
        return False


class GitSource:
    def __init__(self, path: Path, location: str = "") -> None:
        if not is_repository(path):
            raise SourceError(f"{path} is not a git repository, an OTA dataset folder or a dataset .zip")
        self.path = path
        try:
            self.head = git(path, "rev-parse", "--verify", "HEAD^{commit}", timeout=30).strip()
        except SourceError:
            raise SourceError(f"{path} is a git repository without any commit") from None
        remote = ""
        with contextlib.suppress(SourceError):  # a repository without a remote is known by its path
            remote = git(path, "remote", "get-url", "origin", timeout=30).strip()
        # What the archive knows this repository by: the name `sync_ota` was given, its remote, or its path.
        self.location = location or remote or str(path.resolve())
        self.web_base = web_base(remote)
        self._reader: subprocess.Popen[bytes] | None = None

    def documents(self, terms_type: str) -> list[Document]:
        """Every document of `terms_type`, each with its records oldest first."""
        out = git(
            self.path,
            "log",
            "--reverse",
            "--topo-order",
            "-M",
            "--name-status",
            f"--format={_RECORD_SEP}%H{_FIELD_SEP}%aI{_FIELD_SEP}%s",
        )
        filename = f"{terms_type}.md"
        by_path: dict[str, Document] = {}
        found: list[Document] = []
        for position, chunk in enumerate(out.split(_RECORD_SEP)[1:]):
            head, _, changes = chunk.partition("\n")
            commit, date, subject = head.split(_FIELD_SEP, 2)
            recorded_at = datetime.fromisoformat(date)
            kind = kind_of_message(subject)
            for line in changes.splitlines():
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                status, paths = parts[0], parts[1:]
                service = _service_of(paths[-1], filename)
                if status.startswith("R") and len(paths) == 2:
                    old = by_path.pop(paths[0], None)
                    if service is None:
                        continue
                    document = old or Document()
                    if old is None:
                        found.append(document)
                    document.add_name(service)
                    by_path[paths[1]] = document
                    document.records.append(Record(service, paths[1], recorded_at, kind, commit, position))
                    continue
                if service is None:
                    continue
                document = by_path.get(paths[-1])
                if document is None:
                    document = by_path[paths[-1]] = Document([service])
                    found.append(document)
                record_kind = Kind.DELETED if status == "D" else kind
                document.records.append(Record(service, paths[-1], recorded_at, record_kind, commit, position))
        return found

    def terms_types(self) -> list[str]:
        names = git(self.path, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
        return sorted({Path(n).stem for n in names if n.count("/") == 1 and n.endswith(".md")})

    def read(self, record: Record, max_bytes: int) -> bytes:
        """The file as recorded; raises ValueError (with the reason) when it is too large."""
        if self._reader is None:
            self._reader = subprocess.Popen(
                ["git", "-C", str(self.path), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        assert self._reader.stdin is not None and self._reader.stdout is not None
        self._reader.stdin.write(f"{record.commit}:{record.path}\n".encode())
        self._reader.stdin.flush()
        header = self._reader.stdout.readline().decode("utf-8", "replace").split()
        if len(header) != 3:
            raise ValueError(f"{record.path} is missing from commit {record.commit[:12]}")
        size = int(header[2])
        data = self._reader.stdout.read(size)
        self._reader.stdout.read(1)  # the newline after each object
        if size > max_bytes:
            raise ValueError(f"{record.path} at {record.commit[:12]} is {size / 1024 / 1024:.1f} MB (limit 10 MB)")
        return data

    def link(self, record: Record) -> str:
        if not self.web_base or not record.commit:
            return ""
        return f"{self.web_base}/blob/{record.commit}/{quote(record.path)}"

    def close(self) -> None:
        if self._reader is not None:
            if self._reader.stdin:
                self._reader.stdin.close()
            self._reader.wait(timeout=30)
            self._reader = None


def _service_of(path: str, filename: str) -> str | None:
    service, _, name = path.partition("/")
    return service if name == filename and service else None


def web_base(remote: str) -> str:
    """The browsable base of a GitHub or GitLab remote ("https://github.com/owner/repo"), or ""."""
    if remote.startswith("git@github.com:"):
        remote = "https://github.com/" + remote.removeprefix("git@github.com:")
    if not remote.startswith(("https://github.com/", "https://gitlab.com/")):
        return ""
    return remote.removesuffix("/").removesuffix(".git")
