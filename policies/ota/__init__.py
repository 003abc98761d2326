"""Open Terms Archive (OTA): reading its versions repositories and datasets into the archive.

`records` turns a source (a git clone, a dataset folder or a dataset zip) into an ordered list
of records per document; `parse` turns one record's Markdown into text and card (run in worker
processes); `importer` writes them through `policies.archive.record_version`; `sync` keeps
followed repositories current. The reading modules are pure Python (no Django).
"""
