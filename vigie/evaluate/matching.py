"""One-to-one matching of predicted and gold events within an article (design.md section 6).

A predicted event can match a gold event when
1. the dates agree: |predicted - gold| <= 1 day for gold precision day, 7 for week, 31 for month
   (the tolerance is the GOLD event's precision: the gold says how exactly the date is known);
2. the places agree: haversine distance <= 25 km; when the gold event has geo_precision 3
   (only the governorate is known) the test is instead "same governorate" (admin1 names
   compared by :class:`vigie.evaluate.normalise.Governorates`), so a prediction without
   coordinates can match such an event, and only such an event;
3. the event types agree (case and surrounding spaces ignored).
Among all admissible pairs, pairs are taken greedily, best first, by the key
(sub-type differs, distance km, date difference days, gold order, prediction order);
each gold and each predicted event is used at most once. The distance of a pair is 0 when
either side has no coordinates (possible only for a precision-3 gold matched by governorate).
Optional gold events take part in the same greedy pass as core ones, so a prediction that fits
an optional event better is not forced onto a core event it fits worse (and vice versa).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from vigie.evaluate.normalise import Governorates
from vigie.evaluate.records import GoldEvent, PredEvent

DATE_TOLERANCE_DAYS = {"day": 1, "week": 7, "month": 31}
MATCH_RADIUS_KM = 25.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def date_tolerance(precision: str) -> int:
    """Days of tolerance for a gold precision; an unknown precision is treated as day."""
    return DATE_TOLERANCE_DAYS.get(precision, 1)


def distance_km(gold: GoldEvent, pred: PredEvent) -> float | None:
    """Distance between the two places, or None when either side lacks coordinates."""
    if None in (gold.latitude, gold.longitude, pred.latitude, pred.longitude):
        return None
    return haversine_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude)  # type: ignore[arg-type]


def same_type(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def places_agree(gold: GoldEvent, pred: PredEvent, *, governorates: Governorates,
                 radius_km: float = MATCH_RADIUS_KM) -> bool:
    """Rule 2 above: governorate for precision-3 gold, else distance within ``radius_km``."""
    if gold.geo_precision >= 3:
        key = governorates.key(gold.admin1)
        return key is not None and key == governorates.key(pred.admin1)
    dist = distance_km(gold, pred)
    return dist is not None and dist <= radius_km


def dates_agree(gold: GoldEvent, pred: PredEvent) -> bool:
    return abs((pred.date - gold.date).days) <= date_tolerance(gold.date_precision)


@dataclass(frozen=True)
class Pair:
    gold: GoldEvent
    pred: PredEvent
    distance_km: float
    date_diff_days: int


def candidate_pairs(golds: list[GoldEvent], preds: list[PredEvent], *,
                    governorates: Governorates) -> list[tuple[tuple, Pair]]:
    """Every admissible (gold, pred) pair with its greedy sort key."""
    out = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if not same_type(gold.event_type, pred.event_type):
                continue
            if not dates_agree(gold, pred):
                continue
            if not places_agree(gold, pred, governorates=governorates):
                continue
            dist = distance_km(gold, pred) or 0.0
            diff = abs((pred.date - gold.date).days)
            sub_differs = not same_type(gold.sub_event_type, pred.sub_event_type)
            out.append(((sub_differs, dist, diff, gi, pi), Pair(gold, pred, dist, diff)))
    return out


def match_events(golds: list[GoldEvent], preds: list[PredEvent], *,
                 governorates: Governorates) -> list[Pair]:
    """Greedy one-to-one matching, best pairs first (see the module docstring)."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for key, pair in sorted(candidate_pairs(golds, preds, governorates=governorates),
                            key=lambda kp: kp[0]):
        gi, pi = key[3], key[4]
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(pair)
    return pairs
