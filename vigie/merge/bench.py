"""Merge throughput on synthetic reports (``vigie bench`` calls :func:`bench_merge`).

Why synthetic: the question is how merging scales with the size of the record (100,000
reports in under 30 s on one core; the time per new report must not grow with the store),
which needs far more reports than any hand-made corpus. The reports spread over 14
governorates (towns scattered around each capital) and 5 years, with realistic duplication:
about a third of the real events are reported by two or three outlets, with some week
precision dates and some vague places. Reports arrive one at a time, in random order, through
:class:`vigie.merge.Merger`, which runs the very steps of :func:`vigie.merge.merge_pending`
(keys, blocking, grouping, building events) with the blocking index in memory.
"""
from __future__ import annotations

import random
import time
from datetime import date, timedelta

from vigie.merge import Merger
from vigie.models import Claim, EventReport, Place

# Approximate centres of the 14 governorates (lat, lon).
_GOVERNORATES = {
    "Aleppo": (36.2, 37.15), "Idlib": (35.93, 36.63), "Hama": (35.13, 36.75),
    "Homs": (34.73, 36.72), "Latakia": (35.52, 35.79), "Tartus": (34.89, 35.89),
    "Damascus": (33.51, 36.29), "Rif Dimashq": (33.57, 36.4), "Dar'a": (32.62, 36.1),
    "As-Suwayda": (32.71, 36.57), "Quneitra": (33.13, 35.82), "Deir ez-Zor": (35.33, 40.14),
    "Ar-Raqqa": (35.95, 39.01), "Al-Hasakah": (36.5, 40.75),
}
_SUBTYPES = (
    ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
)
_ACTORS = ("Military Forces of Syria", "Syrian rebels (unspecified)", "Islamic State",
           "Military Forces of Russia", "Hezbollah", "Jabhat al-Nusra", None)
_OUTLETS = ("SANA", "OSDH", "AFP", "Reuters", "AlManar", "Le Monde", "Orient")


def synthetic_reports(n: int, *, seed: int = 7) -> list[EventReport]:
    """``n`` reports of about ``n / 1.5`` real events, shuffled."""
    rng = random.Random(seed)
    towns = [
        (f"{gov} town {i}", gov, lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4))
        for gov, (lat, lon) in _GOVERNORATES.items() for i in range(60)
    ]
    start = date(2013, 1, 1)
    reports: list[EventReport] = []
    event = 0
    while len(reports) < n:
        event += 1
        name, gov, lat, lon = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(5 * 365))
        etype, sub = rng.choice(_SUBTYPES)
        actor1, actor2 = rng.choice(_ACTORS), rng.choice(_ACTORS)
        copies = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        for outlet in rng.sample(_OUTLETS, copies):
            if len(reports) >= n:
                break
            vague_place = rng.random() < 0.1
            place = Place(
                name=name, latitude=lat, longitude=lon, admin1=gov, country="Syria",
                country_code="SY", geo_precision=2 if vague_place else 1, gazetteer_id=name,
            )
            toll = rng.randrange(0, 40)
            reports.append(EventReport(
                article_id=f"{outlet}-{event}", event_date=day,
                date_precision="week" if rng.random() < 0.05 else "day",
                event_type=etype, sub_event_type=sub, actor1=actor1, actor2=actor2,
                place=place, fatalities=toll, outlet=outlet,
                claims=(Claim(count=toll, qualifier="exact", who="people", source=outlet,
                              quote=f"{toll} morts"),) if toll else (),
            ))
    rng.shuffle(reports)
    return reports


def bench_merge(n: int, *, last: int = 1000, seed: int = 7) -> dict[str, float]:
    """Merge ``n`` synthetic reports one by one; seconds, reports/s, ms per report of the last ``last``."""
    reports = synthetic_reports(n, seed=seed)
    merger = Merger()
    tail_from = max(0, n - last)
    started = time.perf_counter()
    tail_started = started
    for i, report in enumerate(reports):
        if i == tail_from:
            tail_started = time.perf_counter()
        merger.add([report])
    ended = time.perf_counter()
    seconds = ended - started
    return {
        "reports": float(n),
        "events": float(len(merger.events)),
        "seconds": round(seconds, 3),
        "reports_per_second": round(n / seconds, 1) if seconds else 0.0,
        "ms_per_report_last": round(1000 * (ended - tail_started) / max(1, n - tail_from), 4),
    }
