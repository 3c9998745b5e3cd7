"""Knowledge files shipped with vigie (aliases, triggers, sources, lexicons, gazetteer additions).

Files are read at initialisation time by the component that needs them, never at import.
"""
from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from vigie.errors import DataFileError


def data_path(name: str) -> Path:
    """Path of a packaged data file (works from a source tree and an installed wheel)."""
    return Path(str(resources.files("vigie.data").joinpath(name)))


def load_yaml(name: str) -> Any:
    """Load ``vigie/data/<name>``; a missing or malformed file is a DataFileError naming it."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: data file missing") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc


def load_csv(name: str) -> list[dict[str, str]]:
    """Load ``vigie/data/<name>`` as a list of rows keyed by the header line. Lines opening
    with ``#`` are comments: a file documents its columns where a coder edits it."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = (line for line in fh if not line.startswith("#"))
            return [row for row in csv.DictReader(lines) if any((v or "").strip() for v in row.values())]
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: data file missing") from exc
