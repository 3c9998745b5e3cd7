"""An ``Event`` from its member reports: every attribute by a stated, order-free rule.

Why rules rather than "the first report wins": the event must not depend on which article
arrived first. Members are taken sorted by report id and every choice has a deterministic
tie-break:
- sub-type: the most common; ties to the earlier in ``subtype_specificity`` (merge_rules.yml),
  then alphabetical; the event type is that sub-type's;
- place: the most precise (lowest geo_precision); among those the most reported entry, then the
  one of the smallest report id;
- date: of the most precise reports (day < week < month), the most reported day, then the earliest;
- actor1 and actor2: by vote (ties alphabetical), actor2 never equal to actor1; associated
  actors: the union of the members', minus the main actors;
- civilian_targeting: when at least half of the members say so;
- date_doubtful: when a member's date rests on an untrusted publication date (doubtful reports
  only merge with doubtful ones), with the note of the first such member;
- claims, fatalities, contested: :mod:`vigie.merge.claims`; grade: :mod:`vigie.merge.grades`;
  notes: :mod:`vigie.merge.notes`; sources: the claims' sources and the reports' outlets.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from vigie import settings
from vigie.merge.claims import merge_claims, reconcile
from vigie.merge.cluster import event_id_for
from vigie.merge.compatible import MergeRules, SideOf, actor_sides
from vigie.merge.framing import FramingLexicon
from vigie.merge.grades import Grade, SourceLookup, grade_event, registry_lookup
from vigie.merge.notes import compose
from vigie.models import Event, EventReport

T = TypeVar("T")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}


@dataclass(frozen=True)
class MergeContext:
    """Everything merging reads besides the reports: rules, registries, lexicon, policy."""

    rules: MergeRules
    side_of: SideOf
    lookup: SourceLookup
    lexicon: FramingLexicon
    policy: str

    @classmethod
    def load(cls, *, policy: str | None = None) -> "MergeContext":
        """The context from the packaged data files, read once per process and policy: ingest
        merges once per batch and must not re-read the lexicon and registries each time."""
        return _loaded_context(policy or settings.get("fatalities_policy"))


@lru_cache(maxsize=4)
def _loaded_context(policy: str) -> MergeContext:
    return MergeContext(
        rules=MergeRules.load(), side_of=actor_sides(), lookup=registry_lookup(),
        lexicon=FramingLexicon.load(), policy=policy,
    )


def _vote(values: Sequence[T], *, rank: Callable[[T], Hashable] = lambda v: v) -> T | None:
    """The most common value; ties go to the smallest ``rank``."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], rank(v)))


def build_event(members: Sequence[tuple[str, EventReport]], *, ctx: MergeContext
                ) -> tuple[Event, Grade]:
    """The merged event of ``members`` ((report id, report) pairs, any order) and its grade."""
    members = sorted(members, key=lambda m: m[0])
    reports = [r for _, r in members]
    rules = ctx.rules
    order = {s: i for i, s in enumerate(rules.specificity)}
    sub = _vote([r.sub_event_type for r in reports],
                rank=lambda s: (order.get(s, len(order)), s))
    event_type = next(r.event_type for r in reports if r.sub_event_type == sub)

    placed = [r.place for r in reports if r.place is not None]
    place = None
    if placed:
        best = min(p.geo_precision for p in placed)
        candidates = [p for p in placed if p.geo_precision == best]
        keys = [p.gazetteer_id or (p.name, p.latitude, p.longitude) for p in candidates]
        chosen = _vote(keys, rank=lambda k: keys.index(k))
        place = candidates[keys.index(chosen)]  # type: ignore[arg-type]

    finest = min(_PRECISION_RANK.get(r.date_precision, 3) for r in reports)
    dated = [r for r in reports if _PRECISION_RANK.get(r.date_precision, 3) == finest]
    event_date = _vote([r.event_date for r in dated])
    precision = dated[0].date_precision

    actor1 = _vote([r.actor1 for r in reports if r.actor1])
    actor2 = _vote([r.actor2 for r in reports if r.actor2 and r.actor2 != actor1])
    main = {actor1, actor2}
    assoc1 = tuple(sorted({a for r in reports for a in r.assoc_actor_1} - main))
    assoc2 = tuple(sorted({a for r in reports for a in r.assoc_actor_2} - main - set(assoc1)))

    claims = merge_claims([(rid, r.claims) for rid, r in members])
    fatalities = reconcile(claims, rules=rules, policy=ctx.policy)
    grade = grade_event(
        reports, claims, actor1=actor1, actor1_side=ctx.side_of(actor1) if actor1 else None,
        figures_contested=fatalities.reason, lookup=ctx.lookup, rules=rules,
    )
    outlets = {ctx.lookup(r.outlet).name for r in reports if r.outlet}
    sources = tuple(sorted({c.source for c in claims} | outlets, key=lambda s: (s.casefold(), s)))
    notes = compose(
        event_date=event_date, date_precision=precision, sub_event_type=sub,  # type: ignore[arg-type]
        actor1=actor1, actor2=actor2, place=place, claims=claims, rules=rules, lexicon=ctx.lexicon,
    )
    event = Event(
        event_id=event_id_for(rid for rid, _ in members),
        reports=tuple(reports),
        event_date=event_date,  # type: ignore[arg-type]
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub,  # type: ignore[arg-type]
        actor1=actor1, actor2=actor2, place=place,
        assoc_actor_1=assoc1, assoc_actor_2=assoc2,
        civilian_targeting=2 * sum(r.civilian_targeting for r in reports) >= len(reports),
        fatalities_low=fatalities.low, fatalities_best=fatalities.best,
        fatalities_high=fatalities.high, sources=sources,
        contested=fatalities.contested or grade.grade in ("contested", "discounted"),
        grade=grade.grade, notes=notes,
        extra={
            "n_reports": len(reports),
            "claims": [c.to_dict() for c in claims],
            "grade_reason": grade.reason,
            "contested_reason": fatalities.reason,
        },
        date_doubtful=any(r.date_doubtful for r in reports),
        date_note=next((r.date_note for r in reports if r.date_doubtful), None),
    )
    return event, grade
