"""The HTML pages: each renders the same data its ``/api`` twin returns.

The review form posts here with the analyst's token in a form field (a page cannot set an
Authorization header without script); the token is checked exactly as a bearer token is.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from vigie import review
from vigie.errors import ReviewError
from vigie.review.fields import EDITABLE
from vigie.web import listing, records
from vigie.web.api import query_of
from vigie.web.app import store_of
from vigie.web.auth import owner, reader
from vigie.web.query import EventQuery
from vigie.web.templates import TYPE_COLOURS, render

router = APIRouter(dependencies=[Depends(reader)], include_in_schema=False)
FORM_FIELDS = tuple(f for f in EDITABLE if f not in ("location", "latitude", "longitude", "admin1", "admin2", "geo_precision"))


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, query: EventQuery = Depends(query_of)) -> Response:
    store = store_of(request)
    line = listing.timeline(store, query)
    return render(request, "events.html", {
        "query": query, "data": listing.events_page(store, query, total=line["events"]),
        "timeline": line,
        "bars": listing.timeline_svg(line, TYPE_COLOURS),
        "deaths": listing.timeline_svg(line, TYPE_COLOURS, metric="fatalities"),
        "choices": records.choices(),
        "export_query": query.url(page=1),
    })


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    store = store_of(request)
    return render(request, "event.html", {
        "data": records.event_view(store, event_id), "choices": records.choices(),
    })


@router.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: str) -> Response:
    form = await request.form()
    values = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    apart = [str(v) for v in form.getlist("apart")]
    who = owner(request, values.get("token") or None)
    target = _act(store_of(request), event_id, values, apart, who=who)
    return RedirectResponse(f"/events/{target}", status_code=303)


def _act(store: Any, event_id: str, values: dict[str, str], apart: list[str], *, who: str) -> str:
    """Run the form's action; the id of the event page to show next."""
    action, comment = values.get("action", ""), values.get("comment", "")
    if action == "accept":
        return review.accept(store, event_id, who=who, comment=comment).event_id
    if action == "reject":
        return review.reject(store, event_id, who=who, comment=comment).event_id
    if action == "edit":
        changes: dict[str, Any] = {f: values[f] for f in FORM_FIELDS if f in values}
        changes["civilian_targeting"] = "civilian_targeting" in values
        for name in ("assoc_actor_1", "assoc_actor_2"):
            if name in changes:
                changes[name] = [a.strip() for a in changes[name].split(";") if a.strip()]
        place = values.get("place", "").strip()
        if place and place != values.get("current_place", ""):
            from vigie.web.places import place_changes  # loads the gazetteer on first use

            changes.update(place_changes(store, place))
        return review.edit(store, event_id, changes, who=who, comment=comment).event_id
    if action == "merge":
        return review.merge_events(store, event_id, values.get("other", "").strip(), who=who,
                                   comment=comment).event_id
    if action == "split":
        members = [r[0] for r in store.conn.execute(
            "SELECT report_id FROM event_members WHERE event_id = ? ORDER BY idx", (event_id,))]
        groups = [[m for m in members if m not in apart], [m for m in members if m in apart]]
        return review.split_event(store, event_id, groups, who=who, comment=comment)[0].event_id
    raise ReviewError(f"unknown review action {action!r}")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    return render(request, "article.html", {"data": records.article_view(store_of(request), article_id)})


@router.get("/outlets/{name}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str) -> Response:
    return render(request, "outlet.html", {"data": records.outlet_view(store_of(request), name)})


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> Response:
    return render(request, "sources.html", {"data": records.sources_view(store_of(request))})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API described from its OpenAPI document, offline (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
         "description": op.get("description", ""),
         "parameters": [p["name"] for p in op.get("parameters", [])]}
        for path, ops in spec["paths"].items() for method, op in ops.items()
    ]
    return render(request, "docs.html", {"endpoints": endpoints, "spec": spec})


@router.get("/review", response_class=HTMLResponse)
def queue_page(request: Request, page: int = 1) -> Response:
    return render(request, "queue.html", {"data": records.queue_view(store_of(request), page=max(page, 1))})
