"""A store's connection: opening (creating or migrating) it, closing it, its transactions.

Why apart from :mod:`vigie.store.db`: what a transaction or a read snapshot means is the same
whatever the records, and the backend (SQLite or PostgreSQL, :mod:`vigie.store.backend`) is
chosen here, once, from the ``--db`` target.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from vigie.errors import StoreError
from vigie.store.backend import Connection, connect, database_errors, redact
from vigie.store.migrations import migrate, schema_version

S = TypeVar("S", bound="Session")


class Session:
    """An open database; :class:`vigie.store.Store` adds the records. A context manager."""

    def __init__(self, conn: Connection, path: str) -> None:
        self.conn = conn  # public for the merge stage, the review book and the desk's queries
        self.path = path
        self._depth = 0
        self._reading = False

    # --- lifecycle -------------------------------------------------------------------

    @classmethod
    def open(cls: type[S], path: str | Path, *, create: bool = True) -> S:
        """Open (creating or migrating as needed) the database at ``path``: a SQLite file
        (":memory:" works) or a ``postgresql://`` URL (:mod:`vigie.store.backend`).

        With ``create=False`` (the read commands) a missing file, or a PostgreSQL database
        holding no vigie store, is an error rather than a new empty store: a mistyped ``--db``
        must not answer "0 events".
        Raises StoreError when the database is missing (and not to be created), cannot be
        reached or created, is not a database, or was written by a newer vigie.
        """
        name = str(path)
        conn = connect(name, create=create)
        try:
            if not create and not conn.has_schema():
                raise StoreError(f"{redact(name)}: no vigie store there (check --db, or run vigie ingest first)")
            migrate(conn)
        except database_errors() as exc:
            conn.close()
            raise StoreError(f"{redact(name)}: cannot open database: {exc}") from exc
        except StoreError:
            conn.close()
            raise
        return cls(conn, name)

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.conn.backend

    def close(self) -> None:
        self.conn.close()

    def __enter__(self: S) -> S:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nested calls join the outer one.

        Writers take turns (see :mod:`vigie.store.backend`): what a transaction reads before
        writing cannot be changed by another writer before it commits.
        """
        with self._scope(write=True):
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one committed state (never half of another process's ingest);
        inside a transaction, they join it."""
        with self._scope(write=False):
            yield

    @contextmanager
    def _scope(self, *, write: bool) -> Iterator[None]:
        if self._depth:
            if write and self._reading:
                raise StoreError("a write inside a read snapshot")
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.begin(write=write)
        self._depth, self._reading = 1, not write
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._depth, self._reading = 0, False
