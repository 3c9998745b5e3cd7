"""How well merging reproduces gold clusters (the ``cluster`` ids of ``corpus/merge/gold``).

Why pairwise: a merge error is a pair of reports put together or kept apart wrongly, whatever
the size of the events. Each predicted report is first matched to a gold event of its own
article (same event type, dates within the gold precision's tolerance, places within 25 km or
the same governorate for a precision-3 gold; one-to-one, same sub-type and closest first, as
in design.md section 6). Then over the pairs of matched gold events of different articles:
precision = share of predicted co-clustered pairs that are gold co-clustered; recall = the
converse. A gold cluster is *split* when its matched events land in two or more events, and
*merged* when an event holding it also holds another gold cluster.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from vigie.merge.compatible import haversine_km
from vigie.models import Event, EventReport

_TOLERANCE = {"day": 1, "week": 7, "month": 31}
_MAX_KM = 25.0


@dataclass(frozen=True)
class GoldItem:
    doc_id: str
    event_id: str
    cluster: str
    day: date
    precision: str
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    admin1: str | None
    geo_precision: int

    @property
    def ref(self) -> str:
        return f"{self.doc_id}#{self.event_id}"


@dataclass(frozen=True)
class ClusterScores:
    precision: float | None
    recall: float | None
    gold_pairs: int
    predicted_pairs: int
    clusters: int  # gold clusters reported by two or more articles
    split: tuple[str, ...]
    merged: tuple[str, ...]
    unmatched: tuple[str, ...]  # gold events (doc#id) no predicted report matched


def load_gold_items(gold_dirs: Iterable[str | Path], *, assign: Mapping[str, str] | None = None
                    ) -> list[GoldItem]:
    """Gold events with their cluster (``assign`` maps "doc#event" to a cluster when the file has none)."""
    assign = assign or {}
    items = []
    for directory in gold_dirs:
        for path in sorted(Path(directory).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            for ev in doc.get("events", []):
                loc = ev.get("location") or {}
                ref = f"{doc['doc_id']}#{ev['id']}"
                items.append(GoldItem(
                    doc_id=doc["doc_id"], event_id=ev["id"],
                    cluster=assign.get(ref) or ev.get("cluster") or ref,
                    day=date.fromisoformat(ev["date"]), precision=ev.get("date_precision", "day"),
                    event_type=ev["event_type"], sub_event_type=ev["sub_event_type"],
                    lat=loc.get("lat"), lon=loc.get("lon"), admin1=loc.get("admin1"),
                    geo_precision=int(loc.get("geo_precision") or 1),
                ))
    return items


def _fit(gold: GoldItem, report: EventReport) -> tuple[float, ...] | None:
    if gold.event_type != report.event_type:
        return None
    gap = abs((gold.day - report.event_date).days)
    if gap > _TOLERANCE.get(gold.precision, 1):
        return None
    place = report.place
    if place is None:
        return None
    if gold.geo_precision == 3 or gold.lat is None or gold.lon is None:
        if (gold.admin1 or "").casefold() != (place.admin1 or "").casefold():
            return None
        km = 0.0
    else:
        km = haversine_km(gold.lat, gold.lon, place.latitude, place.longitude)
        if km > _MAX_KM:
            return None
    return (float(gold.sub_event_type != report.sub_event_type), km, float(gap))


def match_reports(golds: list[GoldItem], events: Iterable[Event]) -> dict[str, str]:
    """Gold ref -> id of the predicted event holding the report matched to it."""
    by_doc: dict[str, list[tuple[EventReport, str]]] = {}
    for event in events:
        for report in event.reports:
            by_doc.setdefault(report.article_id, []).append((report, event.event_id))
    matched: dict[str, str] = {}
    for doc in sorted({g.doc_id for g in golds}):
        doc_golds = [g for g in golds if g.doc_id == doc]
        preds = by_doc.get(doc, [])
        pairs = sorted(
            (fit, gi, pi) for gi, g in enumerate(doc_golds) for pi, (r, _) in enumerate(preds)
            if (fit := _fit(g, r)) is not None
        )
        used_g, used_p = set(), set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched[doc_golds[gi].ref] = preds[pi][1]
    return matched


def cluster_scores(gold_dirs: Iterable[str | Path], events: Iterable[Event], *,
                   assign: Mapping[str, str] | None = None) -> ClusterScores:
    """Pairwise co-clustering precision / recall and split / merged gold clusters."""
    events = list(events)
    golds = load_gold_items(gold_dirs, assign=assign)
    matched = match_reports(golds, events)
    found = [g for g in golds if g.ref in matched]
    gold_pairs = pred_pairs = both = 0
    for a, b in combinations(found, 2):
        if a.doc_id == b.doc_id:
            continue
        same_gold = a.cluster == b.cluster
        same_pred = matched[a.ref] == matched[b.ref]
        gold_pairs += same_gold
        pred_pairs += same_pred
        both += same_gold and same_pred
    clusters: dict[str, set[str]] = {}
    docs: dict[str, set[str]] = {}
    for g in golds:
        docs.setdefault(g.cluster, set()).add(g.doc_id)
        if g.ref in matched:
            clusters.setdefault(g.cluster, set()).add(matched[g.ref])
    holders: dict[str, set[str]] = {}
    for cluster, eids in clusters.items():
        for eid in eids:
            holders.setdefault(eid, set()).add(cluster)
    multi = {c for c, d in docs.items() if len(d) > 1}
    return ClusterScores(
        precision=both / pred_pairs if pred_pairs else None,
        recall=both / gold_pairs if gold_pairs else None,
        gold_pairs=gold_pairs, predicted_pairs=pred_pairs, clusters=len(multi),
        split=tuple(sorted(c for c in multi if len(clusters.get(c, ())) > 1)),
        merged=tuple(sorted(c for c, eids in clusters.items()
                            if any(len(holders[e]) > 1 for e in eids))),
        unmatched=tuple(sorted(g.ref for g in golds if g.ref not in matched)),
    )
