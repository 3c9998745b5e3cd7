"""How credible a merged event is, on Airwars' scale.

Who attests the event: for each member report, the sources its claims name; a report with no
claim is attested by its outlet (design.md: when no one is named, the source is the outlet).
An outlet relaying SANA's toll is SANA attesting, not a second witness.

Grades, the first that applies wins:
- **discounted**: a source denies it (a claim whose ``who`` is a denial word of
  ``merge_rules.yml``) and at most one other source asserts it;
- **contested**: a denial with two or more asserting sources, or contested figures
  (:func:`vigie.merge.claims.contest_reason`);
- **confirmed**: acknowledged by the party that did it (a source speaking for actor1's side:
  SANA or the Syrian army for a government action, the Russian Ministry of Defence for a
  Russian strike) or attested by sources on two opposed sides;
- **fair**: two or more distinct sources;
- **weak**: a single source.
Stances come from the source registry (``data/sources.yml``); a source it does not know counts
as independent and is returned in ``unknown`` so the caller records it for a coder.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from vigie.extract.attribution import UNATTRIBUTED
from vigie.merge.claims import MergedClaim, is_denial
from vigie.merge.compatible import MergeRules
from vigie.models import EventReport

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")


@dataclass(frozen=True)
class SourceInfo:
    """What grading needs to know of a source: its canonical name, stance and home country."""

    name: str
    stance: str
    country: str | None
    known: bool


SourceLookup = Callable[[str], SourceInfo]


@lru_cache(maxsize=1)
def registry_lookup() -> SourceLookup:
    """``name -> SourceInfo`` from the source registry (stance "unknown" when not listed).

    One lookup per process, its answers cached: every merge asks it about each member's
    sources again, and an event told by hundreds of outlets must not re-fold their names."""
    from vigie.extract.attribution import SourceRegistry

    registry = SourceRegistry.load()

    @lru_cache(maxsize=4096)  # an event of many reports asks for the same few names again and again
    def lookup(name: str) -> SourceInfo:
        canonical = registry.canonical(name)
        if canonical is None:
            return SourceInfo(name=name, stance="unknown", country=None, known=False)
        source = registry.get(canonical)
        return SourceInfo(name=canonical, stance=source.stance, country=source.country, known=True)

    return lookup


@dataclass(frozen=True)
class Grade:
    grade: str
    attesters: tuple[str, ...]
    unknown: tuple[tuple[str, str], ...]  # (source name, article id) the registry does not know
    reason: str


def attesters(reports: Sequence[EventReport], claims: Sequence[MergedClaim], *,
              lookup: SourceLookup, rules: MergeRules) -> dict[str, SourceInfo]:
    """Canonical name -> info of every source asserting the event (deniers excluded)."""
    found: dict[str, SourceInfo] = {}
    for report in reports:
        names = [c.source for c in report.claims if c.source and c.who.casefold() not in rules.denial_who]
        if not report.claims and report.outlet:
            names = [report.outlet]
        for name in names:
            info = lookup(name)
            found.setdefault(info.name, info)
    return dict(sorted(found.items()))


def side_of_source(info: SourceInfo, *, rules: MergeRules) -> str | None:
    """The side a source speaks for: its stance's side, or its state's forces for a government."""
    if info.stance == "foreign-government" and info.country:
        return rules.state_sources.get(info.country)
    return rules.stance_sides.get(info.stance)


def grade_event(reports: Sequence[EventReport], claims: Sequence[MergedClaim], *,
                actor1: str | None, actor1_side: str | None, figures_contested: str,
                lookup: SourceLookup, rules: MergeRules) -> Grade:
    """The event's grade (rules in the module docstring)."""
    found = attesters(reports, claims, lookup=lookup, rules=rules)
    unknown = sorted({
        (info.name, r.article_id) for r in reports for info in (
            lookup(n) for n in {*(c.source for c in r.claims), *([r.outlet] if r.outlet else [])}
        ) if not info.known and info.name != UNATTRIBUTED
    })
    names = tuple(found)
    deniers = sorted({c.source for c in claims if is_denial(c, rules=rules)})
    asserting = [n for n in names if n not in deniers]

    def result(grade: str, reason: str) -> Grade:
        return Grade(grade, names, tuple(unknown), reason)

    if deniers and len(asserting) <= 1:
        return result("discounted", f"denied by {', '.join(deniers)}")
    if deniers:
        return result("contested", f"denied by {', '.join(deniers)}")
    if figures_contested:
        return result("contested", figures_contested)
    sides = {side_of_source(i, rules=rules) for i in found.values()} - {None}
    if actor1 and (actor1 in sides or (actor1_side is not None and actor1_side in sides)):
        return result("confirmed", f"acknowledged by a source speaking for {actor1}")
    if len(sides & rules.opposed_sides) >= 2:
        return result("confirmed", "attested by sources on opposed sides")
    if len(names) >= 2:
        return result("fair", f"{len(names)} independent sources")
    return result("weak", "a single source" if names else "no named source")
