"""Writing reviews back over the machine's events, after every merge.

Why after the merge and not at read time: every reader (the CLI, exports, the web desk, SQL
filters over 100,000 events) then sees the reviewed values with no extra work. The merge stage
may rewrite or regroup a reviewed event at any time; :func:`apply_reviews` then

1. **finds** each review's event again: its event id if still there, else the event holding
   most of its member reports, else (reports re-extracted under new ids) the event of the same
   articles nearest to the reviewed date;
2. **pins** the members of a merged or split event: if the merge stage regrouped them, the
   touched events are rebuilt from their reports (the merge stage's own ``build_event``) so the
   pinned group stands alone again;
3. **overlays** the review's fields on the ``events`` row and marks ``extra.review`` with its
   status (exports show it). The row's fingerprint stays the machine's, so an unchanged
   re-merge leaves the overlay in place and a changed one is overlaid again.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from vigie.models import Event
from vigie.review.book import Review, ReviewBook
from vigie.review.fields import column_values
from vigie.store import Store, codec

if TYPE_CHECKING:
    from vigie.merge import MergeContext

_DATE_SLACK_DAYS = 7  # how far a re-extracted event may move and still be the reviewed one


def apply_reviews(store: Store, *, event_ids: Iterable[str] | None = None) -> list[str]:
    """Re-apply the reviews of ``event_ids`` (and every review whose event is gone; all when
    None); the ids of the events now carrying a review."""
    book = ReviewBook(store)
    if not book.any():
        return []
    applied: list[str] = []
    with store.transaction():
        rebuilder = _Rebuilder(store)
        for review in book.reviews(event_ids=None if event_ids is None else list(event_ids)):
            event_id = rebuilder.pin(review) if review.pinned else None
            event_id = event_id or find_event(store, review)
            members = members_of(store, event_id) if event_id else list(review.members)
            book.move(review, event_id=event_id, members=members)
            if event_id:
                overlay(store, event_id, review)
                applied.append(event_id)
    return applied


def members_of(store: Store, event_id: str) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT report_id FROM event_members WHERE event_id = ? ORDER BY idx", (event_id,)
    )]


def find_event(store: Store, review: Review) -> str | None:
    """The current event of ``review`` (see the module docstring, step 1), or None."""
    conn = store.conn
    if review.event_id and conn.execute(
        "SELECT 1 FROM events WHERE event_id = ?", (review.event_id,)
    ).fetchone():
        return review.event_id
    row = conn.execute(
        "SELECT event_id, COUNT(*) AS n FROM event_members WHERE report_id IN "
        "(SELECT value FROM json_each(?)) GROUP BY event_id ORDER BY n DESC, event_id LIMIT 1",
        (json.dumps(list(review.members)),),
    ).fetchone()
    if row:
        return str(row["event_id"])
    day = review.machine.get("event_date")
    if not day or not review.articles:
        return None
    rows = conn.execute(
        "SELECT e.event_id, e.event_date, COUNT(DISTINCT r.article_id) AS n FROM events e "
        "JOIN event_members m ON m.event_id = e.event_id JOIN event_reports r ON r.id = m.report_id "
        "WHERE r.article_id IN (SELECT value FROM json_each(?)) GROUP BY e.event_id, e.event_date",
        (json.dumps(list(review.articles)),),
    ).fetchall()
    target = date.fromisoformat(day)

    def distance(r: object) -> int:
        return abs((date.fromisoformat(r["event_date"]) - target).days)  # type: ignore[index]

    near = [r for r in rows if distance(r) <= _DATE_SLACK_DAYS]
    if not near:
        return None
    return str(min(near, key=lambda r: (-r["n"], distance(r), r["event_id"]))["event_id"])


def overlay(store: Store, event_id: str, review: Review) -> None:
    """Write ``review``'s fields and status over the ``events`` row of ``event_id``."""
    values = column_values(review.fields)
    sets = "".join(f", {name} = ?" for name in values)
    (extra,) = store.conn.execute("SELECT extra FROM events WHERE event_id = ?", (event_id,)).fetchone()
    extra = codec.canonical_json({**json.loads(extra), "review": review.status})
    store.conn.execute(
        f"UPDATE events SET extra = ?{sets} WHERE event_id = ?",
        (extra, *values.values(), event_id),
    )
    if {"actor1", "actor2", "assoc_actor_1", "assoc_actor_2"} & set(values):
        _refresh_actors(store, event_id)


def _refresh_actors(store: Store, event_id: str) -> None:
    """Rebuild the actor filter rows of ``event_id`` from its (edited) row."""
    row = store.conn.execute(
        "SELECT actor1, actor2, assoc_actor_1, assoc_actor_2 FROM events WHERE event_id = ?",
        (event_id,),
    ).fetchone()
    rows = {(event_id, row["actor1"], "actor1"), (event_id, row["actor2"], "actor2")}
    rows |= {(event_id, a, "assoc_actor_1") for a in json.loads(row["assoc_actor_1"])}
    rows |= {(event_id, a, "assoc_actor_2") for a in json.loads(row["assoc_actor_2"])}
    store.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
    store.conn.executemany(
        "INSERT OR IGNORE INTO event_actors (event_id, actor, role) VALUES (?, ?, ?)",
        sorted(r for r in rows if r[1]),
    )


class _Rebuilder:
    """Rebuilds events so that a pinned group of reports is one event (step 2)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._ctx: MergeContext | None = None

    def pin(self, review: Review) -> str | None:
        """The event holding exactly the review's surviving members, rebuilt if needed."""
        from vigie.merge import persist

        conn = self.store.conn
        members = [r[0] for r in conn.execute(
            "SELECT id FROM event_reports WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(review.members)),),
        )]
        if not members:
            return None
        touched = persist.memberships(self.store, members)
        if len(touched) == 1 and next(iter(touched.values())) == set(members):
            return next(iter(touched))
        groups = [set(members)] + [
            left for ids in touched.values() if (left := ids - set(members))
        ]
        persist.delete_events(self.store, sorted(touched))
        events = [self._build(sorted(g)) for g in groups]
        self.store.save_events(events)
        return events[0].event_id

    def _build(self, ids: list[str]) -> Event:
        from vigie.merge import MergeContext, persist
        from vigie.merge.build import build_event

        if self._ctx is None:
            self._ctx = MergeContext.load()
        reports = persist.reports_by_id(self.store, ids)
        event, _grade = build_event([(i, reports[i]) for i in ids], ctx=self._ctx)
        return event
