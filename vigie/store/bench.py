"""The store backends measured for ``vigie bench``: ingest 100,000 events, then filtered queries.

Why synthetic articles through the real path: the question is the store (its transactions,
merge queries and filter indexes) at the size of a team's record, not extraction, which
``vigie bench`` times apart. Reports come from :func:`vigie.merge.bench.synthetic_reports`
(14 governorates, 5 years, a third of the events told by two or three outlets), a few per
article; each article goes through :func:`vigie.pipeline.store_article` (one transaction) and
the merge runs every ``merge_batch`` articles (:func:`vigie.pipeline.merge_stored`), as
``vigie ingest`` does. Then the filters analysts use run as ``vigie events`` runs them
(:meth:`vigie.store.Store.events`, whole events with reports, claims and evidence), several
rounds, and the latencies' median and 95th percentile are reported.
"""
from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta

from vigie.models import Article, EventReport
from vigie.store import Store

# The filters of the figures: what `vigie events --admin1 ... --from ... --type ...` passes.
QUERIES: tuple[dict[str, object], ...] = (
    {"admin1": "Idlib", "date_from": date(2015, 1, 1), "date_to": date(2015, 3, 31)},
    {"admin1": "Aleppo", "event_type": "Battles", "date_from": date(2016, 1, 1), "date_to": date(2016, 6, 30)},
    {"event_type": "Air/drone strike", "date_from": date(2016, 7, 1), "date_to": date(2016, 7, 31)},
    {"actor": "Islamic State", "admin1": "Ar-Raqqa", "date_from": date(2017, 1, 1), "date_to": date(2017, 6, 30)},
    {"source": "OSDH", "admin1": "Homs", "date_from": date(2014, 1, 1), "date_to": date(2014, 3, 31)},
    {"admin1": "Damascus", "grade": "fair", "date_from": date(2015, 1, 1), "date_to": date(2015, 12, 31)},
    {"admin1": "IDLIB", "contested": False, "date_from": date(2013, 6, 1), "date_to": date(2013, 6, 30)},
)


@dataclass(frozen=True)
class BackendBench:
    """One backend's figures: ingest time of the synthetic record, query latencies (ms)."""

    backend: str
    articles: int
    reports: int
    events: int
    ingest_seconds: float
    queries: int
    mean_rows: float
    p50_ms: float
    p95_ms: float


def synthetic_articles(reports: int, *, per_article: int = 10, seed: int = 7
                       ) -> list[tuple[Article, list[EventReport]]]:
    """About ``reports`` synthetic reports, ``per_article`` to an article (an article never
    holds two tellings of one event: the merge would keep them apart)."""
    from vigie.merge.bench import synthetic_reports

    pool = synthetic_reports(reports, seed=seed)
    rng = random.Random(seed)
    out: list[tuple[Article, list[EventReport]]] = []
    batch: list[EventReport] = []
    seen: set[tuple[object, ...]] = set()

    def flush() -> None:
        aid = f"bench-{len(out):06d}"
        text = " ".join(f"mot{rng.randrange(10**6)}" for _ in range(40))
        article = Article(id=aid, text=text, content_hash=aid, outlet=batch[0].outlet,
                          published=max(r.event_date for r in batch) + timedelta(days=1),
                          published_source="input")
        out.append((article, [replace(r, article_id=aid) for r in batch]))

    for report in pool:
        key = (report.event_date, report.place, report.sub_event_type)
        if key in seen or len(batch) == per_article:
            flush()
            batch, seen = [], set()
        batch.append(report)
        seen.add(key)
    if batch:
        flush()
    return out


def bench_backend(target: str, *, reports: int, rounds: int = 5) -> BackendBench:
    """Ingest ``reports`` synthetic reports into the empty store ``target``, then time
    :data:`QUERIES` ``rounds`` times each."""
    from vigie import settings
    from vigie.merge import MergeContext
    from vigie.pipeline import IngestSummary, merge_stored, store_article

    batch = synthetic_articles(reports)
    MergeContext.load()  # registries loaded before timing
    every = max(1, int(settings.get("merge_batch")))
    with Store.open(target) as store:
        summary = IngestSummary(run_id=store.start_run(["bench"]))
        started = time.perf_counter()
        for i, (article, article_reports) in enumerate(batch, start=1):
            store_article(store, summary, article, article_reports)
            if i % every == 0:
                merge_stored(store, summary)
        merge_stored(store, summary)
        ingest = time.perf_counter() - started
        if summary.errors:
            raise RuntimeError(f"bench articles refused: {summary.errors[0]}")
        counts = store.counts()
        times: list[float] = []
        rows: list[int] = []
        for _ in range(rounds):
            for query in QUERIES:
                began = time.perf_counter()
                rows.append(len(store.events(**query)))  # type: ignore[arg-type]
                times.append(1000 * (time.perf_counter() - began))
    return BackendBench(
        backend=store.backend, articles=counts.articles, reports=counts.reports,
        events=counts.events, ingest_seconds=ingest, queries=len(times),
        mean_rows=statistics.mean(rows), p50_ms=statistics.median(times),
        p95_ms=sorted(times)[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
    )


@contextmanager
def postgres_target(url: str | None) -> Iterator[str]:
    """A fresh, empty PostgreSQL target: a new schema in ``url``'s database (dropped after),
    or, without ``url``, a throwaway server (:class:`vigie.store.pgcluster.TempCluster`)."""
    if url is None:
        from vigie.store.pgcluster import TempCluster

        with TempCluster(durable=True) as cluster:
            yield cluster.create_database("vigie_bench")
        return
    from vigie.store.backend import PgConnection

    schema = f"vigie_bench_{int(time.time())}"
    admin = PgConnection(url)  # a clear StoreError when the server is unreachable
    try:
        admin.conn.execute(f"CREATE SCHEMA {schema}")
        separator = "&" if "?" in url else "?"
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        admin.conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.close()
