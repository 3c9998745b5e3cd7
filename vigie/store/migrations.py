"""The versioned schema of the vigie database, applied by registered migration functions.

Why migrations rather than one CREATE script: a database built by an older vigie must open
in a newer one without losing what it holds. Each migration is a function registered with
:func:`migration` under an increasing version number; :func:`migrate` runs the ones not yet
recorded in ``schema_migrations``, each in its own transaction, so a failure leaves the
database at the last complete version. Never edit a released migration: add a new one.

Schema (one line per table; JSON columns hold lists as JSON arrays):

- ``schema_migrations(version, name, applied_at)`` - what has been applied.
- ``articles(id, content_hash UNIQUE, title, url, outlet, published, published_source,
  published_confidence, published_doubtful, published_note, captured, language, source_path,
  text, raw_text, ingested_at, run_id, status)`` - status 'ok' | 'unsupported_language' | ...
- ``ingest_runs(id, started, finished, paths JSON, read, new, duplicates, failed)`` and
  ``ingest_errors(run_id, path, reason)`` - one row per batch and per refused file.
- ``event_reports(id, article_id -> articles, idx, event_date, date_precision, event_type,
  sub_event_type, actor1, actor2, assoc_actor_1 JSON, assoc_actor_2 JSON, fatalities,
  civilian_targeting, confidence, trigger, outlet, location, latitude, longitude, admin1, admin2,
  country, country_code, geo_precision, gazetteer_id, place_mention, place_feature)`` - one
  event as one article reports it; ``id`` is derived from the article id and the content.
- ``claims(report_id -> event_reports, idx, count, qualifier, who, source, quote, estimate,
  subfigures JSON, start, end)`` and ``evidence(report_id, idx, start, end, text)``.
- ``report_actors(report_id, actor, role)`` - every actor of a report, for the actor filter.
- ``events(seq, event_id UNIQUE, ...the Event fields with the place flattened..., fatalities_low,
  fatalities_best, fatalities_high, sources JSON, contested, grade, notes, extra JSON,
  fingerprint, updated)``
  - merged events; ``seq`` is a stable number used for ACLED's ``event_id_cnty``; ``updated``
  (unix time) changes only when the content (``fingerprint``) does.
- ``event_members(event_id -> events, report_id -> event_reports, idx)`` and
  ``event_actors(event_id, actor, role)``.
- ``unknown_sources(name, first_seen_article, count)`` with ``unknown_source_articles`` - names
  the attribution step met that the source registry does not know, counted once per article.
- ``gazetteer`` and ``gazetteer_admin1`` - GeoNames rows, written by the gazetteer importer.
- ``article_framing(article_id -> articles, outlet, words, counts JSON, hits JSON)`` - the loaded
  terms of each article, written by the merge stage (``vigie.merge.persist``).
- Version 7 adds ``date_doubtful`` and ``date_note`` to ``event_reports`` and ``events``: a date
  resting on an untrusted publication date (``vigie.ingest.trust``); and ``flag`` to ``claims``:
  why a figure is not counted (``vigie.resolve.plausible``); and ``article_sketches(article_id,
  band, value)``, the MinHash bands finding near-identical articles (``vigie.ingest.sketch``);
  and ``merge_queue``, ``merge_dirty``, ``framing_queue``, filled by triggers, emptied by
  ``vigie.merge.merge_pending``: what merging must look at next; and ``event_reports.geo_cell``
  (a tenth-of-a-degree square, generated: ``vigie.store.codec.geo_cell``) indexed with the
  date, for the merge's candidate search to read the squares around a report rather than
  every report of the date window.
- Version 8 adds ``reviews(id, event_id, members JSON, articles JSON, status, fields JSON, machine JSON, pinned,
  reviewer, created, updated)`` - an analyst's decision on an event, re-applied after every merge
  (``vigie.review``); ``review_log(id, at, who, action, event_id, before JSON, after JSON,
  comment)`` - the audit log; ``api_tokens(name, hash, created, revoked)`` - write tokens.
- Version 9 adds expression indexes on ``lower()`` of the events' governorate, type and sub-type
  (with the date, in the listings' order), of the reports' governorate and of both actor tables:
  the filters compare ``lower(column) = lower(?)``, the same on both backends.

The SQL is SQLite's; :mod:`vigie.store.dialect` translates it when the store is PostgreSQL.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from vigie.errors import StoreError
from vigie.store.backend import Connection, database_errors

Migration = Callable[[Connection], None]


@dataclass(frozen=True)
class Registered:
    version: int
    name: str
    apply: Migration


MIGRATIONS: list[Registered] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the migration to schema ``version`` (versions must increase)."""

    def register(fn: Migration) -> Migration:
        if MIGRATIONS and version <= MIGRATIONS[-1].version:
            raise ValueError(f"migration {version} registered after {MIGRATIONS[-1].version}")
        MIGRATIONS.append(Registered(version, name, fn))
        return fn

    return register


def _script(conn: Connection, sql: str) -> None:
    """Run each statement of ``sql`` (executescript would COMMIT our open transaction)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


@migration(1, "articles and ingest runs")
def _articles(conn: Connection) -> None:
    _script(conn, """
    CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, paths TEXT NOT NULL,
        read INTEGER, new INTEGER, duplicates INTEGER, failed INTEGER);
    CREATE TABLE ingest_errors (
        id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES ingest_runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL, reason TEXT NOT NULL);
    CREATE INDEX ingest_errors_run ON ingest_errors(run_id);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, url TEXT,
        outlet TEXT, published TEXT, published_source TEXT NOT NULL DEFAULT 'none',
        published_confidence REAL NOT NULL DEFAULT 0, published_doubtful INTEGER NOT NULL DEFAULT 0,
        published_note TEXT, captured TEXT, language TEXT NOT NULL DEFAULT 'fr',
        source_path TEXT, text TEXT NOT NULL, raw_text TEXT NOT NULL DEFAULT '',
        ingested_at TEXT NOT NULL, run_id INTEGER REFERENCES ingest_runs(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'ok');
    CREATE INDEX articles_status ON articles(status);
    CREATE INDEX articles_published ON articles(published)
    """)


_PLACE_COLUMNS = """
        location TEXT, latitude REAL, longitude REAL, admin1 TEXT, admin2 TEXT, country TEXT,
        country_code TEXT, geo_precision INTEGER, gazetteer_id TEXT, place_mention TEXT,
        place_feature TEXT"""


@migration(2, "event reports, claims and evidence")
def _reports(conn: Connection) -> None:
    _script(conn, f"""
    CREATE TABLE event_reports (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, event_date TEXT NOT NULL, date_precision TEXT NOT NULL,
        event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, actor1 TEXT, actor2 TEXT,
        assoc_actor_1 TEXT NOT NULL DEFAULT '[]', assoc_actor_2 TEXT NOT NULL DEFAULT '[]',
        fatalities INTEGER NOT NULL DEFAULT 0, civilian_targeting INTEGER NOT NULL DEFAULT 0,
        confidence REAL NOT NULL DEFAULT 0.5, trigger TEXT NOT NULL DEFAULT '', outlet TEXT,
        {_PLACE_COLUMNS});
    CREATE INDEX event_reports_article ON event_reports(article_id, idx);
    CREATE INDEX event_reports_date ON event_reports(event_date);
    CREATE INDEX event_reports_admin1_date ON event_reports(admin1, event_date);
    CREATE INDEX event_reports_type ON event_reports(event_type, sub_event_type);
    CREATE TABLE claims (
        report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, count INTEGER, qualifier TEXT NOT NULL, who TEXT NOT NULL,
        source TEXT NOT NULL, quote TEXT NOT NULL, estimate INTEGER,
        subfigures TEXT NOT NULL DEFAULT '[]', start INTEGER, "end" INTEGER,
        PRIMARY KEY (report_id, idx));
    CREATE INDEX claims_source ON claims(source);
    CREATE TABLE evidence (
        report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (report_id, idx));
    CREATE TABLE report_actors (
        report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        actor TEXT NOT NULL COLLATE NOCASE, role TEXT NOT NULL,
        PRIMARY KEY (report_id, actor, role));
    CREATE INDEX report_actors_actor ON report_actors(actor)
    """)


@migration(3, "merged events")
def _events(conn: Connection) -> None:
    _script(conn, f"""
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
        event_date TEXT NOT NULL, date_precision TEXT NOT NULL, event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL, actor1 TEXT, actor2 TEXT,
        assoc_actor_1 TEXT NOT NULL DEFAULT '[]', assoc_actor_2 TEXT NOT NULL DEFAULT '[]',
        civilian_targeting INTEGER NOT NULL DEFAULT 0,
        fatalities_low INTEGER NOT NULL DEFAULT 0, fatalities_best INTEGER NOT NULL DEFAULT 0,
        fatalities_high INTEGER NOT NULL DEFAULT 0, sources TEXT NOT NULL DEFAULT '[]',
        contested INTEGER NOT NULL DEFAULT 0, grade TEXT NOT NULL DEFAULT 'weak',
        notes TEXT NOT NULL DEFAULT '', extra TEXT NOT NULL DEFAULT '{{}}',
        fingerprint TEXT NOT NULL, updated INTEGER NOT NULL,
        {_PLACE_COLUMNS});
    CREATE INDEX events_date ON events(event_date);
    CREATE INDEX events_admin1_date ON events(admin1, event_date);
    CREATE INDEX events_type ON events(event_type, sub_event_type);
    CREATE TABLE event_members (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, PRIMARY KEY (event_id, report_id));
    CREATE INDEX event_members_report ON event_members(report_id);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        actor TEXT NOT NULL COLLATE NOCASE, role TEXT NOT NULL,
        PRIMARY KEY (event_id, actor, role));
    CREATE INDEX event_actors_actor ON event_actors(actor)
    """)


@migration(4, "unknown sources")
def _unknown_sources(conn: Connection) -> None:
    _script(conn, """
    CREATE TABLE unknown_sources (
        name TEXT PRIMARY KEY, first_seen_article TEXT, count INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE unknown_source_articles (
        name TEXT NOT NULL REFERENCES unknown_sources(name) ON DELETE CASCADE,
        article_id TEXT NOT NULL, PRIMARY KEY (name, article_id))
    """)


@migration(5, "gazetteer")
def _gazetteer(conn: Connection) -> None:
    # The exact shape the GeoNames importer writes; IF NOT EXISTS because it may create them first.
    _script(conn, """
    CREATE TABLE IF NOT EXISTS gazetteer (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL,
      asciiname TEXT, alternatenames TEXT, latitude REAL NOT NULL, longitude REAL NOT NULL,
      feature_class TEXT, feature_code TEXT, country_code TEXT, admin1_code TEXT,
      admin2_code TEXT, population INTEGER, source TEXT);
    CREATE TABLE IF NOT EXISTS gazetteer_admin1 (code TEXT PRIMARY KEY, name TEXT,
      asciiname TEXT, geonameid INTEGER)
    """)


@migration(6, "article framing")
def _article_framing(conn: Connection) -> None:
    # Written by vigie.merge.persist: the loaded terms each article uses (vigie/merge/framing.py).
    _script(conn, """
    CREATE TABLE article_framing (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        outlet TEXT, words INTEGER NOT NULL, counts TEXT NOT NULL DEFAULT '{}',
        hits TEXT NOT NULL DEFAULT '[]')
    """)


@migration(7, "date doubt, implausible figures, near-duplicate sketches, merge queues")
def _trust(conn: Connection) -> None:
    # Reports and events carry the doubt of a date resting on an untrusted publication date
    # (vigie.ingest.trust); reports of articles stored before this migration inherit it.
    _script(conn, """
    ALTER TABLE event_reports ADD COLUMN date_doubtful INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_reports ADD COLUMN date_note TEXT;
    ALTER TABLE events ADD COLUMN date_doubtful INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN date_note TEXT;
    ALTER TABLE claims ADD COLUMN flag TEXT;
    UPDATE event_reports SET date_doubtful = 1,
        date_note = 'publication date doubtful (marked when the store was upgraded)'
      WHERE article_id IN (SELECT id FROM articles WHERE published IS NULL
        OR published_doubtful = 1 OR published_source = 'capture_header');
    UPDATE events SET date_doubtful = 1,
        date_note = 'publication date doubtful (marked when the store was upgraded)'
      WHERE event_id IN (SELECT m.event_id FROM event_members m
        JOIN event_reports r ON r.id = m.report_id WHERE r.date_doubtful = 1);
    ALTER TABLE event_reports ADD COLUMN geo_cell INTEGER
      GENERATED ALWAYS AS (CAST(floor(latitude * 10) AS INTEGER) * 4000
                           + CAST(floor(longitude * 10) AS INTEGER) + 2000) VIRTUAL;
    CREATE INDEX event_reports_cell_date ON event_reports(geo_cell, event_date);
    CREATE TABLE article_sketches (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        band INTEGER NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (band, value, article_id));
    CREATE INDEX article_sketches_article ON article_sketches(article_id)
    """)
    # What the merge stage must look at next, kept by triggers so that it never scans the store:
    # reports not merged yet, events that lost a member, articles not framed yet.
    _script(conn, """
    CREATE TABLE merge_queue (report_id TEXT PRIMARY KEY);
    CREATE TABLE merge_dirty (event_id TEXT PRIMARY KEY);
    CREATE TABLE framing_queue (article_id TEXT PRIMARY KEY);
    INSERT INTO merge_queue SELECT id FROM event_reports
      WHERE id NOT IN (SELECT report_id FROM event_members);
    INSERT INTO merge_dirty SELECT e.event_id FROM events e
      WHERE json_extract(e.extra, '$.n_reports') IS NOT
        (SELECT COUNT(*) FROM event_members m WHERE m.event_id = e.event_id);
    INSERT INTO framing_queue SELECT id FROM articles
      WHERE status = 'ok' AND id NOT IN (SELECT article_id FROM article_framing)
    """)
    for trigger in (  # one statement each: a trigger body holds semicolons
        "CREATE TRIGGER event_reports_queue AFTER INSERT ON event_reports BEGIN "
        "INSERT OR IGNORE INTO merge_queue (report_id) VALUES (new.id); END",
        "CREATE TRIGGER event_members_dirty AFTER DELETE ON event_members BEGIN "
        "INSERT OR IGNORE INTO merge_dirty (event_id) VALUES (old.event_id); END",
        "CREATE TRIGGER articles_framing_queue AFTER INSERT ON articles WHEN new.status = 'ok' "
        "BEGIN INSERT OR IGNORE INTO framing_queue (article_id) VALUES (new.id); END",
    ):
        conn.execute(trigger)
    from vigie.ingest.sketch import bands  # the near-duplicate index of the articles stored so far

    for row in conn.execute("SELECT id, text FROM articles").fetchall():
        conn.executemany(
            "INSERT OR IGNORE INTO article_sketches (article_id, band, value) VALUES (?, ?, ?)",
            [(row[0], band, value) for band, value in enumerate(bands(row[1]))],
        )


@migration(8, "reviews, audit log and API tokens")
def _reviews(conn: Connection) -> None:
    # The filters compare governorate and types ignoring case: NOCASE indexes let them use one;
    # the timeline counts per day and type from an index, without reading the rows.
    _script(conn, """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY, event_id TEXT, members TEXT NOT NULL DEFAULT '[]',
        articles TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}', machine TEXT NOT NULL DEFAULT '{}',
        pinned INTEGER NOT NULL DEFAULT 0, reviewer TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
    CREATE UNIQUE INDEX reviews_event ON reviews(event_id);
    CREATE INDEX reviews_status ON reviews(status);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
        event_id TEXT, before TEXT NOT NULL DEFAULT '{}', after TEXT NOT NULL DEFAULT '{}',
        comment TEXT NOT NULL DEFAULT '');
    CREATE INDEX review_log_event ON review_log(event_id);
    CREATE TABLE api_tokens (
        name TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL,
        revoked TEXT);
    CREATE INDEX events_admin1_nocase ON events(admin1 COLLATE NOCASE, event_date, event_type,
        fatalities_best);
    CREATE INDEX events_type_nocase ON events(event_type COLLATE NOCASE, event_date);
    CREATE INDEX events_sub_type_nocase ON events(sub_event_type COLLATE NOCASE, event_date);
    CREATE INDEX events_timeline ON events(event_date, event_type, fatalities_best);
    CREATE INDEX events_fatalities ON events(fatalities_best)
    """)


@migration(9, "case-insensitive filter indexes on both backends")
def _lower_indexes(conn: Connection) -> None:
    # The filters compare lower(column) = lower(?) (SQLite's NOCASE has no PostgreSQL twin);
    # an index on the same expression serves them on both, ordered as the listings read.
    _script(conn, """
    CREATE INDEX events_admin1_lower ON events(lower(admin1), event_date, seq);
    CREATE INDEX events_type_lower ON events(lower(event_type), event_date, seq);
    CREATE INDEX events_sub_type_lower ON events(lower(sub_event_type), event_date, seq);
    CREATE INDEX event_actors_actor_lower ON event_actors(lower(actor));
    CREATE INDEX event_reports_admin1_lower ON event_reports(lower(admin1), event_date);
    CREATE INDEX report_actors_actor_lower ON report_actors(lower(actor))
    """)


def applied_versions(conn: Connection) -> set[int]:
    """Versions recorded in ``schema_migrations`` (creating that table when absent)."""
    if not conn.has_schema():
        conn.begin(write=True)  # two processes opening a new database must not both create it
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: Connection, *, upto: int | None = None) -> list[int]:
    """Apply the pending migrations (up to ``upto``) in order; return the versions applied.

    Each migration runs in its own write transaction. A database recording a version this
    vigie does not know was written by a newer vigie and is refused rather than half-understood.
    """
    done = applied_versions(conn)
    known = {m.version for m in MIGRATIONS}
    if done - known:
        raise StoreError(
            f"database has schema version {max(done)}, newer than this vigie ({max(known)})"
        )
    applied: list[int] = []
    for mig in MIGRATIONS:
        if mig.version in done or (upto is not None and mig.version > upto):
            continue
        try:
            conn.begin(write=True)
            if conn.execute(  # another process may have applied it since we looked
                "SELECT 1 FROM schema_migrations WHERE version = ?", (mig.version,)
            ).fetchone():
                conn.commit()
                continue
            mig.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
            )
            conn.commit()
        except database_errors() as exc:
            conn.rollback()
            raise StoreError(f"migration {mig.version} ({mig.name}) failed: {exc}") from exc
        applied.append(mig.version)
    return applied


def schema_version(conn: Connection) -> int:
    """The highest applied version (0 for a fresh database)."""
    return max(applied_versions(conn), default=0)
