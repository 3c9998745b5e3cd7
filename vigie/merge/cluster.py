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
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Protocol

from vigie.merge.compatible import MergeRules, ReportKey, link_strength


class CandidateIndex(Protocol):
    """Where already-known reports are looked up: in memory or in the SQLite store."""

    def neighbours(self, key: ReportKey) -> Iterable[ReportKey]:
        """Every stored report that may be compatible with ``key`` (a superset is fine)."""
        ...


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
    """Union-find whose sets remember the articles they hold."""

    def __init__(self, keys: Iterable[ReportKey]) -> None:
        self.parent: dict[str, str] = {}
        self.articles: dict[str, set[str]] = {}
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
        if self.articles[ra] & self.articles[rb]:
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
              ) -> list[list[ReportKey]]:
    """The events (lists of report keys, sorted by id) of every graph component ``new`` touches.

    ``index`` must already hold ``new``.
    """
    found, links = closure(new, index, rules=rules)
    groups = _Groups(found.values())
    for (a, b), _ in sorted(links.items(), key=lambda item: (item[1], item[0])):
        groups.union(a, b)
    members: dict[str, list[ReportKey]] = defaultdict(list)
    for rid in sorted(found):
        members[groups.find(rid)].append(found[rid])
    return sorted(members.values(), key=lambda m: m[0].id)
