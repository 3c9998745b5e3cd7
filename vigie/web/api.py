"""The JSON API: the same data as the pages (``listing`` and ``records``), plus the writes.

Every read answers what the matching page shows; every write needs a bearer token whose
name goes into the audit log as "who".
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from vigie import review
from vigie.errors import DeskError
from vigie.web import listing, records
from vigie.web.app import store_of
from vigie.web.auth import reader, writer
from vigie.web.exports import export_text
from vigie.web.query import EventQuery

router = APIRouter(prefix="/api", dependencies=[Depends(reader)])


def query_of(request: Request) -> EventQuery:
    """The events filter in the request's query string (see :class:`EventQuery`)."""
    return EventQuery.from_params(dict(request.query_params))


@router.get("/events", summary="Events matching the filter, one page")
def list_events(request: Request, query: EventQuery = Depends(query_of)) -> dict[str, Any]:
    """Filters: date_from, date_to, admin1, event_type, sub_event_type, actor, source, grade,
    contested (yes|no), review (unreviewed|reviewed|accepted|edited|rejected|all), q (text in
    notes and evidence); sort (date, -date, fatalities, -fatalities, updated, -updated);
    page, per_page."""
    return listing.events_page(store_of(request), query)


@router.get("/map", summary="Located events of the filter, for the map")
def map_points(request: Request, query: EventQuery = Depends(query_of)) -> dict[str, Any]:
    return listing.map_points(store_of(request), query)


@router.get("/timeline", summary="Events and fatalities per day or week, by type")
def timeline(request: Request, query: EventQuery = Depends(query_of)) -> dict[str, Any]:
    return listing.timeline(store_of(request), query)


@router.get("/export.{fmt}", summary="The filter exported: csv (ACLED), jsonl or geojson")
def export(request: Request, fmt: Literal["csv", "jsonl", "geojson"],
           query: EventQuery = Depends(query_of)) -> Response:
    body, media = export_text(store_of(request), query, fmt)
    return Response(body, media_type=media, headers={
        "content-disposition": f'attachment; filename="vigie-events.{fmt}"'})


@router.get("/events/{event_id}", summary="One event: claims, evidence, review, audit log")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return records.event_view(store_of(request), event_id)


@router.get("/articles/{article_id:path}", summary="One article: text, framing, events")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    return records.article_view(store_of(request), article_id)


@router.get("/outlets/{name}", summary="One outlet: framing profile and events")
def get_outlet(request: Request, name: str) -> dict[str, Any]:
    return records.outlet_view(store_of(request), name)


@router.get("/sources", summary="Source registry and unknown sources")
def get_sources(request: Request) -> dict[str, Any]:
    return records.sources_view(store_of(request))


@router.get("/review/queue", summary="Unreviewed events, contested first")
def get_queue(request: Request, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    return records.queue_view(store_of(request), page=page, per_page=min(max(per_page, 1), 500))


@router.get("/places", summary="Gazetteer places for a name (to re-place an event)")
def get_places(request: Request, q: str) -> dict[str, Any]:
    from vigie.web.places import place_choices  # loads the gazetteer on first use

    return {"places": place_choices(store_of(request), q)}


# --- writes ---------------------------------------------------------------------------------

class Comment(BaseModel):
    comment: str = Field("", max_length=2000)


class Edit(Comment):
    changes: dict[str, Any] = Field(default_factory=dict, description=(
        "Fields to set: sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, event_date, "
        "date_precision, fatalities_low, fatalities_best, fatalities_high, grade, "
        "civilian_targeting, notes, location, latitude, longitude, admin1, admin2, geo_precision"))
    place: str | None = Field(None, description="A place name resolved through the gazetteer.")


class Merge(Comment):
    other: str = Field(description="The event merged into this one.")


class Split(Comment):
    groups: list[list[str]] = Field(description="The event's report ids, shared into groups.")


class NewArticles(BaseModel):
    text: str | None = Field(None, description="One article's cleaned or raw text.")
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    jsonl: str | None = Field(None, description="Several articles as JSON Lines (ingest format).")


def _decided(store: Any, event: Any) -> dict[str, Any]:
    return records.event_view(store, event.event_id)


@router.post("/events/{event_id}/accept", summary="Accept an event as it is")
def accept(request: Request, event_id: str, body: Comment, who: str = Depends(writer)) -> dict[str, Any]:
    store = store_of(request)
    return _decided(store, review.accept(store, event_id, who=who, comment=body.comment))


@router.post("/events/{event_id}/edit", summary="Correct fields of an event")
def edit(request: Request, event_id: str, body: Edit, who: str = Depends(writer)) -> dict[str, Any]:
    from vigie.web.places import place_changes

    store = store_of(request)
    changes = {**body.changes, **(place_changes(store, body.place) if body.place else {})}
    return _decided(store, review.edit(store, event_id, changes, who=who, comment=body.comment))


@router.post("/events/{event_id}/reject", summary="Reject an event (not an event)")
def reject(request: Request, event_id: str, body: Comment, who: str = Depends(writer)) -> dict[str, Any]:
    store = store_of(request)
    return _decided(store, review.reject(store, event_id, who=who, comment=body.comment))


@router.post("/events/{event_id}/merge", summary="Merge another event into this one")
def merge(request: Request, event_id: str, body: Merge, who: str = Depends(writer)) -> dict[str, Any]:
    store = store_of(request)
    return _decided(store, review.merge_events(store, event_id, body.other, who=who, comment=body.comment))


@router.post("/events/{event_id}/split", summary="Split an event into groups of its reports")
def split(request: Request, event_id: str, body: Split, who: str = Depends(writer)) -> dict[str, Any]:
    store = store_of(request)
    parts = review.split_event(store, event_id, body.groups, who=who, comment=body.comment)
    return {"events": [records.event_view(store, e.event_id) for e in parts]}


@router.post("/articles", summary="Ingest one article (text) or several (jsonl); the new events")
def ingest(request: Request, body: NewArticles, who: str = Depends(writer)) -> dict[str, Any]:
    from vigie.pipeline import ingest_paths

    if bool(body.text) == bool(body.jsonl):
        raise DeskError("give either text or jsonl")
    lines = body.jsonl if body.jsonl else json.dumps({
        k: v for k, v in body.model_dump().items() if k != "jsonl" and v is not None
    }, ensure_ascii=False)
    store = store_of(request)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "posted.jsonl"
        path.write_text(lines, encoding="utf-8")
        summary = ingest_paths(store, [path])
    articles = [r[0] for r in store.conn.execute(
        "SELECT id FROM articles WHERE run_id = ? ORDER BY rowid", (summary.run_id,))]
    rows = store.conn.execute(
        "SELECT DISTINCT m.event_id FROM event_members m JOIN event_reports r ON r.id = m.report_id "
        "WHERE r.article_id IN (SELECT value FROM json_each(?))", (json.dumps(articles),),
    ).fetchall()
    return {
        "read": summary.read, "new": summary.new, "duplicates": summary.duplicates,
        "reports": summary.reports, "errors": [str(e) for e in summary.errors],
        "articles": articles, "events": records.summaries(store, [r["event_id"] for r in rows]),
    }
