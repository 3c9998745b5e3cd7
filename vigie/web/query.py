"""The events filter of the desk: the URL's query parameters as one SQL query over ``events``.

Why its own module: the home page, ``GET /api/events``, the map, the timeline and the exports
answer the same filter, so a shared link shows the same events in every view. The store's
:class:`~vigie.store.queries.Filters` gives the CLI's five filters; the desk adds sub-type,
source, grade, contested, review state and free text over notes and evidence.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from vigie.errors import DeskError
from vigie.store.queries import Filters

SORTS = {
    "date": "e.event_date, e.seq", "-date": "e.event_date DESC, e.seq DESC",
    "fatalities": "e.fatalities_best, e.seq", "-fatalities": "e.fatalities_best DESC, e.seq",
    "updated": "e.updated, e.seq", "-updated": "e.updated DESC, e.seq DESC",
}
REVIEW_STATES = ("", "unreviewed", "reviewed", "accepted", "edited", "rejected", "all")
MAX_PER_PAGE = 500


@dataclass(frozen=True)
class EventQuery:
    """One filter, page and order; every filter is optional (empty = not set).

    ``review``: "" hides rejected events (they are not events), "all" shows every event,
    "unreviewed" / "reviewed" / a status select by review state.
    """

    date_from: str = ""
    date_to: str = ""
    admin1: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor: str = ""
    source: str = ""
    grade: str = ""
    contested: str = ""
    review: str = ""
    q: str = ""
    sort: str = "-date"
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError as exc:
                    raise DeskError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from exc
        if self.sort not in SORTS:
            raise DeskError(f"sort must be one of {', '.join(SORTS)}")
        if self.review not in REVIEW_STATES:
            raise DeskError(f"review must be one of {', '.join(s for s in REVIEW_STATES if s)}")
        if self.contested not in ("", "yes", "no"):
            raise DeskError("contested must be yes or no")
        if self.page < 1 or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise DeskError(f"page must be >= 1 and per_page between 1 and {MAX_PER_PAGE}")

    @classmethod
    def from_params(cls, params: dict[str, str]) -> "EventQuery":
        """From a request's query parameters; unknown ones are ignored, numbers are checked."""
        known = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, raw in params.items():
            if name not in known:
                continue
            if name in ("page", "per_page"):
                try:
                    values[name] = int(raw)
                except ValueError as exc:
                    raise DeskError(f"{name}: not a whole number: {raw!r}") from exc
            else:
                values[name] = raw.strip()
        return cls(**values)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on ``events e`` and its parameters."""
        base = Filters(
            self.date_from or None, self.date_to or None, self.admin1 or None,
            self.event_type or None,
        )
        where, params = base.where(alias="e", key="event_id", actors_table="event_actors",
                                   actors_key="event_id")
        clauses = [where]
        if self.actor:  # as Filters' actor, written so the planner may start from the governorate
            clauses.append("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id "
                           "AND lower(a.actor) = lower(?))")
            params.append(self.actor)
        if self.sub_event_type:
            clauses.append("lower(e.sub_event_type) = lower(?)")
            params.append(self.sub_event_type)
        if self.source:
            clauses.append("EXISTS (SELECT 1 FROM json_each(e.sources) s WHERE lower(s.value) = lower(?))")
            params.append(self.source)
        if self.grade:
            clauses.append("e.grade = ?")
            params.append(self.grade)
        if self.contested:
            clauses.append("e.contested = ?")
            params.append(1 if self.contested == "yes" else 0)
        clauses.append(self._review_clause(params))
        if self.q:
            like = f"%{self.q}%"
            clauses.append(
                "(e.notes LIKE ? OR e.event_id IN (SELECT m.event_id FROM event_members m "
                "JOIN evidence v ON v.report_id = m.report_id WHERE v.text LIKE ?))"
            )
            params += [like, like]
        return " AND ".join(c for c in clauses if c), params

    def _review_clause(self, params: list[Any]) -> str:
        # By seq (the rowid, present in every index) so that counts can stay inside an index.
        reviewed = ("SELECT x.seq FROM reviews r JOIN events x ON x.event_id = r.event_id "
                    "WHERE r.event_id IS NOT NULL")
        if self.review == "all":
            return ""
        if self.review == "":
            return f"e.seq NOT IN ({reviewed} AND r.status = 'rejected')"
        if self.review == "unreviewed":
            return f"e.seq NOT IN ({reviewed})"
        if self.review == "reviewed":
            return f"e.seq IN ({reviewed} AND r.status != 'rejected')"
        params.append(self.review)
        return f"e.seq IN ({reviewed} AND r.status = ?)"

    @property
    def order(self) -> str:
        return SORTS[self.sort]

    def filters(self) -> dict[str, str]:
        """The filter part (no paging), as set, for links and exports."""
        skip = {"page", "per_page", "sort"}
        return {k: v for k, v in asdict(self).items() if k not in skip and v}

    def url(self, **changes: Any) -> str:
        """The query string of this query with ``changes`` (defaults left out): shareable."""
        changed = replace(self, **changes)
        default = EventQuery()
        values = {k: v for k, v in asdict(changed).items() if v != getattr(default, k)}
        return urlencode(values)
