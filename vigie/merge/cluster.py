"""Grouping reports into events: blocking, the closure of the "same event" relation, and the split.

Why this shape:
- **Order independence.** The events are a function of the set of reports, not of their
  arrival order: the relation is pairwise (:func:`vigie.merge.compatible.link_strength`), a new
  report re-computes the whole connected group it touches (its graph component, found by
  following links from it), and the group is split by a deterministic rule. Ingesting the same
  reports in any order, one at a time or all at once, gives the same events.
- **Two reports of one article never share an event**, even through a third report: within a
  graph component, links are taken strongest first (then by report ids) and a link joining two
  groups that already hold reports of the same article is refused (a constrained Kruskal).
- **Blocking.** Candidates come from buckets keyed by (spatial cell, day): a report is filed
  under its grid cell (or its governorate when it is only known to precision 3) for every day
  its date may stand for, and looks in the 3x3 cells around it for the days of its own window.
  Two reports whose windows overlap share a day, so no compatible pair is missed, and the work
  per report stays constant however large the store grows.
- **Deterministic ids**: ``ev-`` + a hash of the smallest member report id.
- **Linear cost for new reports** (:func:`extend`): an event that is its whole graph component
  (no compatible link leads out of it: ``Group.whole``) is what the split above gives for it.
  When new reports, none of them in an event yet, link only to such events and the result
  holds no two reports of one article, the split cannot refuse a link: the new component is
  one event, found by testing each new report against its candidates once, whatever the size
  of the events it joins. Anything else (a conflict, a split component, a regrouping after a
  deletion) takes the full closure, which gives the same events by construction.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from vigie.merge.compatible import MergeRules, ReportKey, link_strength


class CandidateIndex(Protocol):
    """Where already-known reports are looked up: in memory or in the SQLite store."""

    def neighbours(self, key: ReportKey) -> Iterable[ReportKey]:
        """Every stored report that may be compatible with ``key`` (a superset is fine)."""
        ...


Skip = Callable[[str, "str | None"], bool]


@runtime_checkable
class KnownEvents(CandidateIndex, Protocol):
    """A candidate index that also knows the events already formed (for :func:`extend`)."""

    def neighbour_events(self, key: ReportKey, *, skip: Skip
                         ) -> Iterable[tuple[ReportKey, str | None]]:
        """:meth:`neighbours`, each with the id of the event holding it (None if in none),
        leaving out those ``skip(report_id, event_id)`` rejects, before building their key."""
        ...

    def members(self, event_ids: Sequence[str]) -> Mapping[str, list[ReportKey]]:
        """The member keys of each event."""
        ...

    def split(self, event_ids: Sequence[str]) -> set[str]:
        """Those of ``event_ids`` that are not their whole graph component."""
        ...


@dataclass(frozen=True)
class Group:
    """One event's reports (sorted by id); ``whole`` when no compatible link leads out of it."""

    keys: list[ReportKey]
    whole: bool


def event_id_for(member_ids: Iterable[str]) -> str:
    """``ev-`` + 16 hex digits of sha1 of the smallest member report id."""
    return "ev-" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:16]


def _area(key: ReportKey, rules: MergeRules) -> tuple[Hashable, ...] | None:
    if not key.located:
        return None
    if key.geo_precision == 3:
        return ("admin1", (key.admin1 or "").casefold())
    return ("cell", math.floor(key.lat / rules.grid), math.floor(key.lon / rules.grid))  # type: ignore[operator]


def filing_blocks(key: ReportKey, rules: MergeRules) -> list[tuple[Hashable, ...]]:
    """The buckets a report is filed under (one per day of its window); none when unplaced."""
    area = _area(key, rules)
    return [] if area is None else [(*area, day) for day in range(key.lo, key.hi + 1)]


def probe_blocks(key: ReportKey, rules: MergeRules) -> Iterator[tuple[Hashable, ...]]:
    """The buckets to search for a report's candidates."""
    area = _area(key, rules)
    if area is None:
        return
    if area[0] == "admin1":
        areas: list[tuple[Hashable, ...]] = [area]
    else:
        _, y, x = area
        areas = [("cell", y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    for day in range(key.lo, key.hi + 1):
        for a in areas:
            yield (*a, day)


class MemoryIndex:
    """An in-memory blocking index over report keys (the bench, batch merges, tests)."""

    def __init__(self, rules: MergeRules) -> None:
        self.rules = rules
        self._buckets: dict[tuple[Hashable, ...], list[ReportKey]] = defaultdict(list)
        self.keys: dict[str, ReportKey] = {}

    def add(self, key: ReportKey) -> None:
        if key.id in self.keys:
            return
        self.keys[key.id] = key
        for block in filing_blocks(key, self.rules):
            self._buckets[block].append(key)

    def neighbours(self, key: ReportKey) -> Iterator[ReportKey]:
        seen: set[str] = {key.id}
        for block in probe_blocks(key, self.rules):
            for other in self._buckets.get(block, ()):
                if other.id not in seen:
                    seen.add(other.id)
                    yield other


class _Groups:
    """Union-find whose sets remember the articles they hold; ``constrained`` sets refuse to
    join when they hold reports of one article."""

    def __init__(self, keys: Iterable[ReportKey], *, constrained: bool = True) -> None:
        self.parent: dict[str, str] = {}
        self.articles: dict[str, set[str]] = {}
        self.constrained = constrained
        for k in keys:
            self.parent[k.id] = k.id
            self.articles[k.id] = {k.article_id}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        """Join the sets of ``a`` and ``b`` unless they hold reports of one article."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.constrained and self.articles[ra] & self.articles[rb]:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.articles[ra] |= self.articles.pop(rb)
        return True


def closure(new: Sequence[ReportKey], index: CandidateIndex, *, rules: MergeRules
            ) -> tuple[dict[str, ReportKey], dict[tuple[str, str], tuple[float, ...]]]:
    """Every report linked to ``new`` through a chain of compatible pairs, and those links."""
    found: dict[str, ReportKey] = {k.id: k for k in new}
    links: dict[tuple[str, str], tuple[float, ...]] = {}
    checked: set[tuple[str, str]] = set()
    queue = list(found.values())
    while queue:
        key = queue.pop()
        for other in index.neighbours(key):
            pair = (key.id, other.id) if key.id < other.id else (other.id, key.id)
            if pair in checked:
                continue
            checked.add(pair)
            strength = link_strength(key, other, rules=rules)
            if strength is None:
                continue
            links[pair] = strength
            if other.id not in found:
                found[other.id] = other
                queue.append(other)
    return found, links


def partition(new: Sequence[ReportKey], index: CandidateIndex, *, rules: MergeRules
              ) -> list[Group]:
    """The events of every graph component ``new`` touches, sorted by their first report id.

    ``index`` must already hold ``new``. With an index that knows the events formed so far
    (:class:`KnownEvents`), new reports joining whole events take the linear path of
    :func:`extend`; the result is the same.
    """
    if isinstance(index, KnownEvents):
        fast = extend(new, index, rules=rules)
        if fast is not None:
            return fast
    found, links = closure(new, index, rules=rules)
    groups = _Groups(found.values())
    components = _Groups(found.values(), constrained=False)
    for (a, b), _ in sorted(links.items(), key=lambda item: (item[1], item[0])):
        groups.union(a, b)
        components.union(a, b)
    members: dict[str, list[ReportKey]] = defaultdict(list)
    for rid in sorted(found):
        members[groups.find(rid)].append(found[rid])
    per_component = Counter(components.find(root) for root in members)
    return sorted(
        (Group(keys, per_component[components.find(keys[0].id)] == 1) for keys in members.values()),
        key=lambda g: g.keys[0].id,
    )


def extend(new: Sequence[ReportKey], index: KnownEvents, *, rules: MergeRules) -> list[Group] | None:
    """The events of ``new`` when they only join whole events without conflict, else None.

    Each new report is tested against its candidates, but once it links to an event the other
    members of that event are skipped: joining a 1,000-report event costs one link test.
    """
    ids = {k.id for k in new}
    parent: dict[str, str] = {k.id: k.id for k in new}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    events: set[str] = set()
    for key in new:
        linked: set[str] = set()

        def settled(rid: str, event: str | None) -> bool:
            """A candidate whose link would change nothing: a member of an event this report
            already joined, or a new report already in its group."""
            if event is not None:
                return event in linked
            return rid in ids and find(rid) == find(key.id)

        for other, event in index.neighbour_events(key, skip=settled):
            if event is not None and other.id in ids:
                return None  # a new report already in an event: a regrouping
            if link_strength(key, other, rules=rules) is None:
                continue
            if event is None:
                if other.id not in ids:
                    return None  # an unmerged report outside the batch: let the closure see it
                union(key.id, other.id)
            else:
                linked.add(event)
                node = "\0" + event  # event nodes sort before report ids, never equal one
                parent.setdefault(node, node)
                union(key.id, node)
        events |= linked
    if index.split(sorted(events)):
        return None
    members = index.members(sorted(events))
    by_root: dict[str, list[ReportKey]] = defaultdict(list)
    for key in new:
        by_root[find(key.id)].append(key)
    for event in events:
        by_root[find("\0" + event)].extend(members[event])
    groups = []
    for keys in by_root.values():
        articles = [k.article_id for k in keys]
        if len(set(articles)) != len(articles):
            return None  # two reports of one article: the constrained split decides
        groups.append(Group(sorted(keys, key=lambda k: k.id), True))
    return sorted(groups, key=lambda g: g.keys[0].id)
