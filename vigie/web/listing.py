"""The data of the events page and ``GET /api/events``: a page of events, map points, timeline.

Why rows rather than ``Event`` records here: a page of the list, the map and the timeline need
a handful of columns of many events; reading them straight from ``events`` keeps a filtered
page fast on 100,000 events. The same dicts are rendered by the template and returned as JSON.
"""
from __future__ import annotations

import json
import math
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from vigie.store import Store
from vigie.web.query import EventQuery

MAP_LIMIT = 3000  # markers drawn at most (the deadliest); the page says when more match
SUMMARY = (
    "e.event_id, e.seq, e.event_date, e.date_precision, e.event_type, e.sub_event_type, "
    "e.actor1, e.actor2, e.location, e.admin1, e.latitude, e.longitude, e.geo_precision, "
    "e.fatalities_low, e.fatalities_best, e.fatalities_high, e.grade, e.contested, e.sources, "
    "e.extra"
)


_POINT = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "latitude",
          "longitude", "fatalities_low", "fatalities_best", "fatalities_high", "location")


def summary(row: Any) -> dict[str, Any]:
    """One event as a line of the list (and of ``GET /api/events``); its review state and number
    of reports come from its ``extra`` JSON, read here the same way on both backends."""
    extra = json.loads(row["extra"])
    return {
        "event_id": row["event_id"], "event_date": row["event_date"],
        "date_precision": row["date_precision"], "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"], "actor1": row["actor1"],
        "actor2": row["actor2"], "location": row["location"], "admin1": row["admin1"],
        "latitude": row["latitude"], "longitude": row["longitude"],
        "geo_precision": row["geo_precision"], "fatalities_low": row["fatalities_low"],
        "fatalities_best": row["fatalities_best"], "fatalities_high": row["fatalities_high"],
        "grade": row["grade"], "contested": bool(row["contested"]),
        "sources": json.loads(row["sources"]), "review": extra.get("review"),
        "reports": extra.get("n_reports"),
    }


def events_page(store: Store, query: EventQuery, *, total: int | None = None) -> dict[str, Any]:
    """The page of events ``query`` asks for, with the total and the paging links' queries.

    ``total`` may be given when the caller has counted already (the timeline does).
    """
    where, params = query.where()
    if total is None:
        total = store.conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT {SUMMARY} FROM events e WHERE {where} ORDER BY {query.order} LIMIT ? OFFSET ?",
        [*params, query.per_page, (query.page - 1) * query.per_page],
    ).fetchall()
    pages = max(1, math.ceil(total / query.per_page))
    return {
        "filters": query.filters(), "sort": query.sort, "page": query.page,
        "per_page": query.per_page, "pages": pages, "total": total,
        "events": [summary(r) for r in rows],
        "next": query.url(page=query.page + 1) if query.page < pages else None,
        "previous": query.url(page=query.page - 1) if query.page > 1 else None,
    }


def map_points(store: Store, query: EventQuery, *, limit: int = MAP_LIMIT) -> dict[str, Any]:
    """The located events of the filter (at most ``limit``, the deadliest first)."""
    where, params = query.where()
    rows = store.conn.execute(
        f"SELECT {', '.join('e.' + c for c in _POINT)} FROM events e WHERE {where} "
        f"AND e.latitude IS NOT NULL ORDER BY e.fatalities_best DESC, e.seq LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    return {"points": [dict(zip(_POINT, r)) for r in rows[:limit]], "truncated": len(rows) > limit}


def timeline(store: Store, query: EventQuery) -> dict[str, Any]:
    """Events and fatalities per day (a span up to 92 days) or per week, by event type.

    Counted per day in SQL (no date function per row), gathered into weeks here.
    """
    where, params = query.where()
    rows = store.conn.execute(
        f"SELECT e.event_date AS day, e.event_type, COUNT(*) AS n, SUM(e.fatalities_best) AS dead "
        f"FROM events e WHERE {where} GROUP BY e.event_date, e.event_type", params,
    ).fetchall()
    if not rows:
        return {"unit": "day", "buckets": [], "types": [], "events": 0}
    days = [date.fromisoformat(r["day"]) for r in rows]
    unit = "day" if (max(days) - min(days)).days <= 92 else "week"
    buckets: dict[str, dict[str, dict[str, int]]] = {}
    for day, r in zip(days, rows):
        start = day if unit == "day" else day - timedelta(days=day.weekday())
        cell = buckets.setdefault(start.isoformat(), {}).setdefault(
            r["event_type"], {"events": 0, "fatalities": 0})
        cell["events"] += r["n"]
        cell["fatalities"] += r["dead"] or 0
    return {
        "unit": unit, "events": sum(r["n"] for r in rows),
        "types": sorted({r["event_type"] for r in rows}),
        "buckets": [{"start": k, "types": v} for k, v in sorted(buckets.items())],
    }


def timeline_svg(data: dict[str, Any], colours: dict[str, str], *, metric: str = "events",
                 width: int = 900, height: int = 120) -> Markup:
    """The SVG bars of :func:`timeline` (``metric``: events or fatalities, stacked by type), for
    the HTML page only.

    Written here rather than in the template: a five-year weekly timeline has over a thousand
    bars, and every value is escaped as the template would.
    """
    buckets = data["buckets"]
    if not buckets:
        return Markup("")
    first = date.fromisoformat(buckets[0]["start"])
    step = 1 if data["unit"] == "day" else 7
    slots = (date.fromisoformat(buckets[-1]["start"]) - first).days // step + 1
    tallest = max(sum(t[metric] for t in b["types"].values()) for b in buckets) or 1
    bar = width / slots
    rects = []
    for b in buckets:
        start = date.fromisoformat(b["start"])
        x = (start - first).days // step * bar
        y = float(height)
        span = b["start"] if step == 1 else f"{b['start']} – {start + timedelta(days=step - 1)}"
        for etype in data["types"]:
            cell = b["types"].get(etype)
            if not cell or not cell[metric]:
                continue
            h = cell[metric] / tallest * (height - 10)
            y -= h
            title = f"{span}: {cell['events']} {etype}, {cell['fatalities']} killed"
            rects.append(
                f'<rect class="bar" x="{x:.2f}" y="{y:.2f}" width="{max(bar - 1, 1):.2f}" '
                f'height="{h:.2f}" fill="{escape(colours.get(etype, "#555"))}">'
                f"<title>{escape(title)}</title></rect>"
            )
    return Markup(
        f'<svg id="timeline-{metric}" class="timeline-bars" viewBox="0 0 {width} {height}" '
        f'width="100%" height="{height}" role="img" '
        f'aria-label="{metric} per {escape(data["unit"])}">{"".join(rects)}</svg>'
    )
