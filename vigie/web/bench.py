"""A bounded load test of the desk on a large synthetic store (``vigie bench``, issue 9 target).

Why synthetic events written through the store's own codec: the figures must be those of the
real ``events`` schema and indexes at 100,000 events, without spending an hour of extraction to
get there. A fixed number of requests from a few concurrent clients on loopback hits a filtered
events page and ``GET /api/events``; latencies are reported as p50 / p95 / p99, with the errors.
"""
from __future__ import annotations

import statistics
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from vigie.merge.bench import synthetic_reports
from vigie.models import Event
from vigie.store import Store
from vigie.store import codec
from vigie.store.loading import placeholders
from vigie.web.live import live_desk

FILTERS = (
    "admin1=Idlib&date_from=2015-01-01&date_to=2015-12-31",
    "event_type=Battles&admin1=Aleppo",
    "sub_event_type=Air/drone strike&date_from=2016-06-01&date_to=2016-08-31",
    "actor=Islamic State&admin1=Ar-Raqqa",
    "admin1=Homs&sort=-fatalities",
)


@dataclass(frozen=True)
class Latencies:
    """Milliseconds per request of one endpoint, and the failed requests."""

    name: str
    requests: int
    errors: int
    p50: float
    p95: float
    p99: float


def synthetic_store(path: str | Path, n: int, *, seed: int = 7) -> None:
    """Write ``n`` one-report events (synthetic, see :mod:`vigie.merge.bench`) into the store
    at ``path`` (a SQLite path or a PostgreSQL URL)."""
    cols = (*codec.EVENT_COLUMNS, "fingerprint", "updated")
    with Store.open(path) as store, store.transaction():
        rows, actors = [], []
        for i, report in enumerate(synthetic_reports(n, seed=seed)):
            event = Event(
                event_id=f"ev-{i:016x}", reports=(), event_date=report.event_date,
                date_precision=report.date_precision, event_type=report.event_type,
                sub_event_type=report.sub_event_type, actor1=report.actor1, actor2=report.actor2,
                place=report.place, fatalities_low=report.fatalities, fatalities_best=report.fatalities,
                fatalities_high=report.fatalities, sources=(report.outlet or "",),
                notes=f"synthetic event {i}", extra={"n_reports": 1},
            )
            rows.append((*codec.event_row(event), f"synthetic-{i}", 0))
            actors += codec.actor_rows(event.event_id, event)
        store.conn.executemany(
            f"INSERT INTO events ({', '.join(cols)}) VALUES ({placeholders(cols)})", rows)
        store.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor, role) VALUES (?, ?, ?)", actors)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def load_test(base: str, paths: list[str], *, name: str, clients: int, requests: int) -> Latencies:
    """``requests`` GETs spread over ``clients`` threads, cycling through ``paths``."""
    times: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(k: int) -> None:
        nonlocal errors
        for i in range(k, requests, clients):
            url = base + paths[i % len(paths)].replace(" ", "%20")
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url) as response:
                    response.read()
                    failed = response.status != 200
            except (urllib.error.URLError, OSError):
                failed = True
            with lock:
                times.append((time.perf_counter() - start) * 1000)
                errors += failed

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Latencies(name, len(times), errors, statistics.median(times),
                     _percentile(times, 0.95), _percentile(times, 0.99))


def bench_desk(path: str | Path, *, events: int = 100_000, clients: int = 4,
                requests: int = 200) -> tuple[float, list[Latencies]]:
    """(seconds to build the store, latencies of the events page and of the API); the store at
    ``path`` (a SQLite path or a PostgreSQL URL) gets ``events`` synthetic events when it holds none."""
    start = time.perf_counter()
    with Store.open(path) as store:
        empty = store.counts().events == 0
    if empty:
        synthetic_store(path, events)
    built = time.perf_counter() - start
    with live_desk(str(path)) as base:
        results = [
            load_test(base, [f"/?{f}" for f in FILTERS], name="events page (filtered)",
                      clients=clients, requests=requests),
            load_test(base, [f"/api/events?{f}" for f in FILTERS], name="GET /api/events",
                      clients=clients, requests=requests),
        ]
    return built, results
