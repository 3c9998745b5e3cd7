"""The store: a SQLite file or a PostgreSQL database (``backend.py``), one versioned schema
(``migrations.py``), one API (``db.py``, which says the rules it keeps)."""
from __future__ import annotations

from vigie.store.codec import report_id
from vigie.store.db import Store
from vigie.store.queries import Filters
from vigie.store.records import IngestFailure, IngestRun, StoreCounts, UnknownSource

__all__ = [
    "Filters", "IngestFailure", "IngestRun", "Store", "StoreCounts", "UnknownSource",
    "report_id",
]
