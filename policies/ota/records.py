"""What every OTA source yields: the recorded versions of each document, oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

OTA_CREDIT = "Open Terms Archive contributors"
OTA_LICENCE = "ODC-BY 1.0"
OTA_LICENCE_URL = "https://opendatacommons.org/licenses/by/1-0/"
# OTA's own words for a commit that changed how it extracts a text, not the text the service
# published: "Refilter …" and "Apply technical or declaration changes/upgrade on …".
_EXTRACTOR_PREFIXES = ("refilter", "apply technical or declaration")


class SourceError(Exception):
    """The source cannot be imported at all; the message is one line fit for a terminal."""


class Kind(StrEnum):
    RECORD = "record"  # the service published this text (first record or a change)
    EXTRACTOR = "extractor"  # OTA re-extracted: same document, new text from OTA's tools
    DELETED = "deleted"  # the document left the repository (it may reappear)


def kind_of_message(subject: str) -> Kind:
    return Kind.EXTRACTOR if subject.strip().lower().startswith(_EXTRACTOR_PREFIXES) else Kind.RECORD


@dataclass(frozen=True)
class Record:
    service: str  # the service's name at this record (a rename changes it)
    path: str  # the file in the repository or dataset
    recorded_at: datetime
    kind: Kind
    commit: str = ""  # empty for datasets
    position: int = 0  # order in the source's whole history


@dataclass
class Document:
    """One service's document of the chosen terms type, followed across renames."""

    names: list[str] = field(default_factory=list)  # oldest first; the last is the current name
    records: list[Record] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.names[-1]

    def add_name(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)
