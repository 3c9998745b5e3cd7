"""Import a GeoNames dump (``SY.zip``, ``SY.txt``, ``cities500.txt``...) into the store.

Why: the embedded gazetteer holds towns and our own additions; a full country dump adds
every village, hill and base GeoNames knows. The rows go into the ``gazetteer`` and
``gazetteer_admin1`` tables (created by the store's migration 5), and
:meth:`vigie.resolve.gazetteer.Gazetteer.load` picks them up when given the database path.
Importing the same file twice changes nothing (rows are keyed by geonameid).
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vigie.errors import DataFileError
from vigie.store import Store
from vigie.store.backend import Connection
from vigie.store.loading import placeholders

_COLUMNS = 19
_BATCH = 5000


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: rows of ``gazetteer`` and of ``gazetteer_admin1``."""

    path: str
    rows: int
    admin1_rows: int


def _lines(path: Path) -> Iterator[str]:
    """Text lines of ``path``: a ``.txt`` file, or the data member of a GeoNames ``.zip``."""
    if not path.exists():
        raise DataFileError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist()
                       if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise DataFileError(f"{path}: no .txt member in the archive")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def read_geonames(path: Path) -> Iterator[tuple]:
    """Rows of a GeoNames main dump (19 tab-separated columns) as ``gazetteer`` tuples."""
    source = f"GeoNames {path.name} (CC BY 4.0)"
    for lineno, line in enumerate(_lines(path), start=1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != _COLUMNS:
            raise DataFileError(f"{path}:{lineno}: expected {_COLUMNS} tab-separated columns, got {len(cols)}")
        try:
            yield (
                int(cols[0]), cols[1], cols[2] or None, cols[3] or None, float(cols[4]),
                float(cols[5]), cols[6] or None, cols[7] or None, cols[8] or None,
                cols[10] or None, cols[11] or None, int(cols[14] or 0), source,
            )
        except ValueError as exc:
            raise DataFileError(f"{path}:{lineno}: {exc}") from exc


def read_admin1(path: Path) -> Iterator[tuple]:
    """Rows of ``admin1CodesASCII.txt`` (code, name, asciiname, geonameid)."""
    for lineno, row in enumerate(csv.reader(_lines(path), delimiter="\t",
                                            quoting=csv.QUOTE_NONE), start=1):
        if not row:
            continue
        if len(row) != 4:
            raise DataFileError(f"{path}:{lineno}: expected 4 tab-separated columns, got {len(row)}")
        try:
            yield row[0], row[1], row[2], int(row[3]) if row[3] else None
        except ValueError as exc:
            raise DataFileError(f"{path}:{lineno}: {exc}") from exc


def import_geonames(store: Store, path: str | Path, *,
                    admin1_path: str | Path | None = None) -> ImportResult:
    """Load ``path`` (and optionally an admin1 codes file) into ``store`` in one transaction.

    The whole file is read and checked before anything is kept: a malformed line rolls the
    import back and raises :class:`DataFileError` naming the file and line.
    """
    path = Path(path)
    conn = store.conn
    with store.transaction():
        rows = 0
        batch: list[tuple] = []
        for row in read_geonames(path):
            batch.append(row)
            if len(batch) >= _BATCH:
                rows += _insert(conn, batch)
                batch = []
        rows += _insert(conn, batch)
        admin1_rows = 0
        if admin1_path is not None:
            admin1 = list(read_admin1(Path(admin1_path)))
            conn.executemany(
                "INSERT INTO gazetteer_admin1 (code, name, asciiname, geonameid) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                "asciiname = excluded.asciiname, geonameid = excluded.geonameid", admin1)
            admin1_rows = len(admin1)
    return ImportResult(path=str(path), rows=rows, admin1_rows=admin1_rows)


def _insert(conn: Connection, batch: list[tuple]) -> int:
    """Insert or replace ``batch`` (GeoNames rows, keyed by geonameid), on either backend."""
    columns = ", ".join(_GAZETTEER_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _GAZETTEER_COLUMNS[1:])
    conn.executemany(
        f"INSERT INTO gazetteer ({columns}) VALUES ({placeholders(_GAZETTEER_COLUMNS)}) "
        f"ON CONFLICT (geonameid) DO UPDATE SET {updates}", batch)
    return len(batch)


_GAZETTEER_COLUMNS = (  # migration 5's table
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
    "feature_code", "country_code", "admin1_code", "admin2_code", "population", "source",
)
