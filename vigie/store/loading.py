"""Rebuilding reports and events from their rows, with their claims, evidence and members.

Why batched: an export reads thousands of events; one query per table per 500 ids keeps
that to a handful of queries instead of several per event.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from vigie.models import Claim, Event, EventReport, Evidence
from vigie.store import codec
from vigie.store.backend import Connection, Row

_CHUNK = 500  # bound on the number of ? in one IN (...) query


def placeholders(columns: Sequence[object]) -> str:
    """"?, ?, ?" for ``columns``."""
    return ", ".join("?" for _ in columns)


def load_reports(conn: Connection, rows: Sequence[Row]) -> list[EventReport]:
    """The reports of ``rows`` (event_reports rows), in that order, claims and evidence attached."""
    ids = [r["id"] for r in rows]
    claims: dict[str, list[Claim]] = {i: [] for i in ids}
    evidence: dict[str, list[Evidence]] = {i: [] for i in ids}
    for chunk in chunks(ids):
        marks = placeholders(chunk)
        for row in conn.execute(
            f"SELECT * FROM claims WHERE report_id IN ({marks}) ORDER BY report_id, idx", chunk
        ):
            claims[row["report_id"]].append(codec.claim_from_row(row))
        for row in conn.execute(
            f"SELECT * FROM evidence WHERE report_id IN ({marks}) ORDER BY report_id, idx", chunk
        ):
            evidence[row["report_id"]].append(codec.evidence_from_row(row))
    return [
        codec.report_from_row(r, tuple(claims[r["id"]]), tuple(evidence[r["id"]])) for r in rows
    ]


def load_events(conn: Connection, rows: Sequence[Row]) -> list[Event]:
    """The events of ``rows`` (events rows), in that order, each with its member reports."""
    members: dict[str, list[str]] = {r["event_id"]: [] for r in rows}
    for chunk in chunks(list(members)):
        for m in conn.execute(
            f"SELECT event_id, report_id FROM event_members WHERE event_id IN "
            f"({placeholders(chunk)}) ORDER BY event_id, idx", chunk,
        ):
            members[m["event_id"]].append(m["report_id"])
    report_ids = sorted({rid for ids in members.values() for rid in ids})
    report_rows: list[Row] = []
    for chunk in chunks(report_ids):
        report_rows += conn.execute(
            f"SELECT * FROM event_reports WHERE id IN ({placeholders(chunk)})", chunk
        ).fetchall()
    by_id = dict(zip((r["id"] for r in report_rows), load_reports(conn, report_rows)))
    return [
        codec.event_from_row(r, tuple(by_id[i] for i in members[r["event_id"]] if i in by_id))
        for r in rows
    ]


def chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in slices short enough for one ``IN (...)`` list."""
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]
