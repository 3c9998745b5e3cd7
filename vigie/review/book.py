"""Reading and writing reviews and the audit log (tables of migration 8).

Why a small class over the store's connection rather than methods on ``Store``: reviews are
the desk's concern; the store stays the pipeline's, and this module can change without it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vigie.store import Store

STATUSES = ("accepted", "edited", "rejected")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass(frozen=True)
class Review:
    """An analyst's decision on one event.

    ``fields`` are the values that win over the machine's; ``members`` the event's report ids
    when reviewed (used to find it again); ``pinned`` says a merge or split fixed those
    members, so the merge stage may not regroup them; ``machine`` the machine's values then.
    """

    id: int | None
    event_id: str | None
    status: str
    reviewer: str
    members: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)
    pinned: bool = False
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class LogEntry:
    """One line of the audit log."""

    id: int
    at: str
    who: str
    action: str
    event_id: str | None
    before: dict[str, Any]
    after: dict[str, Any]
    comment: str


class ReviewBook:
    """The reviews and audit log of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def get(self, event_id: str) -> Review | None:
        row = self.conn.execute("SELECT * FROM reviews WHERE event_id = ?", (event_id,)).fetchone()
        return _review(row) if row else None

    def reviews(self, *, event_ids: Iterable[str] | None = None) -> list[Review]:
        """All reviews (oldest first), or those anchored on ``event_ids``, or lost ones."""
        if event_ids is None:
            rows = self.conn.execute("SELECT * FROM reviews ORDER BY updated, id").fetchall()
        else:
            ids = list(dict.fromkeys(event_ids))
            rows = self.conn.execute(
                "SELECT * FROM reviews WHERE event_id IS NULL OR event_id NOT IN "
                "(SELECT event_id FROM events) OR event_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY updated, id", (json.dumps(ids),),
            ).fetchall()
        return [_review(r) for r in rows]

    def any(self) -> bool:
        return self.conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone() is not None

    def save(self, review: Review) -> Review:
        """Insert or update ``review`` (by id); another review on the same event is dropped."""
        with self.store.transaction():
            if review.event_id is not None:
                self.conn.execute(
                    "DELETE FROM reviews WHERE event_id = ? AND id IS DISTINCT FROM ?",
                    (review.event_id, review.id),
                )
            values = (
                review.event_id, json.dumps(list(review.members)),
                json.dumps(list(review.articles)), review.status,
                json.dumps(review.fields, ensure_ascii=False),
                json.dumps(review.machine, ensure_ascii=False), int(review.pinned), review.reviewer,
            )
            stamp = now()
            if review.id is None:
                (review_id,) = self.conn.execute(
                    "INSERT INTO reviews (event_id, members, articles, status, fields, machine, "
                    "pinned, reviewer, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    (*values, stamp, stamp),
                ).fetchone()
                return self._by_id(int(review_id))
            self.conn.execute(
                "UPDATE reviews SET event_id = ?, members = ?, articles = ?, status = ?, "
                "fields = ?, machine = ?, pinned = ?, reviewer = ?, updated = ? WHERE id = ?",
                (*values, stamp, review.id),
            )
            return self._by_id(review.id)

    def move(self, review: Review, *, event_id: str | None, members: Iterable[str]) -> None:
        """Re-anchor ``review`` on ``event_id`` (None: its event is lost) without a log line."""
        with self.store.transaction():
            if event_id is not None:
                self.conn.execute(
                    "UPDATE reviews SET event_id = NULL WHERE event_id = ? AND id != ?",
                    (event_id, review.id),
                )
            self.conn.execute(
                "UPDATE reviews SET event_id = ?, members = ? WHERE id = ?",
                (event_id, json.dumps(sorted(members)), review.id),
            )

    def delete(self, review_id: int) -> None:
        self.conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))

    def _by_id(self, review_id: int) -> Review:
        return _review(self.conn.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone())

    # --- audit log ----------------------------------------------------------------------

    def log(self, *, who: str, action: str, event_id: str | None, before: dict[str, Any],
            after: dict[str, Any], comment: str = "") -> None:
        self.conn.execute(
            "INSERT INTO review_log (at, who, action, event_id, before, after, comment) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now(), who, action, event_id, json.dumps(before, ensure_ascii=False),
             json.dumps(after, ensure_ascii=False), comment),
        )

    def history(self, *, event_ids: Iterable[str] | None = None, limit: int = 200) -> list[LogEntry]:
        """Audit log lines, newest first (of ``event_ids`` when given)."""
        if event_ids is None:
            rows = self.conn.execute(
                "SELECT * FROM review_log ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT * FROM review_log WHERE event_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY id DESC LIMIT ?", (json.dumps(list(event_ids)), limit),
            ).fetchall()
        return [
            LogEntry(id=r["id"], at=r["at"], who=r["who"], action=r["action"],
                     event_id=r["event_id"], before=json.loads(r["before"]),
                     after=json.loads(r["after"]), comment=r["comment"])
            for r in rows
        ]


def _review(row: Any) -> Review:
    return Review(
        id=row["id"], event_id=row["event_id"], status=row["status"], reviewer=row["reviewer"],
        members=tuple(json.loads(row["members"])), articles=tuple(json.loads(row["articles"])),
        fields=json.loads(row["fields"]), machine=json.loads(row["machine"]),
        pinned=bool(row["pinned"]),
        created=row["created"], updated=row["updated"],
    )
