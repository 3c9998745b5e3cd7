"""The merge stage: one real event, one record.

1. **key** - each report is reduced to the fields the merge rules read
   (:mod:`vigie.merge.compatible`, rules in ``data/merge_rules.yml``).
2. **candidates** - a blocking index (cell x day buckets in memory, or a date-window and
   bounding-box query in SQLite) yields the reports that may be the same event.
3. **group** - the new reports and everything linked to them through compatible pairs are
   split into events, two reports of one article never together (:mod:`vigie.merge.cluster`).
   The result depends only on the set of reports, never on their arrival order.
4. **build** - each group becomes an ``Event`` (:mod:`vigie.merge.build`): attributes by vote,
   claims with their lineage and the low/best/high range (:mod:`vigie.merge.claims`), a grade
   (:mod:`vigie.merge.grades`), neutral notes (:mod:`vigie.merge.notes`).
5. **write** - events replaced by a regrouping are deleted, the others upserted.

:func:`merge_pending` runs this on the store after each ingested article (and records each
article's framing, :mod:`vigie.merge.framing`); :class:`Merger` runs the same steps in memory
(the benchmark, batch merges of extracted reports).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from vigie.merge.build import MergeContext, build_event
from vigie.merge.cluster import Group, MemoryIndex, Skip, partition
from vigie.merge.compatible import ReportKey, make_key
from vigie.merge.scores import cluster_scores
from vigie.models import Event, EventReport
from vigie.store import Store
from vigie.store.codec import report_id

__all__ = ["MergeContext", "Merger", "cluster_scores", "merge_pending", "merge_reports"]


@dataclass(frozen=True)
class Regrouping:
    events: list[Event]
    stale: list[str]  # ids of events replaced by the regrouping
    changed: list[str]  # ids of events created or whose members changed
    unknown_sources: list[tuple[str, str]]  # (name, article id) unknown to the source registry
    members: dict[str, list[str]]  # event id -> its report ids, in the order of event.reports


def regroup(groups: Sequence[Group], *, old: Mapping[str, set[str]],
            load: Callable[[list[str]], Mapping[str, EventReport]], ctx: MergeContext) -> Regrouping:
    """Events for ``groups``; ``old`` = the previous events (id -> member ids) they touch.

    An event that is not its whole graph component records ``extra["split"]``, so that reports
    joining it later take the full closure (:func:`vigie.merge.cluster.extend`).
    """
    reports = load(sorted({k.id for g in groups for k in g.keys}))
    events, changed, unknown, members = [], [], set(), {}
    for group in groups:
        event, grade = build_event([(k.id, reports[k.id]) for k in group.keys], ctx=ctx)
        if not group.whole:
            event = replace(event, extra={**event.extra, "split": True})
        events.append(event)
        members[event.event_id] = [k.id for k in group.keys]
        unknown |= set(grade.unknown)
        if old.get(event.event_id) != {k.id for k in group.keys}:
            changed.append(event.event_id)
    new_ids = {e.event_id for e in events}
    return Regrouping(events, sorted(set(old) - new_ids), sorted(changed), sorted(unknown), members)


def merge_pending(store: Store, *, ctx: MergeContext | None = None) -> list[str]:
    """Merge every stored report not yet in an event; the ids of events created or changed.

    Also records the framing of every article not framed yet, and regroups the events that
    lost a member. What is waiting is tracked by the store (queues filled by triggers,
    :mod:`vigie.merge.persist`), so the cost follows the new work, not the size of the store.
    Running it again with nothing new changes nothing and returns [].
    """
    from vigie.merge import persist
    from vigie.merge.framing import frame_article
    from vigie.review.apply import apply_reviews  # reviewed values win over the regrouping

    ctx = ctx or MergeContext.load()
    with store.transaction():
        for article in persist.unframed_articles(store):
            persist.save_framing(store, frame_article(article, lexicon=ctx.lexicon))
        new = persist.pending_keys(store, rules=ctx.rules, side_of=ctx.side_of)
        changed: list[str] = []
        if new:
            index = persist.StoreIndex(store, rules=ctx.rules, side_of=ctx.side_of)
            groups = partition(new, index, rules=ctx.rules)
            old = persist.memberships(store, [k.id for g in groups for k in g.keys])
            result = regroup(groups, old=old, load=lambda ids: persist.reports_by_id(store, ids), ctx=ctx)
            persist.delete_events(store, result.stale)
            store.save_events(result.events, member_ids=result.members)
            apply_reviews(store, event_ids=[e.event_id for e in result.events] + result.stale)
            for name, article_id in result.unknown_sources:
                store.record_unknown_source(name, article_id)
            changed = result.changed
        persist.clear_queues(store)
    return changed


class Merger:
    """The merge stage in memory: add reports in batches, read the events at any time."""

    def __init__(self, ctx: MergeContext | None = None) -> None:
        self.ctx = ctx or MergeContext.load()
        self.index = MemoryIndex(self.ctx.rules)
        self.reports: dict[str, EventReport] = {}
        self.event_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.events: dict[str, Event] = {}
        self.split: set[str] = set()

    def add(self, reports: Iterable[EventReport]) -> list[str]:
        """Merge ``reports``; the ids of events created or changed."""
        keys = []
        for report in reports:
            rid = report_id(report)
            if rid in self.reports:
                continue
            self.reports[rid] = report
            key = make_key(rid, report, rules=self.ctx.rules, side_of=self.ctx.side_of)
            self.index.add(key)
            keys.append(key)
        if not keys:
            return []
        groups = partition(keys, _KnownInMemory(self), rules=self.ctx.rules)
        touched = {self.event_of[k.id] for g in groups for k in g.keys if k.id in self.event_of}
        old = {eid: self.members[eid] for eid in touched}
        result = regroup(groups, old=old, load=lambda ids: {i: self.reports[i] for i in ids}, ctx=self.ctx)
        for eid in result.stale:
            del self.events[eid], self.members[eid]
            self.split.discard(eid)
        for event, group in zip(result.events, groups):
            self.events[event.event_id] = event
            self.members[event.event_id] = {k.id for k in group.keys}
            if group.whole:
                self.split.discard(event.event_id)
            else:
                self.split.add(event.event_id)
            for k in group.keys:
                self.event_of[k.id] = event.event_id
        return result.changed

    def partition(self) -> set[frozenset[str]]:
        """The current events as sets of report ids."""
        return {frozenset(m) for m in self.members.values()}


class _KnownInMemory:
    """The :class:`vigie.merge.cluster.KnownEvents` view of a :class:`Merger`."""

    def __init__(self, merger: Merger) -> None:
        self.merger = merger

    def neighbours(self, key: ReportKey) -> Iterator[ReportKey]:
        return self.merger.index.neighbours(key)

    def neighbour_events(self, key: ReportKey, *, skip: Skip) -> Iterator[tuple[ReportKey, str | None]]:
        event_of = self.merger.event_of
        for other in self.merger.index.neighbours(key):
            event = event_of.get(other.id)
            if not skip(other.id, event):
                yield other, event

    def members(self, event_ids: Sequence[str]) -> dict[str, list[ReportKey]]:
        keys = self.merger.index.keys
        return {e: [keys[i] for i in sorted(self.merger.members[e])] for e in event_ids}

    def split(self, event_ids: Sequence[str]) -> set[str]:
        return set(event_ids) & self.merger.split


def merge_reports(reports: Iterable[EventReport], *, ctx: MergeContext | None = None) -> list[Event]:
    """Merge reports without a store; events sorted by date then id."""
    merger = Merger(ctx)
    merger.add(reports)
    return sorted(merger.events.values(), key=lambda e: (e.event_date, e.event_id))
