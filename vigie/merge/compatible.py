"""When two event reports of different articles describe the same real event (pairwise rules).

Why pairwise: merging must not depend on the order articles arrive in, so "same event" is a
symmetric relation between two reports, decided from their own fields only; the events are
then the groups of that relation (:mod:`vigie.merge.cluster`). The thresholds and the tables
(compatible sub-types, distances per geo_precision, date windows, actors standing for a side)
are data: ``vigie/data/merge_rules.yml``, whose header states the rules in full.

A report is first reduced to a :class:`ReportKey`, the few fields the rules read, so the
candidate search (in memory or in SQLite) never needs its claims or evidence.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import EventReport

PRECISIONS = ("day", "week", "month")


@dataclass(frozen=True)
class MergeRules:
    """The parsed ``merge_rules.yml``."""

    groups: Mapping[str, frozenset[str]]
    specificity: tuple[str, ...]
    half_width: Mapping[str, int]
    max_km: Mapping[int, float]
    grid: float
    wildcards: Mapping[str, frozenset[str]]
    name_only_sides: frozenset[str]
    symmetric_types: frozenset[str]
    contest_ratio: float
    contest_min_gap: int
    denial_who: frozenset[str]
    stance_sides: Mapping[str, str]
    state_sources: Mapping[str, str]
    opposed_sides: frozenset[str]
    notes: Mapping[str, Any]

    @classmethod
    def load(cls) -> "MergeRules":
        return _default_rules()

    @classmethod
    def from_data(cls, data: Any) -> "MergeRules":
        try:
            groups: dict[str, set[str]] = {}
            for group in data["compatible_subtypes"]:
                for sub in group:
                    groups.setdefault(sub, {sub}).update(group)
            half = {str(k): int(v) for k, v in data["date_half_width"].items()}
            max_km = {int(k): float(v) for k, v in data["max_km"].items()}
            contested = data["contested"]
            rules = cls(
                groups={k: frozenset(v) for k, v in groups.items()},
                specificity=tuple(data["subtype_specificity"]),
                half_width=half,
                max_km=max_km,
                grid=float(data["grid_degrees"]),
                wildcards={k: frozenset(v or ()) for k, v in data["wildcard_actors"].items()},
                name_only_sides=frozenset(data["name_only_sides"]),
                symmetric_types=frozenset(data["symmetric_types"]),
                contest_ratio=float(contested["ratio"]),
                contest_min_gap=int(contested["min_gap"]),
                denial_who=frozenset(data["denial_who"]),
                stance_sides=dict(data["stance_sides"]),
                state_sources=dict(data["state_sources"]),
                opposed_sides=frozenset(data["opposed_sides"]),
                notes=dict(data["notes"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"merge_rules.yml: bad or missing entry: {exc}") from exc
        if set(half) != set(PRECISIONS) or set(max_km) != {1, 2}:
            raise DataFileError("merge_rules.yml: date_half_width needs day/week/month, max_km 1 and 2")
        if rules.grid * 111.0 * math.cos(math.radians(40)) < max(max_km.values()):
            raise DataFileError("merge_rules.yml: grid_degrees must exceed the largest max_km")
        return rules

    def subtypes_compatible(self, a: str, b: str) -> bool:
        return a == b or b in self.groups.get(a, ())


@cache
def _default_rules() -> MergeRules:
    return MergeRules.from_data(load_yaml("merge_rules.yml"))


@dataclass(frozen=True, slots=True)
class ReportKey:
    """What the merge rules read from one report; ``id`` is the store's report id."""

    id: str
    article_id: str
    day: int  # event_date as an ordinal
    lo: int  # first and last day the report may stand for
    hi: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    side1: str | None
    side2: str | None
    lat: float | None
    lon: float | None
    admin1: str | None
    geo_precision: int | None
    gazetteer_id: str | None
    doubtful: bool = False  # the date rests on an untrusted publication date

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None and self.geo_precision is not None


SideOf = Callable[[str], "str | None"]


def actor_sides() -> SideOf:
    """``name -> side`` from the actor registry (None for a name it does not know)."""
    from vigie.resolve.actors import ActorRegistry

    registry = ActorRegistry.load()

    def side(name: str) -> str | None:
        try:
            return registry.side(name)
        except KeyError:
            return None

    return side


def make_key(rid: str, report: EventReport, *, rules: MergeRules, side_of: SideOf) -> ReportKey:
    day = report.event_date.toordinal()
    width = rules.half_width.get(report.date_precision, 0)
    place = report.place
    return ReportKey(
        id=rid, article_id=report.article_id, day=day, lo=day - width, hi=day + width,
        event_type=report.event_type, sub_event_type=report.sub_event_type,
        actor1=report.actor1, actor2=report.actor2,
        side1=side_of(report.actor1) if report.actor1 else None,
        side2=side_of(report.actor2) if report.actor2 else None,
        lat=place.latitude if place else None, lon=place.longitude if place else None,
        admin1=place.admin1 if place else None,
        geo_precision=place.geo_precision if place else None,
        gazetteer_id=place.gazetteer_id if place else None,
        doubtful=report.date_doubtful,
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_distance(a: ReportKey, b: ReportKey, *, rules: MergeRules) -> float | None:
    """Distance in km when the places match (0 for the same gazetteer entry), else None."""
    if not (a.located and b.located):
        return None
    if a.geo_precision == 3 or b.geo_precision == 3:
        same = a.geo_precision == b.geo_precision and a.admin1 is not None and (
            (a.admin1 or "").casefold() == (b.admin1 or "").casefold()
        )
        return 0.0 if same else None
    if a.gazetteer_id is not None and a.gazetteer_id == b.gazetteer_id:
        return 0.0
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return km if km <= rules.max_km[max(a.geo_precision, b.geo_precision)] else None  # type: ignore[type-var]


def _agree(name_a: str | None, side_a: str | None, name_b: str | None, side_b: str | None,
           *, rules: MergeRules) -> bool:
    """Two actor slots agree unless both are known and on different (or rival) sides."""
    if name_a is None or name_b is None or name_a == name_b:
        return True
    pairs = ((name_a, side_b), (name_b, side_a))
    if any(name in rules.wildcards and not rules.wildcards[name] for name, _ in pairs):
        return True
    for name, other in pairs:
        if name in rules.wildcards:
            return other is None or other in rules.wildcards[name]
    if side_a is None or side_b is None:
        return True
    return side_a == side_b and side_a not in rules.name_only_sides


def actors_agree(a: ReportKey, b: ReportKey, *, rules: MergeRules) -> bool:
    """actor1 must agree; in a battle the pair may also be given the other way round."""
    if _agree(a.actor1, a.side1, b.actor1, b.side1, rules=rules):
        return True
    symmetric = a.event_type in rules.symmetric_types and b.event_type in rules.symmetric_types
    return symmetric and _agree(a.actor1, a.side1, b.actor2, b.side2, rules=rules) and _agree(
        a.actor2, a.side2, b.actor1, b.side1, rules=rules
    )


def link_strength(a: ReportKey, b: ReportKey, *, rules: MergeRules) -> tuple[float, ...] | None:
    """None when ``a`` and ``b`` cannot be one event; else a sort key, strongest link first.

    The key ranks links when two reports of one article would end up in one event and the
    weakest links must give way (:func:`vigie.merge.cluster.partition`).
    """
    if a.article_id == b.article_id:
        return None
    if a.doubtful != b.doubtful:
        # A date that may be years off must not pull a report into an event dated with
        # confidence elsewhere (nor lend it its date); doubtful reports merge among themselves.
        return None
    if not rules.subtypes_compatible(a.sub_event_type, b.sub_event_type):
        return None
    if a.lo > b.hi or b.lo > a.hi:
        return None
    km = place_distance(a, b, rules=rules)
    if km is None or not actors_agree(a, b, rules=rules):
        return None
    return (
        0.0 if a.sub_event_type == b.sub_event_type else 1.0,
        float(abs(a.day - b.day)),
        round(km, 3),
        float((a.hi - a.lo) + (b.hi - b.lo)),
    )


def compatible(a: ReportKey, b: ReportKey, *, rules: MergeRules) -> bool:
    return link_strength(a, b, rules=rules) is not None
