"""Open Terms Archive (OTA) sources: versions repositories (git) and datasets (folder or zip).

`sources.open_source` opens what a user names; each source lists its documents (`records`) and
reads their files. Parsing and recording live a layer up, in `summaries.ota`.
"""
