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
    - ``admin1``: governorate, compared ignoring case.
    - ``event_type``: an ACLED type or sub-type ("Battles", "Air/drone strike"), ignoring case.
    - ``actor``: a canonical actor name found as actor1, actor2 or an associated actor.
    """

    date_from: date | str | None = None
    date_to: date | str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None

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
            clauses.append(f"{alias}.admin1 = ? COLLATE NOCASE")
            params.append(self.admin1)
        if self.event_type is not None:
            clauses.append(
                f"({alias}.event_type = ? COLLATE NOCASE OR {alias}.sub_event_type = ? COLLATE NOCASE)"
            )
            params += [self.event_type, self.event_type]
        if self.actor is not None:
            clauses.append(
                f"{alias}.{key} IN (SELECT {actors_key} FROM {actors_table} WHERE actor = ?)"
            )
            params.append(self.actor)
        return (" AND ".join(clauses) or "1"), params


def _iso(value: date | str) -> str:
    """Dates compare as ISO text; a string is checked so a typo fails loudly, not silently."""
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()
