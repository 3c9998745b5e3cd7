"""Exports of merged events: ACLED CSV, JSON Lines, GeoJSON.

Why three: the analyst loads ACLED's CSV in pandas or R; tools and the newsroom read the
JSON Lines, which keep every claim with its source and every evidence sentence; the
monitoring desk drops the GeoJSON on a map. All three take ``Event`` records (from
``Store.events()`` or ``vigie.merge.merge_reports``), write to an
open text file, and return an :class:`ExportSummary`.
"""
from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from vigie.models import Event, place_fields
from vigie.serve.acled import ACLED_COLUMNS, AcledRows, InterOf
from vigie.serve.countries import Countries


@dataclass(frozen=True)
class ExportSummary:
    """How many events were written, and how many were left out (and why)."""

    written: int
    skipped: int = 0
    skipped_reason: str = ""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula ("=HYPERLINK(...)",
    "+33...", "@SUM") gets a leading apostrophe, as OWASP advises; numbers ("-33.5") stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_acled_csv(
    events: Iterable[Event], fh: TextIO, *, inter_of: InterOf | None = None,
    countries: Countries | None = None, timestamp: int | None = None,
) -> ExportSummary:
    """ACLED's columns in ACLED's order, one row per event, lists joined with "; ".

    ``inter_of`` maps a canonical actor to its ACLED inter code (default: the actor
    registry). ``timestamp`` is used for events the store has not stamped (default: now).
    """
    rows = AcledRows(
        inter_of=inter_of, countries=countries,
        timestamp=int(time.time()) if timestamp is None else timestamp,
    )
    writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for event in events:
        writer.writerow({key: safe_cell(value) for key, value in rows.row(event).items()})
        written += 1
    return ExportSummary(written=written)


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON shape of a merged event: design.md section 3 fields plus the merge fields.

    ``claims`` and ``evidence`` gather every report's, each tagged with its ``article_id``
    (evidence offsets point into that article's cleaned text); ``event_reports`` keeps each
    report whole, in the section 3 shape.
    """
    place = event.place
    return {
        "event_id": event.event_id,
        "event_date": event.event_date.isoformat(),
        "date_precision": event.date_precision,
        "date_doubtful": event.date_doubtful,
        "date_note": event.date_note,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": list(event.assoc_actor_1),
        "actor2": event.actor2,
        "assoc_actor_2": list(event.assoc_actor_2),
        **place_fields(place),
        "fatalities": event.fatalities_best,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "claims": [
            {**c.to_dict(), "article_id": r.article_id} for r in event.reports for c in r.claims
        ],
        "civilian_targeting": event.civilian_targeting,
        "evidence": [
            {"article_id": r.article_id, "start": e.start, "end": e.end, "text": e.text}
            for r in event.reports for e in r.evidence
        ],
        "confidence": round(max((r.confidence for r in event.reports), default=0.0), 3),
        "reports": list(dict.fromkeys(r.article_id for r in event.reports)),
        "sources": list(event.sources),
        "contested": event.contested,
        "grade": event.grade,
        "notes": event.notes,
        "review": event.extra.get("review"),
        "event_reports": [r.to_dict() for r in event.reports],
    }


def write_jsonl(events: Iterable[Event], fh: TextIO) -> ExportSummary:
    """One merged event per line (see :func:`event_to_dict`), UTF-8 text kept readable."""
    written = 0
    for event in events:
        fh.write(json.dumps(event_to_dict(event), ensure_ascii=False) + "\n")
        written += 1
    return ExportSummary(written=written)


_GEO_PROPERTIES = (
    "event_id", "event_date", "date_precision", "date_doubtful", "date_note", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1",
    "admin2", "pcode", "country", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
    "civilian_targeting", "sources", "contested", "grade", "reports", "notes", "review",
)


def write_geojson(events: Iterable[Event], fh: TextIO) -> ExportSummary:
    """A FeatureCollection of Points (longitude, latitude: GeoJSON's order) with the main fields.

    Events without coordinates cannot be drawn: they are left out and counted in ``skipped``.
    """
    features: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        if event.place is None:
            skipped += 1
            continue
        data = event_to_dict(event)
        features.append({
            "type": "Feature",
            "id": event.event_id,
            "geometry": {
                "type": "Point", "coordinates": [event.place.longitude, event.place.latitude]
            },
            "properties": {key: data[key] for key in _GEO_PROPERTIES},
        })
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    fh.write("\n")
    return ExportSummary(
        written=len(features), skipped=skipped,
        skipped_reason="no coordinates" if skipped else "",
    )
