"""Processes for the concurrency test: writers ingesting through the real store path, a reader.

Why a module of its own: ``multiprocessing`` (spawn) starts each process by importing the
function it runs, which must therefore live in an importable module, not in the test file.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from multiprocessing.synchronize import Event as StopFlag
from typing import Any

from vigie.merge.bench import synthetic_reports
from vigie.models import Article, EventReport
from vigie.store import Store

ARTICLES = 36  # each of 1 to 3 reports; about a third of the events told by several articles


def articles() -> list[tuple[Article, list[EventReport]]]:
    """The synthetic articles (no NLP: the question is storing and merging); the title says how
    many reports each carries, for the reader to check it sees all of them or none."""
    reports = synthetic_reports(ARTICLES * 2, seed=11)
    out = []
    for i in range(ARTICLES):
        mine = reports[2 * i : 2 * i + 1 + i % 2]
        aid = f"conc-{i:03d}"
        article = Article(id=aid, text=f"Dépêche {i}: " + " ".join(r.sub_event_type for r in mine) * 5,
                          title=f"reports={len(mine)}", content_hash=aid,
                          published=mine[0].event_date + timedelta(days=1), published_source="input")
        out.append((article, [replace(r, article_id=aid) for r in mine]))
    return out


def write(target: str, indexes: list[int], results: Any) -> None:
    """Store the articles at ``indexes`` one transaction each, merging every 3, as ``vigie
    ingest`` does (:func:`vigie.pipeline.store_article`, :func:`vigie.pipeline.merge_stored`)."""
    from vigie.pipeline import IngestSummary, merge_stored, store_article

    chosen = articles()
    with Store.open(target) as store:
        summary = IngestSummary(run_id=store.start_run(["concurrency"]))
        for n, i in enumerate(indexes, start=1):
            article, reports = chosen[i]
            store_article(store, summary, article, reports)
            if n % 3 == 0:
                merge_stored(store, summary)
        merge_stored(store, summary)
    results.put((summary.new, summary.duplicates, [str(e) for e in summary.errors]))


def read(target: str, stop: StopFlag, results: Any) -> None:
    """Until ``stop`` (and once more after), read every article and its reports in one
    snapshot; report the articles seen with a number of reports other than their title's."""
    torn: list[str] = []
    reads = 0
    with Store.open(target) as store:
        while True:
            last = stop.is_set()
            with store.snapshot():
                titles = dict(store.conn.execute("SELECT id, title FROM articles").fetchall())
                counts = dict(store.conn.execute(
                    "SELECT article_id, COUNT(*) FROM event_reports GROUP BY article_id").fetchall())
            reads += 1
            torn += [aid for aid, title in titles.items() if title != f"reports={counts.get(aid, 0)}"]
            if last:
                break
    results.put((reads, torn))
