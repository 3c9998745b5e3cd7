"""The merge stage's reads and writes in the store (SQLite or PostgreSQL).

Why here and not in ``vigie/store``: these queries serve only merging (the candidate search
by date window and bounding box, the reports still waiting for an event, the framing table),
and they speak the merge stage's records (``ReportKey``, ``ArticleFraming``). Events
themselves are written with the store's own :meth:`Store.save_events`.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from vigie.merge.cluster import Skip
from vigie.merge.compatible import MergeRules, ReportKey, SideOf
from vigie.merge.framing import ArticleFraming, Hit
from vigie.models import Article, EventReport
from vigie.store import Store
from vigie.store.codec import article_from_row, geo_cell
from vigie.store.loading import load_reports, placeholders

_KEY_COLUMNS = (
    "id, article_id, event_date, date_precision, event_type, sub_event_type, actor1, actor2, "
    "latitude, longitude, admin1, geo_precision, gazetteer_id, date_doubtful"
)
_R_COLUMNS = ", ".join("r." + c.strip() for c in _KEY_COLUMNS.split(","))
_CHUNK = 500


def key_from_row(row: Any, *, rules: MergeRules, side_of: SideOf) -> ReportKey:
    day = date.fromisoformat(row["event_date"]).toordinal()
    width = rules.half_width.get(row["date_precision"], 0)
    located = row["latitude"] is not None and row["longitude"] is not None
    return ReportKey(
        id=row["id"], article_id=row["article_id"], day=day, lo=day - width, hi=day + width,
        event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"],
        side1=side_of(row["actor1"]) if row["actor1"] else None,
        side2=side_of(row["actor2"]) if row["actor2"] else None,
        lat=row["latitude"], lon=row["longitude"], admin1=row["admin1"],
        geo_precision=row["geo_precision"] if located else None,
        gazetteer_id=row["gazetteer_id"], doubtful=bool(row["date_doubtful"]),
    )


class StoreIndex:
    """Candidate search in the store: same superset as :class:`vigie.merge.cluster.MemoryIndex`."""

    def __init__(self, store: Store, *, rules: MergeRules, side_of: SideOf) -> None:
        self.conn = store.conn
        self.rules = rules
        self.side_of = side_of
        self._widest = max(rules.half_width.values())

    def neighbours(self, key: ReportKey) -> Iterator[ReportKey]:
        """Every candidate of ``key``, one key per stored report (the full closure needs all)."""
        sql, params = self._candidates(key)
        for row in self.conn.execute(f"SELECT {_R_COLUMNS} {sql}", params):
            yield key_from_row(row, rules=self.rules, side_of=self.side_of)

    def neighbour_events(self, key: ReportKey, *, skip: Skip = lambda rid, event: False
                         ) -> Iterator[tuple[ReportKey, str | None]]:
        """The candidates of ``key`` with the event holding each (None when in none).

        Members of one event that the merge rules cannot tell apart (same date, type, actors,
        place, doubt) come as one row, whose article is not ``key``'s when another member's
        is not: a report joining an event told by a thousand outlets reads a handful of rows.
        Those ``skip(report_id, event_id)`` rejects are passed over before their key is built.
        """
        sql, params = self._candidates(key)
        signature = ", ".join(f"r.{c.strip()}" for c in _KEY_COLUMNS.split(",")[2:])
        grouped = (
            # MIN(m.event_id): the one event id of the group (PostgreSQL wants an aggregate).
            f"SELECT MIN(r.id) AS id, CASE WHEN MIN(r.article_id) = ? THEN MAX(r.article_id) "
            f"ELSE MIN(r.article_id) END AS article_id, {signature}, MIN(m.event_id) AS event_id {sql} "
            f"GROUP BY COALESCE(m.event_id, r.id), {signature}"
        )
        for row in self.conn.execute(grouped, (key.article_id, *params)):
            if not skip(row["id"], row["event_id"]):
                yield key_from_row(row, rules=self.rules, side_of=self.side_of), row["event_id"]

    def _candidates(self, key: ReportKey) -> tuple[str, tuple[object, ...]]:
        """FROM ... WHERE ... selecting the stored reports that may match ``key``, and its
        parameters; an unplaced key has none."""
        if not key.located:
            return "FROM event_reports r WHERE 1 = 0", ()
        first = date.fromordinal(key.lo - self._widest).isoformat()
        last = date.fromordinal(key.hi + self._widest).isoformat()
        base = ("FROM event_reports r LEFT JOIN event_members m ON m.report_id = r.id "
                "WHERE r.event_date BETWEEN ? AND ? ")
        if key.geo_precision == 3:
            return (base + "AND r.geo_precision = 3 AND lower(r.admin1) = lower(?) AND r.id != ?",
                    (first, last, key.admin1, key.id))
        # The 3x3 grid cells around the key, as MemoryIndex probes them, read through the
        # tenth-of-a-degree squares (indexed with the date) they cover.
        g = self.rules.grid
        y, x = math.floor(key.lat / g), math.floor(key.lon / g)  # type: ignore[operator]
        south, north, west, east = (y - 1) * g, (y + 2) * g, (x - 1) * g, (x + 2) * g
        cells = [geo_cell(a, b) for a in range(math.floor(south * 10), math.floor(north * 10) + 1)
                 for b in range(math.floor(west * 10), math.floor(east * 10) + 1)]
        return (base + f"AND r.geo_cell IN ({placeholders(cells)}) AND r.latitude >= ? "
                "AND r.latitude < ? AND r.longitude >= ? AND r.longitude < ? "
                "AND r.geo_precision != 3 AND r.id != ?",
                (first, last, *cells, south, north, west, east, key.id))

    def members(self, event_ids: Sequence[str]) -> dict[str, list[ReportKey]]:
        out: dict[str, list[ReportKey]] = {e: [] for e in event_ids}
        for chunk in _chunks(list(event_ids)):
            for row in self.conn.execute(
                f"SELECT m.event_id, {_R_COLUMNS} FROM event_members m "
                f"JOIN event_reports r ON r.id = m.report_id "
                f"WHERE m.event_id IN ({placeholders(chunk)}) ORDER BY r.id", chunk,
            ):
                out[row["event_id"]].append(key_from_row(row, rules=self.rules, side_of=self.side_of))
        return out

    def split(self, event_ids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(event_ids)):
            out |= {r[0] for r in self.conn.execute(
                f"SELECT event_id, extra FROM events WHERE event_id IN ({placeholders(chunk)})", chunk,
            ) if json.loads(r[1]).get("split")}
        return out


def pending_keys(store: Store, *, rules: MergeRules, side_of: SideOf) -> list[ReportKey]:
    """Reports waiting for an event, plus the members of events that lost a member (to regroup
    them); events left with no member are deleted.

    The store's triggers queue every new report (``merge_queue``) and every event losing a
    member (``merge_dirty``), so this reads what changed, never the whole store.
    """
    rows = store.conn.execute(
        f"SELECT {_R_COLUMNS} FROM merge_queue q JOIN event_reports r ON r.id = q.report_id "
        "WHERE NOT EXISTS (SELECT 1 FROM event_members m WHERE m.report_id = r.id) ORDER BY r.id"
    ).fetchall()
    dirty = [r[0] for r in store.conn.execute("SELECT event_id FROM merge_dirty ORDER BY event_id")]
    empty = []
    for chunk in _chunks(dirty):
        found = store.conn.execute(
            f"SELECT {_R_COLUMNS}, m.event_id FROM event_members m "
            f"JOIN event_reports r ON r.id = m.report_id "
            f"WHERE m.event_id IN ({placeholders(chunk)})", chunk,
        ).fetchall()
        rows += found
        empty += sorted(set(chunk) - {r["event_id"] for r in found})
    delete_events(store, empty)
    return [key_from_row(r, rules=rules, side_of=side_of) for r in rows]


def clear_queues(store: Store) -> None:
    """Forget what :func:`pending_keys` and :func:`unframed_articles` read: it is merged."""
    for table in ("merge_queue", "merge_dirty", "framing_queue"):
        store.conn.execute(f"DELETE FROM {table}")


def delete_events(store: Store, event_ids: Sequence[str]) -> None:
    store.conn.executemany("DELETE FROM events WHERE event_id = ?", [(i,) for i in event_ids])


def memberships(store: Store, report_ids: Sequence[str]) -> dict[str, set[str]]:
    """event id -> its member report ids, for every event holding one of ``report_ids``."""
    out: dict[str, set[str]] = {}
    event_ids: set[str] = set()
    for chunk in _chunks(list(report_ids)):
        event_ids |= {r[0] for r in store.conn.execute(
            f"SELECT event_id FROM event_members WHERE report_id IN ({placeholders(chunk)})", chunk
        )}
    for chunk in _chunks(sorted(event_ids)):
        for row in store.conn.execute(
            f"SELECT event_id, report_id FROM event_members WHERE event_id IN ({placeholders(chunk)})",
            chunk,
        ):
            out.setdefault(row[0], set()).add(row[1])
    return out


def reports_by_id(store: Store, report_ids: Sequence[str]) -> dict[str, EventReport]:
    rows: list[Any] = []
    for chunk in _chunks(list(report_ids)):
        rows += store.conn.execute(
            f"SELECT * FROM event_reports WHERE id IN ({placeholders(chunk)})", chunk
        ).fetchall()
    return dict(zip((r["id"] for r in rows), load_reports(store.conn, rows)))


# --- framing --------------------------------------------------------------------------

def unframed_articles(store: Store) -> list[Article]:
    """Articles stored since the last merge (queued by a trigger) and not framed yet."""
    rows = store.conn.execute(
        "SELECT a.* FROM framing_queue q JOIN articles a ON a.id = q.article_id "
        "WHERE a.status = 'ok' AND NOT EXISTS (SELECT 1 FROM article_framing f "
        "WHERE f.article_id = a.id) ORDER BY a.rowid"
    ).fetchall()
    return [article_from_row(r) for r in rows]


def save_framing(store: Store, framing: ArticleFraming) -> None:
    hits = [[h.term, h.favours, h.start, h.end, h.text] for h in framing.hits]
    store.conn.execute(
        "INSERT INTO article_framing (article_id, outlet, words, counts, hits) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, words = excluded.words, "
        "counts = excluded.counts, hits = excluded.hits",
        (framing.article_id, framing.outlet, framing.words,
         json.dumps(framing.counts, ensure_ascii=False), json.dumps(hits, ensure_ascii=False)),
    )


def framings(store: Store) -> list[ArticleFraming]:
    """Every stored article framing, in article order."""
    return [
        ArticleFraming(
            article_id=r["article_id"], outlet=r["outlet"], words=r["words"],
            hits=tuple(Hit(*h) for h in json.loads(r["hits"])),
        )
        for r in store.conn.execute(
            "SELECT f.* FROM article_framing f JOIN articles a ON a.id = f.article_id ORDER BY a.rowid"
        )
    ]


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]
