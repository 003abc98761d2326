"""The one exception the ingestion package lets out."""

from __future__ import annotations


class IngestError(ValueError):
    """The input cannot become policy text; the message says why, in plain words."""
