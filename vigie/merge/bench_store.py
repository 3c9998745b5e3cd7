"""Merge cost through the real ingest path: SQLite, one transaction per article (``vigie bench``).

Why beside the in-memory figures of :mod:`vigie.merge.bench`: the costs users met were in the
store (a scan of every event after each article, candidate queries returning a whole large
event), which the in-memory merger never shows. Articles carry synthetic reports (no NLP: the
question is merging) and go through :func:`vigie.pipeline.store_article`, as ``vigie ingest``
stores them. Two shapes, with the targets of issue 11:

- **growing store**: distinct articles; the last block of articles must cost within 1.2x the
  first (the cost per article must not grow with the store);
- **dense cluster**: every article reports one event; the cost per article must stay within 2x
  that of distinct articles.
"""
from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from vigie.merge.bench import synthetic_reports
from vigie.models import Article, EventReport
from vigie.store import Store


@dataclass(frozen=True)
class StoreBench:
    """Milliseconds per article for each block of ``block`` articles, in ingest order."""

    articles: int
    events: int
    block: int
    ms_per_article: tuple[float, ...]

    @property
    def growth(self) -> float:
        """Last block over first block (1.0 = flat)."""
        return self.ms_per_article[-1] / self.ms_per_article[0] if self.ms_per_article[0] else 0.0

    @property
    def mean_ms(self) -> float:
        return sum(self.ms_per_article) / len(self.ms_per_article)


_WORDS = ("frappes", "raid", "armée", "rebelles", "quartier", "bilan", "source", "village",
          "combats", "civils", "tirs", "route", "colline", "marché", "hôpital", "convoi")


def _article(i: int, report: EventReport) -> tuple[Article, list[EventReport]]:
    """An article whose text is its own (so the near-duplicate check sees distinct texts)."""
    article_id = f"bench-{i:06d}"
    rng = random.Random(i)
    text = " ".join(rng.choice(_WORDS) + str(rng.randrange(100)) for _ in range(60))
    article = Article(id=article_id, text=text, outlet=report.outlet, content_hash=article_id,
                      published=report.event_date + timedelta(days=1), published_source="input")
    return article, [replace(report, article_id=article_id)]


def distinct_articles(n: int, *, seed: int = 7) -> list[tuple[Article, list[EventReport]]]:
    """``n`` articles of one report each, about ``n / 1.5`` events (the in-memory bench's mix)."""
    return [_article(i, r) for i, r in enumerate(synthetic_reports(n, seed=seed))]


def dense_articles(n: int, *, seed: int = 7) -> list[tuple[Article, list[EventReport]]]:
    """``n`` articles all reporting the same event (one outlet each, the same place and day)."""
    (base,) = synthetic_reports(1, seed=seed)
    return [_article(i, replace(base, outlet=f"Outlet {i}")) for i in range(n)]


def bench_store(articles: list[tuple[Article, list[EventReport]]], *, block: int) -> StoreBench:
    """Store ``articles`` one at a time in a fresh SQLite file, merging every ``merge_batch``
    articles as ``vigie ingest`` does; time each block of ``block`` articles."""
    from vigie import settings
    from vigie.merge import MergeContext
    from vigie.pipeline import IngestSummary, merge_stored, store_article

    MergeContext.load()  # registries loaded before timing
    every = max(1, int(settings.get("merge_batch")))
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        summary = IngestSummary(run_id=store.start_run(["bench"]))
        blocks: list[float] = []
        for start in range(0, len(articles), block):
            chunk = articles[start:start + block]
            began = time.perf_counter()
            for i, (article, reports) in enumerate(chunk, start=start + 1):
                store_article(store, summary, article, reports)
                if i % every == 0 or i == len(articles):
                    merge_stored(store, summary)
            blocks.append(1000 * (time.perf_counter() - began) / len(chunk))
        if summary.errors:
            raise RuntimeError(f"bench articles refused: {summary.errors[0]}")
        events = store.counts().events
    return StoreBench(len(articles), events, block, tuple(round(b, 2) for b in blocks))
