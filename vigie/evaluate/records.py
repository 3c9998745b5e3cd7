"""Readers for the two sides of an evaluation: gold annotation files and predicted event reports.

Why their own records: the evaluator must not depend on how extraction builds its objects,
only on the fixed JSON shapes (gold: ``../shared/corpus/gold/*.json``; predictions: the
event-report lines of design.md section 3). Both are read into small frozen records here,
and a malformed file is reported with its name and line instead of failing deep in scoring.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from vigie.errors import GoldFormatError, VigieError


@dataclass(frozen=True)
class ScoredClaim:
    """One casualty figure on either side: enough to compare and to show in an error list."""

    count: int | None
    qualifier: str
    source: str
    quote: str = ""


@dataclass(frozen=True)
class GoldEvent:
    id: str
    date: date
    date_precision: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    geo_precision: int
    location: str
    claims: tuple[ScoredClaim, ...]
    quote: str
    optional: bool = False


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    events: tuple[GoldEvent, ...]
    path: str = ""


@dataclass(frozen=True)
class PredEvent:
    """One predicted event report; ``index`` is its rank among its article's reports."""

    article_id: str
    index: int
    date: date
    date_precision: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    latitude: float | None
    longitude: float | None
    admin1: str | None
    geo_precision: int | None
    location: str
    claims: tuple[ScoredClaim, ...]
    evidence: str


def _actor(value: Any) -> str | None:
    """Gold files write a missing actor as null or as an empty string: both mean none."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def _date(value: Any, where: str, error: type[VigieError]) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise error(f"{where}: bad date {value!r}") from exc


def _gold_claims(raw: Any, where: str) -> tuple[ScoredClaim, ...]:
    if not isinstance(raw, list):
        raise GoldFormatError(f"{where}: 'fatalities' must be a list")
    claims = []
    for item in raw:
        if not isinstance(item, dict) or "qualifier" not in item or "source" not in item:
            raise GoldFormatError(f"{where}: each fatality needs 'count', 'qualifier' and 'source'")
        count = item.get("count")
        claims.append(ScoredClaim(
            count=int(count) if count is not None else None,
            qualifier=str(item["qualifier"]),
            source=str(item["source"]),
            quote=str(item.get("quote") or ""),
        ))
    return tuple(claims)


def _gold_event(raw: dict[str, Any], where: str) -> GoldEvent:
    try:
        loc = raw["location"]
        return GoldEvent(
            id=str(raw["id"]),
            date=_date(raw["date"], where, GoldFormatError),
            date_precision=str(raw["date_precision"]),
            event_type=str(raw["event_type"]),
            sub_event_type=str(raw["sub_event_type"]),
            actor1=_actor(raw.get("actor1")),
            actor2=_actor(raw.get("actor2")),
            latitude=_float(loc.get("lat")),
            longitude=_float(loc.get("lon")),
            admin1=loc.get("admin1"),
            geo_precision=int(loc["geo_precision"]),
            location=str(loc.get("name") or ""),
            claims=_gold_claims(raw.get("fatalities", []), where),
            quote=str(raw.get("quote") or ""),
            optional=bool(raw.get("optional", False)),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise GoldFormatError(f"{where}: missing or malformed field ({exc})") from exc


def load_gold_file(path: Path) -> GoldArticle:
    """One gold file (``doc_id``, ``events``); raises GoldFormatError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: invalid JSON: {exc}") from exc
    if not isinstance(data, dict) or "events" not in data:
        raise GoldFormatError(f"{path}: expected an object with 'doc_id' and 'events'")
    doc_id = str(data.get("doc_id") or path.stem)
    events = tuple(
        _gold_event(ev, f"{path} event {ev.get('id', i) if isinstance(ev, dict) else i}")
        for i, ev in enumerate(data["events"])
    )
    return GoldArticle(doc_id=doc_id, events=events, path=str(path))


def load_gold_dir(directory: str | Path) -> dict[str, GoldArticle]:
    """Every ``*.json`` of a directory, keyed by ``doc_id`` (sorted for stable reports)."""
    root = Path(directory)
    if not root.is_dir():
        raise GoldFormatError(f"{root}: not a directory of gold files")
    articles: dict[str, GoldArticle] = {}
    for path in sorted(root.glob("*.json")):
        article = load_gold_file(path)
        if article.doc_id in articles:
            raise GoldFormatError(f"{path}: doc_id {article.doc_id!r} already given by another file")
        articles[article.doc_id] = article
    if not articles:
        raise GoldFormatError(f"{root}: no gold *.json files")
    return articles


def _pred_claims(raw: Any, where: str) -> tuple[ScoredClaim, ...]:
    """The fatality claims of the prediction's ``claims`` list.

    Sub-figures ("dont 6 enfants") are nested under their parent figure and not scored apart,
    as the gold codes them; injury claims (``who == "injured"``) are left out because injuries
    are not fatalities (design.md section 4) and the gold lists fatality figures only."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise VigieError(f"{where}: 'claims' must be a list")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise VigieError(f"{where}: each claim must be an object")
        if str(item.get("who") or "") == "injured":
            continue
        count = item.get("count")
        out.append(ScoredClaim(
            count=int(count) if count is not None else None,
            qualifier=str(item.get("qualifier") or "exact"),
            source=str(item.get("source") or ""),
            quote=str(item.get("quote") or ""),
        ))
    return tuple(out)


def pred_from_dict(raw: dict[str, Any], *, index: int, where: str) -> PredEvent:
    """One event-report dict (design.md section 3) as a PredEvent."""
    try:
        evidence = " ".join(str(e.get("text", "")) for e in raw.get("evidence") or [])
        geo = raw.get("geo_precision")
        return PredEvent(
            article_id=str(raw["article_id"]),
            index=index,
            date=_date(raw["event_date"], where, VigieError),
            date_precision=str(raw.get("date_precision") or "day"),
            event_type=str(raw["event_type"]),
            sub_event_type=str(raw.get("sub_event_type") or ""),
            actor1=_actor(raw.get("actor1")),
            actor2=_actor(raw.get("actor2")),
            latitude=_float(raw.get("latitude")),
            longitude=_float(raw.get("longitude")),
            admin1=raw.get("admin1"),
            geo_precision=int(geo) if geo is not None else None,
            location=str(raw.get("location") or ""),
            claims=_pred_claims(raw.get("claims"), where),
            evidence=evidence,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise VigieError(f"{where}: missing or malformed field ({exc})") from exc


def iter_pred_dicts(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON Lines file."""
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise VigieError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
            if not isinstance(obj, dict):
                raise VigieError(f"{path}:{lineno}: expected a JSON object")
            yield lineno, obj


def group_predictions(dicts: Iterator[tuple[str, dict[str, Any]]]) -> dict[str, list[PredEvent]]:
    """Event-report dicts grouped by article, each numbered in input order within its article."""
    grouped: dict[str, list[PredEvent]] = {}
    for where, raw in dicts:
        article_id = str(raw.get("article_id", ""))
        bucket = grouped.setdefault(article_id, [])
        bucket.append(pred_from_dict(raw, index=len(bucket), where=where))
    return grouped


def load_predictions(path: str | Path) -> dict[str, list[PredEvent]]:
    """A predictions JSONL file grouped by ``article_id``."""
    return group_predictions((f"{path}:{n}", obj) for n, obj in iter_pred_dicts(path))
