"""OTA-shaped fixtures built on the spot: git repositories with OTA commit messages, datasets.

The texts are written here (short, invented policies); no OTA text is in the project.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

BODY = "We are {name}. We collect your e-mail address to send your orders."


def policy(name: str, revision: int, extra: str = "") -> str:
    return (
        f"# {name} Privacy Policy\n\n_Last updated: revision {revision}_\n\n"
        f"{BODY.format(name=name)}\n\n## Your choices\n\n"
        f"* You can [opt out of marketing](https://{name.lower()}.example/optout).\n"
        f"* Write to **privacy@{name.lower()}.example**.\n{extra}"
    )


class Repo:
    """A git repository written commit by commit, OTA style."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.clock = 1_600_000_000
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "OTA-Bot",
            "GIT_AUTHOR_EMAIL": "bot@ota.example",
            "GIT_COMMITTER_NAME": "OTA-Bot",
            "GIT_COMMITTER_EMAIL": "bot@ota.example",
            "GIT_AUTHOR_DATE": f"{self.clock} +0000",
            "GIT_COMMITTER_DATE": f"{self.clock} +0000",
        }
        done = subprocess.run(["git", "-C", str(self.path), *args], env=env, capture_output=True, check=True)
        return done.stdout.decode()

    def commit(self, message: str, files: dict[str, str | bytes | None], days: int = 10) -> str:
        self.clock += days * 86400
        for name, content in files.items():
            file = self.path / name
            if content is None:
                self.git("rm", "-q", name)
                continue
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(content if isinstance(content, bytes) else content.encode())
            self.git("add", name)
        self.git("commit", "-q", "-m", message, "-m", "X-engine-version: 1.0.0")
        return self.git("rev-parse", "HEAD").strip()

    def rename(self, old: str, new: str, message: str) -> str:
        self.clock += 86400
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


def ota_repository(path: Path) -> Repo:
    """Two services: Acme (changes, a refilter, deletion and reappearance), Bolt (renamed Volt)."""
    repo = Repo(path)
    acme = "Acme/Privacy Policy.md"
    bolt = "Bolt/Privacy Policy.md"
    repo.commit("First record of Acme Privacy Policy", {acme: policy("Acme", 1)})
    repo.commit("Start tracking Bolt Privacy Policy", {bolt: policy("Bolt", 1)})
    repo.commit("Record new changes of Acme Privacy Policy", {acme: policy("Acme", 2)})
    repo.commit("Refilter Acme Privacy Policy", {acme: policy("Acme", 2, "\n[Back to top](#top)\n")})
    terms = "Bolt/Terms of Service.md"
    repo.commit("Update Bolt Privacy Policy", {bolt: policy("Bolt", 2), terms: "# Terms\n\nRules."})
    repo.commit("Delete Acme Privacy Policy", {acme: None})
    repo.commit("Record new changes of Acme Privacy Policy", {acme: policy("Acme", 3)})
    repo.rename("Bolt/Privacy Policy.md", "Volt/Privacy Policy.md", "Rename Bolt to Volt")
    volt = "Volt/Privacy Policy.md"
    repo.commit("Apply technical or declaration changes on Volt Privacy Policy", {volt: policy("Bolt", 2, "\nA.\n")})
    return repo


def dataset_folder(root: Path, services: dict[str, list[tuple[str, str]]], terms: str = "Privacy Policy") -> Path:
    for service, versions in services.items():
        folder = root / service / terms
        folder.mkdir(parents=True, exist_ok=True)
        for stamp, text in versions:
            (folder / f"{stamp}.md").write_text(text, encoding="utf-8")
    return root


def zip_of(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*.md")):
            archive.write(file, file.relative_to(folder).as_posix())
    return target
