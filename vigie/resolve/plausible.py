"""Figures no event can have: kept as text in their claim, flagged, and never counted.

Why: one absurd number ("999999999999999999999999 morts") used to overflow SQLite and stop a
whole ingest, and a smaller absurd one would silently become an event's toll. The ceiling is
data (``data/plausible.yml``, with its reasons); a claim above it keeps its quote, loses its
count and estimate, and carries ``flag``; the report's fatalities fall back to the lowest
plausible figure its claims give (ACLED's rule), else 0.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Claim, EventReport, credible_figures


@dataclass(frozen=True)
class PlausibleRange:
    """The largest count one claim may give."""

    max_count: int

    @classmethod
    def load(cls) -> "PlausibleRange":
        return _default_range()

    def holds(self, value: int | None) -> bool:
        return value is None or 0 <= value <= self.max_count


@cache
def _default_range() -> PlausibleRange:
    data = load_yaml("plausible.yml")
    try:
        ceiling = int(data["max_count"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"plausible.yml: bad or missing max_count: {exc}") from exc
    if ceiling <= 0:
        raise DataFileError("plausible.yml: max_count must be positive")
    return PlausibleRange(ceiling)


def vet_claim(claim: Claim, *, limits: PlausibleRange) -> Claim:
    """``claim`` with implausible figures (its own or its subfigures') flagged and uncounted."""
    subfigures = tuple(vet_claim(s, limits=limits) for s in claim.subfigures)
    if limits.holds(claim.count) and limits.holds(claim.estimate):
        return claim if subfigures == claim.subfigures else replace(claim, subfigures=subfigures)
    figure = claim.count if claim.count is not None else claim.estimate
    return replace(
        claim, count=None, estimate=None, subfigures=subfigures,
        flag=f"implausible figure {figure} (above {limits.max_count}): not counted",
    )


def vet_reports(reports: Sequence[EventReport], *, limits: PlausibleRange | None = None) -> list[EventReport]:
    """``reports`` with every implausible figure flagged (see the module docstring)."""
    limits = limits or PlausibleRange.load()
    out = []
    for report in reports:
        claims = tuple(vet_claim(c, limits=limits) for c in report.claims)
        if claims == report.claims and limits.holds(report.fatalities):
            out.append(report)
            continue
        fatalities = report.fatalities
        if not limits.holds(fatalities):
            figures = credible_figures(c for c in claims if c.is_fatality)
            fatalities = figures[0] if figures else 0
        out.append(replace(report, claims=claims, fatalities=fatalities))
    return out
