"""Writing reports and merged events table by table: one statement per table for a batch.

Why batched: on PostgreSQL every statement is a round trip to the server, and writing a report
row by row (its row, its claims, its evidence, its actors) or an event statement by statement
(its fingerprint, its row, its members, its actors) cost about 13 round trips per ingested
report. Here each table gets one statement per batch (:meth:`Connection.executemany` sends the
rows of an INSERT together, ``IN (...)`` lists delete and read many keys at once). The rows
written and their order within each table are those of the row-by-row writes they replace.
"""
from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from vigie.models import Event, EventReport
from vigie.store import codec
from vigie.store.backend import Connection
from vigie.store.loading import chunks, placeholders

def insert_reports(conn: Connection, reports: Sequence[tuple[str, int, EventReport]]) -> None:
    """Insert ``(report id, idx, report)`` rows with their claims, evidence and actors."""
    if not reports:
        return
    cols = codec.REPORT_COLUMNS
    conn.executemany(
        f"INSERT INTO event_reports ({', '.join(cols)}) VALUES ({placeholders(cols)})",
        [codec.report_row(rid, idx, r) for rid, idx, r in reports],
    )
    conn.executemany(
        'INSERT INTO claims (report_id, idx, count, qualifier, who, source, quote, estimate,'
        ' subfigures, start, "end", flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [codec.claim_row(rid, i, c) for rid, _, r in reports for i, c in enumerate(r.claims)],
    )
    conn.executemany(
        'INSERT INTO evidence (report_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(rid, i, e.start, e.end, e.text) for rid, _, r in reports for i, e in enumerate(r.evidence)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO report_actors (report_id, actor, role) VALUES (?, ?, ?)",
        [row for rid, _, r in reports for row in codec.actor_rows(rid, r)],
    )


def stored_among(conn: Connection, table: str, key: str, ids: Sequence[str], column: str
                 ) -> dict[str, object]:
    """``{id: column}`` of the rows of ``table`` whose ``key`` is one of ``ids``."""
    found: dict[str, object] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        for row in conn.execute(
            f"SELECT {key}, {column} FROM {table} WHERE {key} IN ({placeholders(chunk)})", chunk
        ):
            found[row[0]] = row[1]
    return found


def write_events(conn: Connection, events: Sequence[Event],
                 members: Mapping[str, Sequence[str]]) -> None:
    """Upsert ``events`` (distinct ids) whose content changed, with their members and actors.

    An event whose row and members hash to its stored fingerprint is left as it is (its
    ``updated`` time and ``seq`` stay).
    """
    old = stored_among(conn, "events", "event_id", [e.event_id for e in events], "fingerprint")
    changed: list[tuple[Event, tuple[object, ...], str]] = []
    for event in events:
        values = codec.event_row(event)
        fingerprint = codec.canonical_json([list(values), list(members[event.event_id])])
        if old.get(event.event_id) != fingerprint:
            changed.append((event, values, fingerprint))
    if not changed:
        return
    cols = (*codec.EVENT_COLUMNS, "fingerprint", "updated")
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
    now = int(time.time())
    conn.executemany(
        f"INSERT INTO events ({', '.join(cols)}) VALUES ({placeholders(cols)}) "
        f"ON CONFLICT(event_id) DO UPDATE SET {updates}",
        [(*values, fingerprint, now) for _, values, fingerprint in changed],
    )
    ids = [e.event_id for e, _, _ in changed]
    _delete_where_event(conn, "event_members", ids)
    conn.executemany(
        "INSERT OR IGNORE INTO event_members (event_id, report_id, idx) VALUES (?, ?, ?)",
        [(i, rid, n) for i in ids for n, rid in enumerate(members[i])],
    )
    # Rewriting the members fired the "lost a member" trigger: these events are up to date.
    _delete_where_event(conn, "merge_dirty", ids)
    _delete_where_event(conn, "event_actors", ids)
    conn.executemany(
        "INSERT OR IGNORE INTO event_actors (event_id, actor, role) VALUES (?, ?, ?)",
        [row for e, _, _ in changed for row in codec.actor_rows(e.event_id, e)],
    )


def _delete_where_event(conn: Connection, table: str, ids: list[str]) -> None:
    for chunk in chunks(ids):
        conn.execute(f"DELETE FROM {table} WHERE event_id IN ({placeholders(chunk)})", chunk)

