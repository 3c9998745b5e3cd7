"""The five review actions: accept, edit, reject, merge two events, split one.

Each one stores its decision as a :class:`~vigie.review.book.Review`, applies it at once
(:func:`vigie.review.apply.apply_reviews`), and appends who, when, the values before and after,
and the comment to the audit log, all in one transaction.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from vigie.errors import NotFound, ReviewError
from vigie.models import Event
from vigie.review.apply import apply_reviews, members_of
from vigie.review.book import Review, ReviewBook
from vigie.review.fields import clean, snapshot
from vigie.store import Store


def _event(store: Store, event_id: str) -> Event:
    event = store.event(event_id)
    if event is None:
        raise NotFound(f"no event {event_id!r}")
    return event


def _review_of(book: ReviewBook, event: Event, *, who: str) -> Review:
    """The event's review, or a new one remembering the machine's values and members."""
    found = book.get(event.event_id)
    if found is not None:
        return replace(found, reviewer=who)
    return Review(
        id=None, event_id=event.event_id, status="accepted", reviewer=who,
        members=tuple(members_of(book.store, event.event_id)),
        articles=tuple(dict.fromkeys(r.article_id for r in event.reports)),
        machine=snapshot(event),
    )


def _decide(store: Store, event_id: str, *, who: str, action: str, status: str,
            changes: Mapping[str, Any] | None, comment: str) -> Event:
    book = ReviewBook(store)
    with store.transaction():
        event = _event(store, event_id)
        before = snapshot(event)
        review = _review_of(book, event, who=who)
        fields = dict(review.fields)
        if changes:
            fields.update(clean(changes, current=before))
        book.save(replace(review, status=status, fields=fields))
        apply_reviews(store, event_ids=[event_id])
        after = _event(store, event_id)
        book.log(who=who, action=action, event_id=event_id, before={**before, "review": review_status(event)},
                 after={**snapshot(after), "review": status}, comment=comment)
    return after


def review_status(event: Event) -> str | None:
    """The review status an event carries (None when never reviewed)."""
    status = event.extra.get("review")
    return str(status) if status else None


def accept(store: Store, event_id: str, *, who: str, comment: str = "") -> Event:
    """Mark the event as checked, keeping any earlier edit."""
    return _decide(store, event_id, who=who, action="accept", status="accepted", changes=None,
                   comment=comment)


def edit(store: Store, event_id: str, changes: Mapping[str, Any], *, who: str,
         comment: str = "") -> Event:
    """Set fields of the event (see :data:`vigie.review.fields.EDITABLE`); they win from now on."""
    if not changes:
        raise ReviewError("nothing to change")
    return _decide(store, event_id, who=who, action="edit", status="edited", changes=changes,
                   comment=comment)


def reject(store: Store, event_id: str, *, who: str, comment: str = "") -> Event:
    """Say the event is not an event: it leaves listings and exports, and stays rejected."""
    return _decide(store, event_id, who=who, action="reject", status="rejected", changes=None,
                   comment=comment)


def merge_events(store: Store, event_id: str, other_id: str, *, who: str,
                 comment: str = "") -> Event:
    """Make one event of two (the machine split one real event); the first one's edits win."""
    if event_id == other_id:
        raise ReviewError("cannot merge an event with itself")
    book = ReviewBook(store)
    with store.transaction():
        first, second = _event(store, event_id), _event(store, other_id)
        reviews = [book.get(first.event_id), book.get(second.event_id)]
        fields = {**(reviews[1].fields if reviews[1] else {}), **(reviews[0].fields if reviews[0] else {})}
        for old in reviews:
            if old is not None and old.id is not None:
                book.delete(old.id)
        base = _review_of(book, first, who=who)
        merged = replace(
            base, id=None, event_id=None, status="edited", fields=fields, pinned=True,
            members=tuple(members_of(store, event_id) + members_of(store, other_id)),
            articles=tuple(dict.fromkeys(
                [r.article_id for r in first.reports] + [r.article_id for r in second.reports]
            )),
        )
        book.save(merged)
        applied = apply_reviews(store, event_ids=[])
        result = _event(store, _anchor(book, merged, applied))
        book.log(who=who, action="merge", event_id=result.event_id,
                 before={event_id: snapshot(first), other_id: snapshot(second)},
                 after={result.event_id: snapshot(result)}, comment=comment)
    return result


def split_event(store: Store, event_id: str, groups: Sequence[Sequence[str]], *, who: str,
                comment: str = "") -> list[Event]:
    """Cut an event into ``groups`` of its report ids (the machine merged different events)."""
    book = ReviewBook(store)
    with store.transaction():
        event = _event(store, event_id)
        members = members_of(store, event_id)
        flat = [rid for group in groups for rid in group]
        if sorted(flat) != sorted(members) or len([g for g in groups if g]) < 2:
            raise ReviewError("a split needs two or more groups that share out the event's reports")
        old = book.get(event_id)
        if old is not None and old.id is not None:
            book.delete(old.id)
        base = _review_of(book, event, who=who)
        parts = [
            book.save(replace(base, id=None, event_id=None, status="edited", pinned=True,
                              members=tuple(group), fields={}))
            for group in groups if group
        ]
        applied = apply_reviews(store, event_ids=[])
        results = [_event(store, _anchor(book, part, applied)) for part in parts]
        book.log(who=who, action="split", event_id=event_id, before={event_id: snapshot(event)},
                 after={e.event_id: snapshot(e) for e in results}, comment=comment)
    return results


def _anchor(book: ReviewBook, review: Review, applied: list[str]) -> str:
    """The event a just-saved pinned review now sits on."""
    for event_id in applied:
        found = book.get(event_id)
        if found is not None and set(found.members) == set(review.members):
            return event_id
    raise ReviewError("the reviewed reports are no longer stored")
