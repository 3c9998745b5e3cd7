"""Two ingesting processes and a reader at once lose nothing and never show half an article."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from store_workers import ARTICLES, articles, read, write
from vigie.merge import merge_pending
from vigie.store import Store


def _state(target: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each article's report ids, and each event's member report ids."""
    with Store.open(target) as store:
        reports = {a.id: sorted(store.report_ids(a.id)) for a in store.articles()}
        events = {e.event_id: sorted(r.article_id for r in e.reports) for e in store.events()}
    return reports, events


def test_two_writers_and_a_reader(db_factory: Callable[[], str]) -> None:
    target = db_factory()
    Store.open(target).close()  # migrated once, before the processes race
    shared = list(range(30, ARTICLES))  # both writers store these: each must be stored once
    ctx = multiprocessing.get_context("spawn")
    results, seen, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    writers = [ctx.Process(target=write, args=(target, list(range(0, 30, 2)) + shared, results)),
               ctx.Process(target=write, args=(target, list(range(1, 30, 2)) + shared[::-1], results))]
    reader = ctx.Process(target=read, args=(target, stop, seen))
    for p in (reader, *writers):
        p.start()
    outcomes = [results.get(timeout=600) for _ in writers]
    stop.set()
    reads, torn = seen.get(timeout=600)
    for p in (reader, *writers):
        p.join(timeout=60)
        assert p.exitcode == 0

    assert [errors for _, _, errors in outcomes] == [[], []]
    assert sum(new for new, _, _ in outcomes) == ARTICLES
    assert sum(dup for _, dup, _ in outcomes) == len(shared)
    assert reads >= 1 and torn == []

    alone = db_factory()  # the same articles stored by one process: the same record
    with Store.open(alone) as store:
        for article, reports in articles():
            store.ingest_article(article, reports)
        merge_pending(store)
    assert _state(target) == _state(alone)
    reports, events = _state(target)
    assert len(reports) == ARTICLES and all(reports.values())
    assert sorted(a for members in events.values() for a in members) == sorted(
        aid for aid, ids in reports.items() for _ in ids)
