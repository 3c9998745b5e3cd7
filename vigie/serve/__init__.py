"""Serving the record: exports (ACLED CSV, JSON Lines, GeoJSON); later the HTTP API and web UI."""
from __future__ import annotations

from vigie.serve.export import (
    ExportSummary, event_to_dict, write_acled_csv, write_geojson, write_jsonl,
)

__all__ = ["ExportSummary", "event_to_dict", "write_acled_csv", "write_geojson", "write_jsonl"]
