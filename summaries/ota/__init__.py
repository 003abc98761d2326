"""Importing Open Terms Archive sources: parsing records into cards and recording them.

The sources themselves are read by `policies.ota` (a layer below); this package parses each
record in worker processes (`parse`) and records versions with their cards (`importer`).
"""
