"""One connection interface, two backends: a SQLite file or a PostgreSQL database.

Why a wrapper rather than the driver's connection: the store, the merge stage, the review book
and the desk write their SQL once (SQLite's dialect, translated for PostgreSQL by
:mod:`vigie.store.dialect`) and get rows that read alike (``row["name"]``, ``row[0]``,
``dict(row)``). Transactions mean the same on both:

- :meth:`Connection.begin` with ``write=True`` takes the database's write lock first (SQLite's
  ``BEGIN IMMEDIATE``; on PostgreSQL a transaction-scoped advisory lock per schema), so writers
  take turns exactly as on SQLite: an ingest's check-then-insert and a merge's read-then-write
  never interleave with another writer's, and readers are never blocked;
- with ``write=False`` it opens a read snapshot: every query inside sees the same committed
  state, so a reader never sees half of an article's ingest.

A target starting with ``postgresql://`` (or ``postgres://``) is a PostgreSQL connection URL
(libpq syntax, psycopg 3); anything else is a SQLite file path.
"""
from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, Union
from urllib.parse import urlsplit, urlunsplit

from vigie.errors import StoreError
from vigie.store.dialect import to_postgres

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# "INSERT INTO t (...) VALUES (%s, ...)" [ON CONFLICT DO NOTHING]: rows that may go in one
# statement (an upsert may not: two rows of one key in one statement are an error).
_VALUES = re.compile(r"^\s*INSERT INTO \w+ \([^()]*\) VALUES (\((?:%s, )*%s\))(?: ON CONFLICT DO NOTHING)?$", re.I)


def is_postgres(target: str) -> bool:
    """True when ``target`` names a PostgreSQL database rather than a SQLite file."""
    return target.startswith(POSTGRES_SCHEMES)


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def database_errors() -> tuple[type[BaseException], ...]:
    """The driver errors a database operation may raise (psycopg's only once it is loaded)."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, psycopg.Error) if psycopg else (sqlite3.Error,)


class Connection(Protocol):
    """What vigie needs of a database connection; see the module docstring."""

    backend: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (SQLite dialect); a cursor to iterate or ``fetchone``/``fetchall``."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""

    def begin(self, *, write: bool) -> None:
        """Open a write transaction (holding the write lock) or a read snapshot."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...

    def has_schema(self) -> bool:
        """True when vigie's migrations table exists (the database holds a vigie store)."""

    def tune_for_reads(self) -> None:
        """Settings for a long-lived reading connection (the desk)."""


class _ExplicitTransactions:
    """The transaction ends both backends share: their connections run in autocommit and
    ``begin`` (backend-specific) opens each transaction with an explicit statement."""

    conn: Any

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


class SqliteConnection(_ExplicitTransactions):
    """A SQLite file in WAL mode with foreign keys on, in autocommit (explicit transactions)."""

    backend = "sqlite"

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def begin(self, *, write: bool) -> None:
        # A deferred BEGIN reads one WAL snapshot from its first query to its end.
        self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def has_schema(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").fetchone() is not None

    def tune_for_reads(self) -> None:
        # A larger page cache and memory-mapped reads: the filters read thousands of rows.
        self.conn.execute("PRAGMA cache_size = -65536")
        self.conn.execute("PRAGMA mmap_size = 268435456")
        self.conn.execute("PRAGMA optimize")  # fresh statistics for the filters' plans


class PgRow(tuple):  # type: ignore[type-arg]
    """A PostgreSQL row read like ``sqlite3.Row``: by position, by (case-insensitive) name."""

    names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key.lower()])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


# A row of either backend, read by name or by position.
Row = Union[sqlite3.Row, PgRow]


def _row_factory(cursor: Any) -> Any:
    names: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        names.setdefault(column.name.lower(), i)
    row_type = type("PgRow", (PgRow,), {"names": names})
    return lambda values: row_type(values)


class PgConnection(_ExplicitTransactions):
    """A PostgreSQL connection through psycopg 3, in autocommit (explicit transactions)."""

    backend = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                        connect_timeout=10)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL: {reason}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        *before, last = to_postgres(sql)
        for statement in before:
            self.conn.execute(statement, ())
        return self.conn.execute(last, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """An INSERT of one row of values runs as one statement of many rows (a round trip
        per 500 rows, not per row); other statements through psycopg's pipelined executemany."""
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        (statement,) = to_postgres(sql)
        values = _VALUES.search(statement)
        if values is None:
            with self.conn.cursor() as cursor:
                cursor.executemany(statement, rows)
            return
        head, one, tail = statement[:values.start(1)], values.group(1), statement[values.end(1):]
        for start in range(0, len(rows), 500):
            chunk = rows[start:start + 500]
            self.conn.execute(head + ", ".join([one] * len(chunk)) + tail,
                              [v for row in chunk for v in row])

    def begin(self, *, write: bool) -> None:
        if write:
            # One round trip: statements without parameters may go together.
            self.conn.execute("BEGIN; SELECT pg_advisory_xact_lock(hashtext(current_schema()))")
        else:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def has_schema(self) -> bool:
        row = self.conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
        return bool(row[0])

    def tune_for_reads(self) -> None:
        """Nothing to tune per connection: the server's settings hold."""


def connect(target: str, *, create: bool = True) -> Connection:
    """A connection to ``target`` (a SQLite path, ":memory:", or a PostgreSQL URL).

    With ``create=False`` a SQLite file must exist: a mistyped ``--db`` must not answer
    "0 events". Raises StoreError when the target cannot be reached, opened or created.
    """
    if is_postgres(target):
        return PgConnection(target)
    if target != ":memory:":
        if not create and not Path(target).is_file():
            raise StoreError(f"{target}: no such database (check --db, or run vigie ingest first)")
        try:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{target}: cannot create its folder: {exc.strerror or exc}") from exc
    try:
        return SqliteConnection(target)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{target}: cannot open database: {exc}") from exc
