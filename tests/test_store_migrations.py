"""Schema versioning: fresh databases, re-opening, upgrading an older file, refusing a newer one."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vigie.errors import StoreError
from vigie.store import Store
from vigie.store import migrations
from vigie.store.backend import Connection, SqliteConnection, connect
from vigie.store.migrations import MIGRATIONS, migrate, schema_version


def _tables(conn: Connection) -> set[str]:
    if conn.backend == "sqlite":
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}


def test_fresh_database_gets_every_migration_recorded(db: str) -> None:
    with Store.open(db) as store:
        rows = store.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]
        assert store.schema_version == MIGRATIONS[-1].version
        expected = {
            "articles", "ingest_runs", "ingest_errors", "event_reports", "claims", "evidence",
            "events", "event_members", "unknown_sources", "gazetteer", "gazetteer_admin1",
        }
        assert expected <= _tables(store.conn)


@pytest.mark.own_sqlite_store
def test_wal_mode_and_foreign_keys_are_on(tmp_path: Path) -> None:
    with Store.open(tmp_path / "v.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute(
                "INSERT INTO event_members (event_id, report_id, idx) VALUES ('nope', 'nope', 0)"
            )


def test_opening_twice_applies_nothing_new(db: str) -> None:
    path = db
    Store.open(path).close()
    with Store.open(path) as store:
        count = store.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
        assert count == len(MIGRATIONS)
        assert migrate(store.conn) == []


@pytest.mark.own_sqlite_store  # a file left by an old vigie
def test_older_database_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = SqliteConnection(str(path))
    assert migrate(conn, upto=1) == [1]
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, ingested_at) "
        "VALUES ('a1', 'h1', 'Des tirs ont visé le marché de Douma.', '2024-01-01T00:00:00Z')"
    )
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert "events" in _tables(store.conn)
        article = store.article("a1")
        assert article is not None and article.text.startswith("Des tirs")


def test_newer_database_is_refused(db: str) -> None:
    with Store.open(db) as store:
        store.conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')"
        )
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


def test_failing_migration_rolls_back_and_records_nothing(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*MIGRATIONS, migrations.Registered(1000, "broken", broken)]
    )
    conn = connect(db)
    try:
        with pytest.raises(StoreError, match="migration 1000"):
            migrations.migrate(conn)
        assert "half_done" not in _tables(conn)
        assert schema_version(conn) == MIGRATIONS[-1].version
    finally:
        conn.close()


@pytest.mark.own_sqlite_store  # PRAGMA table_info
def test_gazetteer_tables_have_the_importer_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "v.db") as store:
        cols = [(r[1], r[2], r[3], r[5]) for r in store.conn.execute("PRAGMA table_info(gazetteer)")]
        assert cols == [
            ("geonameid", "INTEGER", 0, 1), ("name", "TEXT", 1, 0), ("asciiname", "TEXT", 0, 0),
            ("alternatenames", "TEXT", 0, 0), ("latitude", "REAL", 1, 0),
            ("longitude", "REAL", 1, 0), ("feature_class", "TEXT", 0, 0),
            ("feature_code", "TEXT", 0, 0), ("country_code", "TEXT", 0, 0),
            ("admin1_code", "TEXT", 0, 0), ("admin2_code", "TEXT", 0, 0),
            ("population", "INTEGER", 0, 0), ("source", "TEXT", 0, 0),
        ]
        admin1 = [(r[1], r[2]) for r in store.conn.execute("PRAGMA table_info(gazetteer_admin1)")]
        assert admin1 == [("code", "TEXT"), ("name", "TEXT"), ("asciiname", "TEXT"),
                          ("geonameid", "INTEGER")]


@pytest.mark.own_sqlite_store
def test_unreadable_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a sqlite database at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(path)


@pytest.mark.own_sqlite_store  # both backends: test_the_governorate_filter_reads_its_index_in_order
def test_filter_indexes_exist(tmp_path: Path) -> None:
    with Store.open(tmp_path / "v.db") as store:
        plan = " ".join(
            str(r[3]) for r in store.conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM events WHERE admin1 = 'Idlib' "
                "AND event_date BETWEEN '2014-12-01' AND '2014-12-31'"
            )
        )
        assert "events_admin1_date" in plan


def test_the_governorate_filter_reads_its_index_in_order(db: str) -> None:
    """Migration 9: ``lower(admin1) = lower(?)`` is served by an index on both backends, which
    also gives the listing's order (no sort step)."""
    from vigie.store.queries import Filters

    with Store.open(db) as store:
        where, params = Filters(admin1="IDLIB").where(
            alias="e", key="event_id", actors_table="event_actors", actors_key="event_id")
        sql = f"SELECT * FROM events e WHERE {where} ORDER BY e.event_date, e.seq"
        if store.backend == "sqlite":
            plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
            assert "events_admin1_lower" in plan and "TEMP B-TREE" not in plan
        else:
            store.conn.execute("SET enable_seqscan = off")  # the table is empty: ask for the index plan
            plan = " ".join(r[0] for r in store.conn.execute("EXPLAIN " + sql, params))
            assert "events_admin1_lower" in plan and "Sort" not in plan
