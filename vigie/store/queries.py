"""The WHERE clause shared by the report and event queries (date, governorate, type, actor).

Why shared: ``vigie events`` and ``vigie export`` must filter reports and merged events by the
same rules, so an analyst asking for "Idlib, December 2014, Hezbollah" gets the same answer
from either table.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Filters:
    """Query filters; every one is optional and they combine with AND.

    - ``date_from`` / ``date_to``: inclusive bounds on the event date.
    - ``admin1``: governorate, compared ignoring (ASCII) case: ``lower()`` of both sides, which
      the expression indexes of migration 9 serve on both backends.
    - ``event_type``: an ACLED type or sub-type ("Battles", "Air/drone strike"), ignoring case.
    - ``actor``: a canonical actor name found as actor1, actor2 or an associated actor.
    - ``source``: a source claiming a figure (or, for events, among the event's sources).
    - ``outlet``: the outlet of a report (of one of the event's reports).
    - ``grade`` and ``contested``: merged events only.
    """

    date_from: date | str | None = None
    date_to: date | str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    outlet: str | None = None
    grade: str | None = None
    contested: bool | None = None

    def where(self, *, alias: str, key: str, actors_table: str, actors_key: str) -> tuple[str, list[Any]]:
        """SQL condition on table ``alias`` (whose id column is ``key``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.date_from is not None:
            clauses.append(f"{alias}.event_date >= ?")
            params.append(_iso(self.date_from))
        if self.date_to is not None:
            clauses.append(f"{alias}.event_date <= ?")
            params.append(_iso(self.date_to))
        if self.admin1 is not None:
            clauses.append(f"lower({alias}.admin1) = lower(?)")
            params.append(self.admin1)
        if self.event_type is not None:
            clauses.append(
                f"(lower({alias}.event_type) = lower(?) OR lower({alias}.sub_event_type) = lower(?))"
            )
            params += [self.event_type, self.event_type]
        if self.actor is not None:
            clauses.append(
                f"{alias}.{key} IN (SELECT {actors_key} FROM {actors_table} WHERE lower(actor) = lower(?))"
            )
            params.append(self.actor)
        events = actors_table == "event_actors"
        if self.source is not None:
            clauses.append(
                f"EXISTS (SELECT 1 FROM json_each({alias}.sources) WHERE lower(value) = lower(?))"
                if events else
                f"EXISTS (SELECT 1 FROM claims c WHERE c.report_id = {alias}.{key} AND lower(c.source) = lower(?))"
            )
            params.append(self.source)
        if self.outlet is not None:
            clauses.append(
                f"{alias}.{key} IN (SELECT m.event_id FROM event_members m JOIN event_reports r2 "
                "ON r2.id = m.report_id WHERE lower(r2.outlet) = lower(?))"
                if events else f"lower({alias}.outlet) = lower(?)"
            )
            params.append(self.outlet)
        if (self.grade is not None or self.contested is not None) and not events:
            raise ValueError("grade and contested filter merged events, not reports")
        if self.grade is not None:
            clauses.append(f"{alias}.grade = ?")
            params.append(self.grade)
        if self.contested is not None:
            clauses.append(f"{alias}.contested = ?")
            params.append(int(self.contested))
        return (" AND ".join(clauses) or "1 = 1"), params


def _iso(value: date | str) -> str:
    """Dates compare as ISO text; a string is checked so a typo fails loudly, not silently."""
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()
