"""The SQLite store (one file, WAL, versioned schema). See ``db.py`` for the rules it keeps."""
from __future__ import annotations

from vigie.store.codec import report_id
from vigie.store.db import Store
from vigie.store.queries import Filters
from vigie.store.records import IngestFailure, IngestRun, StoreCounts, UnknownSource

__all__ = [
    "Filters", "IngestFailure", "IngestRun", "Store", "StoreCounts", "UnknownSource",
    "report_id",
]
