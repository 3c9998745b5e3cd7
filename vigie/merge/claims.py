"""Who claimed what about one merged event: claim lineage, the fatality range, contested figures.

Why: vigie never hides a claim. A claim's ``source`` is whoever the text attributes it to, so
AlManar repeating SANA's toll is a SANA claim, and the same SANA toll carried by three outlets
is ONE claim (with the three reports that carried it), not three votes.

Rules (stated in README "Merging and claims"):
- Identity: claims with the same (source, count, qualifier, who, estimate) are one claim; its
  quote is the one of the smallest report id carrying it.
- Fatality claims are those whose ``who`` is not "injured" and not a denial; subfigures
  ("dont 9 civils") are inside their claim and never counted on their own; a vague claim
  ("des dizaines") counts by its ACLED estimate, but only when the event has no precise figure.
- fatalities_low / high: the smallest / largest fatality figure; fatalities_best follows the
  setting ``fatalities_policy``: ``lowest`` (ACLED: the lowest credible figure, the default)
  or ``median`` (a UCDP-style best estimate: the lower median of the figures).
- Contested: two different sources whose highest precise figures (vague words left out)
  differ by more than ``contested.ratio`` (50%) of the smaller AND by at least
  ``contested.min_gap`` (5) deaths; or any source denying the event or its toll.
Events with no fatality claims have 0 / 0 / 0.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vigie import settings
from vigie.merge.compatible import MergeRules
from vigie.models import Claim, credible_figures

POLICIES = ("lowest", "median")


@dataclass(frozen=True)
class MergedClaim:
    """One claim of an event with the reports (ids) that carried it."""

    source: str
    count: int | None
    qualifier: str
    who: str
    estimate: int | None
    quote: str
    reports: tuple[str, ...]

    @property
    def value(self) -> int | None:
        return self.count if self.count is not None else self.estimate

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "count": self.count, "qualifier": self.qualifier,
            "who": self.who, "estimate": self.estimate, "quote": self.quote,
            "reports": list(self.reports),
        }


@dataclass(frozen=True)
class Fatalities:
    low: int
    best: int
    high: int
    contested: bool
    reason: str  # why contested ("" when not)


def merge_claims(members: Sequence[tuple[str, Sequence[Claim]]]) -> list[MergedClaim]:
    """Identical claims of several reports become one; ``members`` = (report id, its claims)."""
    carried: dict[tuple[object, ...], list[str]] = {}
    quotes: dict[tuple[object, ...], tuple[str, str]] = {}
    for rid, claims in members:
        for claim in claims:
            key = (claim.source, claim.count, claim.qualifier, claim.who, claim.estimate)
            carried.setdefault(key, [])
            if rid not in carried[key]:
                carried[key].append(rid)
            if key not in quotes or rid < quotes[key][0]:
                quotes[key] = (rid, claim.quote)
    out = [
        MergedClaim(source=str(k[0]), count=k[1], qualifier=str(k[2]), who=str(k[3]),  # type: ignore[arg-type]
                    estimate=k[4], quote=quotes[k][1], reports=tuple(sorted(rids)))  # type: ignore[arg-type]
        for k, rids in carried.items()
    ]
    return sorted(out, key=_claim_order)


def _claim_order(c: MergedClaim) -> tuple[object, ...]:
    return (c.source.casefold(), c.source, -(c.value or 0), c.qualifier, c.who, c.count is None)


def is_denial(claim: MergedClaim, *, rules: MergeRules) -> bool:
    return claim.who.casefold() in rules.denial_who


def fatality_claims(claims: Iterable[MergedClaim], *, rules: MergeRules) -> list[MergedClaim]:
    return [
        c for c in claims
        if c.who != "injured" and not is_denial(c, rules=rules) and c.value is not None
    ]


def reconcile(claims: Sequence[MergedClaim], *, rules: MergeRules, policy: str | None = None
              ) -> Fatalities:
    """Low / best / high and whether the figures are contested (rules in the module docstring)."""
    policy = policy or settings.get("fatalities_policy")
    if policy not in POLICIES:
        raise ValueError(f"fatalities_policy must be one of {POLICIES}, not {policy!r}")
    values = credible_figures(fatality_claims(claims, rules=rules))
    reason = contest_reason(claims, rules=rules)
    if not values:
        return Fatalities(0, 0, 0, bool(reason), reason)
    best = values[0] if policy == "lowest" else values[(len(values) - 1) // 2]
    return Fatalities(values[0], best, values[-1], bool(reason), reason)


def contest_reason(claims: Sequence[MergedClaim], *, rules: MergeRules) -> str:
    """Why the event's figures are contested, or "" (the rule is in the module docstring)."""
    denials = sorted({c.source for c in claims if is_denial(c, rules=rules)})
    if denials:
        return f"denied by {', '.join(denials)}"
    highest: dict[str, int] = {}
    for c in fatality_claims(claims, rules=rules):
        if c.qualifier != "vague" and c.count is not None:
            highest[c.source] = max(highest.get(c.source, 0), c.count)
    if len(highest) < 2:
        return ""
    (lo_src, lo), (hi_src, hi) = min(highest.items(), key=_by_value), max(highest.items(), key=_by_value)
    if hi - lo >= rules.contest_min_gap and hi > lo * (1 + rules.contest_ratio):
        return f"{lo_src} {lo} vs {hi_src} {hi}"
    return ""


def _by_value(item: tuple[str, int]) -> tuple[int, str]:
    return (item[1], item[0])
