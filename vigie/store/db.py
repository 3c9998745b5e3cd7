"""The store: articles, their event reports, merged events, ingest runs.

Why these rules:
- One SQLite file (WAL mode, foreign keys on) or one PostgreSQL database, behind one connection
  interface (:mod:`vigie.store.backend`): readers (``vigie events``) never block an ingest.
- Each article's ingest (its row and its reports) is one transaction
  (:meth:`Store.ingest_article`, or :meth:`Store.transaction` around several calls), so a crash
  in a batch loses nothing already committed and re-running the batch completes it.
- Writing the same article twice changes nothing; writing an article's reports again
  replaces them (idempotent), and report ids are derived from their content.
- Everything crossing the API is a typed record (``vigie.models`` or ``vigie.store.records``).
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from vigie.errors import StoreError
from vigie.models import Article, Event, EventReport
from vigie.store import codec, writes
from vigie.store.loading import load_events, load_reports, placeholders
from vigie.store.session import Session
from vigie.store.queries import Filters
from vigie.store.records import IngestFailure, IngestRun, StoreCounts, UnknownSource


def _bands(text: str) -> list[int]:
    """The article's near-duplicate sketch; imported here so that reading commands do not load
    numpy and the ingest stage (``vigie events`` starts faster)."""
    from vigie.ingest.sketch import bands

    return bands(text)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _distinct_reports(article_id: str, reports: Sequence[EventReport]) -> dict[str, EventReport]:
    """``reports`` by report id, in order (identical duplicates kept once); raises StoreError
    for a report of another article."""
    for report in reports:
        if report.article_id != article_id:
            raise StoreError(f"report of {report.article_id!r} given for {article_id!r}")
    return {codec.report_id(r): r for r in reports}


class Store(Session):
    """A vigie database. Open with :meth:`open`; use as a context manager to close it."""

    # --- articles --------------------------------------------------------------------

    def add_article(self, article: Article, *, run_id: int | None = None, status: str = "ok") -> bool:
        """Store ``article``; False (and nothing changed) when its id or content is already stored.

        ``status`` says what the pipeline made of it: "ok", or why it was kept but not
        extracted ("unsupported_language", ...); see :meth:`articles` and :meth:`article_status`.
        """
        with self.transaction():
            keys = (article.id, article.content_hash or article.id)
            if self.conn.execute(  # has_article of the id or the hash, in one query
                "SELECT 1 FROM articles WHERE id IN (?, ?) OR content_hash IN (?, ?) LIMIT 1",
                keys + keys,
            ).fetchone() is not None:
                return False
            cols = (*codec.ARTICLE_COLUMNS, "ingested_at", "run_id", "status")
            self.conn.execute(
                f"INSERT INTO articles ({', '.join(cols)}) VALUES ({placeholders(cols)})",
                (*codec.article_row(article), _now(), run_id, status),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO article_sketches (article_id, band, value) VALUES (?, ?, ?)",
                [(article.id, band, value) for band, value in enumerate(_bands(article.text))],
            )
            return True

    def delete_article(self, article_id: str) -> None:
        """Remove an article with its reports, claims, evidence, framing and event memberships.

        Events that lose members are regrouped by the next merge.
        """
        with self.transaction():
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def ingest_article(
        self, article: Article, reports: Sequence[EventReport], *,
        run_id: int | None = None, status: str = "ok",
    ) -> bool:
        """Store an article and its reports in one transaction; False when already stored."""
        with self.transaction():
            if not self.add_article(article, run_id=run_id, status=status):
                return False
            # A new article has no reports to compare with: set_reports' reads are spared.
            writes.insert_reports(self.conn, [
                (rid, idx, report)
                for idx, (rid, report) in enumerate(_distinct_reports(article.id, reports).items())
            ])
            return True

    def has_article(self, id_or_hash: str) -> bool:
        """True when an article with this id or this content hash is stored."""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
            (id_or_hash, id_or_hash),
        ).fetchone()
        return row is not None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return codec.article_from_row(row) if row else None

    def articles(self, *, limit: int | None = None, status: str | None = None) -> list[Article]:
        """Articles in ingest order, optionally only those with ``status``."""
        sql = "SELECT * FROM articles"
        params: list[object] = []
        if status is not None:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY rowid"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [codec.article_from_row(r) for r in self.conn.execute(sql, params)]

    def article_status(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT status FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row["status"] if row else None

    # --- event reports ---------------------------------------------------------------

    def set_reports(self, article_id: str, reports: Sequence[EventReport]) -> None:
        """Replace the reports of ``article_id`` by ``reports`` (identical duplicates kept once)."""
        if not self.has_article(article_id):
            raise StoreError(f"no article {article_id!r}: store it before its reports")
        by_id = _distinct_reports(article_id, reports)
        ids = list(by_id)
        with self.transaction():
            # Reports kept unchanged keep their rows, so merged events pointing at them survive.
            old = {r["id"] for r in self.conn.execute(
                "SELECT id FROM event_reports WHERE article_id = ?", (article_id,)
            )}
            self.conn.executemany(
                "DELETE FROM event_reports WHERE id = ?", [(i,) for i in old - set(ids)]
            )
            self.conn.executemany(
                "UPDATE event_reports SET idx = ? WHERE id = ?",
                [(idx, rid) for idx, rid in enumerate(ids) if rid in old],
            )
            writes.insert_reports(
                self.conn, [(rid, idx, by_id[rid]) for idx, rid in enumerate(ids) if rid not in old]
            )

    def report_ids(self, article_id: str) -> list[str]:
        """The ids of an article's stored reports, in order."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM event_reports WHERE article_id = ? ORDER BY idx", (article_id,)
        )]

    def reports(
        self, *, date_from: date | str | None = None, date_to: date | str | None = None,
        admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
        article_id: str | None = None,
    ) -> list[EventReport]:
        """Reports matching every given filter (see :class:`Filters`), by date then article."""
        where, params = Filters(date_from, date_to, admin1, event_type, actor).where(
            alias="r", key="id", actors_table="report_actors", actors_key="report_id"
        )
        if article_id is not None:
            where += " AND r.article_id = ?"
            params.append(article_id)
        with self.snapshot():
            rows = self.conn.execute(
                f"SELECT * FROM event_reports r WHERE {where} ORDER BY r.event_date, r.article_id, r.idx",
                params,
            ).fetchall()
            return load_reports(self.conn, rows)

    # --- merged events ---------------------------------------------------------------

    def save_events(self, events: Iterable[Event], *, replace_all: bool = False,
                    member_ids: Mapping[str, Sequence[str]] | None = None) -> None:
        """Upsert ``events`` by event_id in one transaction, with their member reports.

        A member report not yet stored is stored (its article must be). An event whose
        content is unchanged keeps its ``updated`` time and its ``seq`` number. With
        ``replace_all``, stored events absent from ``events`` are deleted (a full re-merge).
        ``member_ids`` (event id -> the report ids of its ``reports``, in order) spares
        hashing every member again when the caller knows them (the merge stage does).
        """
        latest = {e.event_id: e for e in events}  # an id given twice: its last version
        members = {
            i: list(member_ids[i]) if member_ids and i in member_ids
            else [codec.report_id(r) for r in e.reports]
            for i, e in latest.items()
        }
        with self.transaction():
            self._store_missing_members(list(latest.values()), members)
            writes.write_events(self.conn, list(latest.values()), members)
            if replace_all:
                stale = [
                    r["event_id"] for r in self.conn.execute("SELECT event_id FROM events")
                    if r["event_id"] not in latest
                ]
                self.conn.executemany("DELETE FROM events WHERE event_id = ?", [(s,) for s in stale])

    def _store_missing_members(self, events: list[Event], members: Mapping[str, list[str]]) -> None:
        """Store the member reports not stored yet (each under its stored article)."""
        stored = set(writes.stored_among(
            self.conn, "event_reports", "id", [i for e in events for i in members[e.event_id]], "id"))
        for event in events:
            for rid, report in zip(members[event.event_id], event.reports):
                if rid in stored:
                    continue
                if not self.has_article(report.article_id):
                    raise StoreError(f"event {event.event_id}: no article {report.article_id!r}")
                (idx,) = self.conn.execute(
                    "SELECT COUNT(*) FROM event_reports WHERE article_id = ?", (report.article_id,)
                ).fetchone()
                writes.insert_reports(self.conn, [(rid, idx, report)])
                stored.add(rid)

    def events(
        self, *, date_from: date | str | None = None, date_to: date | str | None = None,
        admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
        source: str | None = None, outlet: str | None = None, grade: str | None = None,
        contested: bool | None = None, limit: int | None = None,
    ) -> list[Event]:
        """Merged events matching every given filter (see :class:`Filters`), by date; the first
        ``limit`` only, when given.

        Events an analyst rejected (``vigie.review``) are not events and are left out.
        """
        where, params = Filters(date_from, date_to, admin1, event_type, actor, source, outlet,
                                grade, contested).where(
            alias="e", key="event_id", actors_table="event_actors", actors_key="event_id"
        )
        where += " AND e.event_id NOT IN (SELECT event_id FROM reviews WHERE status = 'rejected' AND event_id IS NOT NULL)"
        sql = f"SELECT * FROM events e WHERE {where} ORDER BY e.event_date, e.seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.snapshot():
            return load_events(self.conn, self.conn.execute(sql, params).fetchall())

    def event(self, event_id: str) -> Event | None:
        with self.snapshot():
            rows = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchall()
            found = load_events(self.conn, rows)
        return found[0] if found else None

    # --- ingest runs -----------------------------------------------------------------

    def start_run(self, paths: Iterable[str | Path]) -> int:
        (run_id,) = self.conn.execute(
            "INSERT INTO ingest_runs (started, paths) VALUES (?, ?) RETURNING id",
            (_now(), json.dumps([str(p) for p in paths], ensure_ascii=False)),
        ).fetchone()
        return int(run_id)

    def record_error(self, run_id: int, path: str, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO ingest_errors (run_id, path, reason) VALUES (?, ?, ?)", (run_id, path, reason)
        )

    def finish_run(self, run_id: int, *, read: int, new: int, duplicates: int, failed: int) -> None:
        cur = self.conn.execute(
            "UPDATE ingest_runs SET finished = ?, read = ?, new = ?, duplicates = ?, failed = ? "
            "WHERE id = ?", (_now(), read, new, duplicates, failed, run_id),
        )
        if cur.rowcount != 1:
            raise StoreError(f"no ingest run {run_id}")

    def runs(self) -> list[IngestRun]:
        """Ingest runs, newest first."""
        return [
            IngestRun(
                id=r["id"], started=r["started"], finished=r["finished"],
                paths=tuple(json.loads(r["paths"])), read=r["read"], new=r["new"],
                duplicates=r["duplicates"], failed=r["failed"],
            )
            for r in self.conn.execute("SELECT * FROM ingest_runs ORDER BY id DESC")
        ]

    def run_errors(self, run_id: int | None = None) -> list[IngestFailure]:
        """Files refused by run ``run_id`` (all runs when None), in the order met."""
        sql, params = "SELECT * FROM ingest_errors", []
        if run_id is not None:
            sql, params = sql + " WHERE run_id = ?", [run_id]
        return [
            IngestFailure(run_id=r["run_id"], path=r["path"], reason=r["reason"])
            for r in self.conn.execute(sql + " ORDER BY id", params)
        ]

    # --- unknown sources and counts --------------------------------------------------

    def record_unknown_source(self, name: str, article_id: str) -> None:
        """Note that ``article_id`` cites ``name``, unknown to the source registry (once per article)."""
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO unknown_sources (name, first_seen_article, count) "
                "VALUES (?, ?, 0)", (name, article_id),
            )
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO unknown_source_articles (name, article_id) VALUES (?, ?)",
                (name, article_id),
            )
            if cur.rowcount == 1:
                self.conn.execute(
                    "UPDATE unknown_sources SET count = count + 1 WHERE name = ?", (name,)
                )

    def unknown_sources(self) -> list[UnknownSource]:
        """Unknown source names, most cited first: candidates for ``data/sources.yml``."""
        return [
            UnknownSource(r["name"], r["first_seen_article"], r["count"])
            for r in self.conn.execute("SELECT * FROM unknown_sources ORDER BY count DESC, name")
        ]

    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        by_status = {
            r["status"]: r["n"] for r in self.conn.execute(
                "SELECT status, COUNT(*) AS n FROM articles GROUP BY status ORDER BY status"
            )
        }
        return StoreCounts(
            articles=count("articles"), reports=count("event_reports"), events=count("events"),
            runs=count("ingest_runs"), articles_by_status=by_status,
        )

