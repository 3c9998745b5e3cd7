"""Conversions between the typed records of ``vigie.models`` and database rows.

Why a separate module: the SQL in ``db.py`` stays readable, and the one place that knows
how a record is flattened (a Place into columns, a tuple into a JSON array) is also the one
that rebuilds it, so a record read back equals the record written.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from vigie.models import Article, Claim, Event, EventReport, Evidence, Place
from vigie.store.backend import Row

PLACE_COLUMNS = (
    "location", "latitude", "longitude", "admin1", "admin2", "country", "country_code",
    "geo_precision", "gazetteer_id", "place_mention", "place_feature",
)
ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "url", "outlet", "published", "published_source",
    "published_confidence", "published_doubtful", "published_note", "captured", "language",
    "source_path", "text", "raw_text",
)
REPORT_COLUMNS = (
    "id", "article_id", "idx", "event_date", "date_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "fatalities", "civilian_targeting",
    "confidence", "trigger", "outlet", *PLACE_COLUMNS, "date_doubtful", "date_note",
)
EVENT_COLUMNS = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "assoc_actor_1", "assoc_actor_2", "civilian_targeting", "fatalities_low",
    "fatalities_best", "fatalities_high", "sources", "contested", "grade", "notes", "extra",
    *PLACE_COLUMNS, "date_doubtful", "date_note",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not serialisable: {type(value).__name__}")


def canonical_json(value: Any) -> str:
    """Stable JSON (sorted keys, dates as ISO strings) for hashing and JSON columns."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_jsonable)


def report_id(report: EventReport) -> str:
    """The deterministic id of a report: its article id plus a hash of its whole content.

    Content rather than position, so that re-extracting an article that yields the same
    reports keeps their ids, and the merged events pointing at them stay valid.
    """
    digest = hashlib.sha1(canonical_json(asdict(report)).encode("utf-8")).hexdigest()
    return f"{report.article_id}:{digest[:12]}"


def geo_cell(lat10: int, lon10: int) -> int:
    """The ``event_reports.geo_cell`` of the square whose south-west corner is (lat10 / 10,
    lon10 / 10) degrees: the formula of the generated column (store migration 7)."""
    return lat10 * 4000 + lon10 + 2000


# --- articles -------------------------------------------------------------------------

def article_row(article: Article) -> tuple[Any, ...]:
    return (
        article.id, article.content_hash or article.id, article.title, article.url,
        article.outlet, article.published.isoformat() if article.published else None,
        article.published_source, article.published_confidence, int(article.published_doubtful),
        article.published_note, article.captured.isoformat() if article.captured else None,
        article.language, article.source_path, article.text, article.raw_text,
    )


def article_from_row(row: Row) -> Article:
    return Article(
        id=row["id"], text=row["text"], raw_text=row["raw_text"], title=row["title"],
        url=row["url"], outlet=row["outlet"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        published_source=row["published_source"],
        published_confidence=row["published_confidence"],
        published_doubtful=bool(row["published_doubtful"]), published_note=row["published_note"],
        captured=datetime.fromisoformat(row["captured"]) if row["captured"] else None,
        language=row["language"], source_path=row["source_path"],
        content_hash=row["content_hash"],
    )


# --- places, claims, evidence -----------------------------------------------------------

def place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * len(PLACE_COLUMNS)
    return (
        place.name, place.latitude, place.longitude, place.admin1, place.admin2, place.country,
        place.country_code, place.geo_precision, place.gazetteer_id, place.mention, place.feature,
    )


def place_from_row(row: Row) -> Place | None:
    if row["location"] is None:
        return None
    return Place(
        name=row["location"], latitude=row["latitude"], longitude=row["longitude"],
        admin1=row["admin1"], country=row["country"], country_code=row["country_code"],
        geo_precision=row["geo_precision"], mention=row["place_mention"] or "",
        feature=row["place_feature"] or "populated place", gazetteer_id=row["gazetteer_id"],
        admin2=row["admin2"],
    )


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """Every field of a claim (to_dict drops estimate and offsets, which we must keep)."""
    return {
        "count": claim.count, "qualifier": claim.qualifier, "who": claim.who,
        "source": claim.source, "quote": claim.quote, "estimate": claim.estimate,
        "subfigures": [claim_to_json(s) for s in claim.subfigures],
        "start": claim.start, "end": claim.end, "flag": claim.flag,
    }


def claim_from_json(data: dict[str, Any]) -> Claim:
    return Claim(
        count=data["count"], qualifier=data["qualifier"], who=data["who"],
        source=data["source"], quote=data["quote"], estimate=data.get("estimate"),
        subfigures=tuple(claim_from_json(s) for s in data.get("subfigures", [])),
        start=data.get("start"), end=data.get("end"), flag=data.get("flag"),
    )


def claim_row(rid: str, idx: int, claim: Claim) -> tuple[Any, ...]:
    return (
        rid, idx, claim.count, claim.qualifier, claim.who, claim.source, claim.quote,
        claim.estimate, canonical_json([claim_to_json(s) for s in claim.subfigures]),
        claim.start, claim.end, claim.flag,
    )


def claim_from_row(row: Row) -> Claim:
    return Claim(
        count=row["count"], qualifier=row["qualifier"], who=row["who"], source=row["source"],
        quote=row["quote"], estimate=row["estimate"],
        subfigures=tuple(claim_from_json(s) for s in json.loads(row["subfigures"])),
        start=row["start"], end=row["end"], flag=row["flag"],
    )


def evidence_from_row(row: Row) -> Evidence:
    return Evidence(start=row["start"], end=row["end"], text=row["text"])


# --- reports and events -----------------------------------------------------------------

def report_row(rid: str, idx: int, report: EventReport) -> tuple[Any, ...]:
    return (
        rid, report.article_id, idx, report.event_date.isoformat(), report.date_precision,
        report.event_type, report.sub_event_type, report.actor1, report.actor2,
        canonical_json(list(report.assoc_actor_1)), canonical_json(list(report.assoc_actor_2)),
        report.fatalities, int(report.civilian_targeting), report.confidence, report.trigger,
        report.outlet, *place_values(report.place), int(report.date_doubtful), report.date_note,
    )


def report_from_row(
    row: Row, claims: tuple[Claim, ...], evidence: tuple[Evidence, ...]
) -> EventReport:
    return EventReport(
        article_id=row["article_id"], event_date=date.fromisoformat(row["event_date"]),
        date_precision=row["date_precision"], event_type=row["event_type"],
        sub_event_type=row["sub_event_type"], actor1=row["actor1"], actor2=row["actor2"],
        place=place_from_row(row), assoc_actor_1=tuple(json.loads(row["assoc_actor_1"])),
        assoc_actor_2=tuple(json.loads(row["assoc_actor_2"])), fatalities=row["fatalities"],
        claims=claims, civilian_targeting=bool(row["civilian_targeting"]), evidence=evidence,
        confidence=row["confidence"], trigger=row["trigger"], outlet=row["outlet"],
        date_doubtful=bool(row["date_doubtful"]), date_note=row["date_note"],
    )


def actor_rows(key: str, record: EventReport | Event) -> list[tuple[str, str, str]]:
    """(key, actor, role) for each named actor, feeding the indexed actor filter."""
    rows = {(key, record.actor1, "actor1"), (key, record.actor2, "actor2")}
    rows |= {(key, name, "assoc_actor_1") for name in record.assoc_actor_1}
    rows |= {(key, name, "assoc_actor_2") for name in record.assoc_actor_2}
    return sorted(r for r in rows if r[1])  # type: ignore[misc]


def event_row(event: Event) -> tuple[Any, ...]:
    extra = {k: v for k, v in event.extra.items() if k not in STORE_EXTRA_KEYS}
    return (
        event.event_id, event.event_date.isoformat(), event.date_precision, event.event_type,
        event.sub_event_type, event.actor1, event.actor2,
        canonical_json(list(event.assoc_actor_1)), canonical_json(list(event.assoc_actor_2)),
        int(event.civilian_targeting), event.fatalities_low, event.fatalities_best,
        event.fatalities_high, canonical_json(list(event.sources)), int(event.contested),
        event.grade, event.notes, canonical_json(extra), *place_values(event.place),
        int(event.date_doubtful), event.date_note,
    )


# Keys the store adds to ``Event.extra`` when reading: ``seq`` (a stable number, used for
# ACLED's event_id_cnty) and ``timestamp`` (unix time of the event's last change).
STORE_EXTRA_KEYS = ("seq", "timestamp")


def event_from_row(row: Row, reports: tuple[EventReport, ...]) -> Event:
    extra = json.loads(row["extra"])
    extra.update(seq=row["seq"], timestamp=row["updated"])
    return Event(
        event_id=row["event_id"], reports=reports,
        event_date=date.fromisoformat(row["event_date"]), date_precision=row["date_precision"],
        event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"], place=place_from_row(row),
        assoc_actor_1=tuple(json.loads(row["assoc_actor_1"])),
        assoc_actor_2=tuple(json.loads(row["assoc_actor_2"])),
        civilian_targeting=bool(row["civilian_targeting"]),
        fatalities_low=row["fatalities_low"], fatalities_best=row["fatalities_best"],
        fatalities_high=row["fatalities_high"], sources=tuple(json.loads(row["sources"])),
        contested=bool(row["contested"]), grade=row["grade"], notes=row["notes"], extra=extra,
        date_doubtful=bool(row["date_doubtful"]), date_note=row["date_note"],
    )

